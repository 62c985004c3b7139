import { useEffect, useState } from 'react';
import type { SubgoalItem, SubgoalSet } from '../../../../main/api/contract';
import { emptyItem, fromDraft, move, sameItems, toDraft, type DraftItem } from './subgoal-draft';
import { SubgoalRow } from './SubgoalRow';
import { useUnsavedSubgoals } from './unsaved-subgoals';

/** Hand-editing of one subgoal set: reorder, add, remove, change text or predicate; Save stores a new version.
 * Unsaved edits are kept per task (unsaved-subgoals.ts) and come back when the task is opened again. */
export function SubgoalEditor({ taskId, base, latest, onSave }: {
  taskId: string;
  /** The version the edits start from (null: the task has none yet). */
  base: SubgoalSet | null;
  /** The task's newest version, which Save's new version follows. */
  latest: SubgoalSet | null;
  onSave(items: SubgoalItem[], note: string): Promise<void>;
}) {
  const put = useUnsavedSubgoals((s) => s.put);
  const drop = useUnsavedSubgoals((s) => s.drop);
  const [draft, setDraft] = useState<DraftItem[]>(() => useUnsavedSubgoals.getState().drafts[taskId]?.items ?? toDraft(base?.items ?? []));
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const dirty = !sameItems(draft, base?.items ?? []);
  const baseId = base?.id ?? null;
  // The kept edits mirror the editor: there while the rows differ from the version they started from.
  useEffect(() => (dirty ? put(taskId, { baseId, items: draft }) : drop(taskId)), [dirty, draft, baseId, taskId, put, drop]);
  // Save offers whatever differs from the newest version, so an older version picked as it is can be restored.
  const savable = !latest || !sameItems(draft, latest.items);
  const restoring = savable && !dirty && base !== null;

  const update = (i: number, patch: Partial<DraftItem>) => setDraft((d) => d.map((item, j) => (j === i ? { ...item, ...patch } : item)));
  const save = async () => {
    const parsed = fromDraft(draft);
    if ('error' in parsed) return setError(parsed.error);
    setSaving(true);
    setError(null);
    try {
      await onSave(parsed.items, note.trim());
      setNote('');
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setSaving(false);
    }
  };

  return (
    <section className="panel subgoal-editor" aria-label="Edit subgoals">
      <h2>{base === null ? 'New subgoal set' : `Editing from version ${base.version}`}{dirty && base !== null ? ' (modified)' : ''}</h2>
      <ol className="subgoal-rows">
        {draft.map((item, i) => (
          <SubgoalRow
            key={item.key}
            item={item}
            index={i}
            count={draft.length}
            onChange={(patch) => update(i, patch)}
            onMove={(to) => setDraft((d) => move(d, i, to))}
            onRemove={() => setDraft((d) => d.filter((_, j) => j !== i))}
          />
        ))}
      </ol>
      <div className="save-bar">
        <button type="button" onClick={() => setDraft((d) => [...d, emptyItem()])}>Add subgoal</button>
        <label>Note <input value={note} onChange={(e) => setNote(e.target.value)} placeholder="why it changed" /></label>
        <button type="button" className="primary" onClick={save} disabled={!savable || saving}>
          {saving ? 'Saving…' : restoring ? `Restore version ${base.version}` : 'Save as new version'}
        </button>
        {dirty && base !== null && <button type="button" onClick={() => setDraft(toDraft(base.items))}>Revert</button>}
        {restoring && latest && <span className="small muted">Saves version {base.version}&apos;s milestones as a new version, the current one (now v{latest.version}).</span>}
        {!savable && latest && <span className="small muted">Same milestones as the current version (v{latest.version}).</span>}
        {error && <span role="alert" className="error">{error}</span>}
      </div>
    </section>
  );
}
