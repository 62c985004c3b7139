import { useState } from 'react';
import type { SubgoalItem } from '../../../../main/api/contract';
import { emptyItem, fromDraft, move, toDraft, type DraftItem } from './subgoal-draft';
import { SubgoalRow } from './SubgoalRow';

/** Hand-editing of one subgoal set: reorder, add, remove, change text or predicate; Save stores a new version. */
export function SubgoalEditor({ items, baseVersion, onSave }: { items: SubgoalItem[]; baseVersion: number | null; onSave(items: SubgoalItem[], note: string): Promise<void> }) {
  const [draft, setDraft] = useState<DraftItem[]>(() => toDraft(items));
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

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
      <h2>{baseVersion === null ? 'New subgoal set' : `Editing from version ${baseVersion}`}</h2>
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
        <button type="button" className="primary" onClick={save} disabled={saving}>{saving ? 'Saving…' : 'Save as new version'}</button>
        {error && <span role="alert" className="error">{error}</span>}
      </div>
    </section>
  );
}
