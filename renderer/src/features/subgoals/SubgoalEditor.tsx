import { useEffect, useId, useRef, useState } from 'react';
import type { SubgoalItem, SubgoalSet } from '../../../../main/api/contract';
import { FocusKeepingButton } from '../../components/FocusKeepingButton';
import { emptyItem, explainSaveError, fieldLabel, fromDraft, MAX_SUBGOALS, move, sameItems, toDraft, type DraftItem } from './subgoal-draft';
import { SubgoalRow } from './SubgoalRow';
import { useUnsavedSubgoals } from './unsaved-subgoals';

/** Hand-editing of one subgoal set: reorder, add, remove, change text or predicate; Save stores a new version.
 * Unsaved edits are kept per task (unsaved-subgoals.ts) and come back when the task is opened again. */
export function SubgoalEditor({ taskId, base, current, newest, onSave }: {
  taskId: string;
  /** The version the edits start from (null: the task has none yet). */
  base: SubgoalSet | null;
  /** The version new runs start from (null: none, e.g. a MiniWoB++ task's are per seed); a save becomes it. */
  current: SubgoalSet | null;
  /** The task's newest version, which Save's new version follows. */
  newest: SubgoalSet | null;
  onSave(items: SubgoalItem[], note: string): Promise<void>;
}) {
  const put = useUnsavedSubgoals((s) => s.put);
  const drop = useUnsavedSubgoals((s) => s.drop);
  const [draft, setDraft] = useState<DraftItem[]>(() => useUnsavedSubgoals.getState().drafts[taskId]?.items ?? toDraft(base?.items ?? []));
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  /** The field the last Save refused (its label), marked invalid and given the focus. */
  const [faulty, setFaulty] = useState<string | null>(null);
  const messageId = useId();
  // An edit after a refused Save: the field may have moved or been fixed, so it is no longer marked.
  useEffect(() => setFaulty(null), [draft]);
  const [saving, setSaving] = useState(false);

  const dirty = !sameItems(draft, base?.items ?? []);
  const baseId = base?.id ?? null;
  // The kept edits mirror the editor: there while the rows differ from the version they started from.
  useEffect(() => (dirty ? put(taskId, { baseId, items: draft }) : drop(taskId)), [dirty, draft, baseId, taskId, put, drop]);
  // Save offers whatever differs from the version new runs start from (else the newest), so an older version or an
  // episode's re-plan picked as it is can be restored as the one they start from.
  const compared = current ?? newest;
  const comparedName = current ? 'the current version' : 'the newest version';
  const savable = !compared || !sameItems(draft, compared.items);
  const restoring = savable && !dirty && base !== null;

  // Where the keyboard focus goes once the rows have re-rendered: a button that moved a row to an end is
  // disabled there and a removed row's buttons are gone, which would drop the focus to the document.
  const panel = useRef<HTMLElement>(null);
  const focusNext = useRef<string | null>(null);
  useEffect(() => {
    const label = focusNext.current;
    focusNext.current = null;
    if (label === null) return;
    const target = panel.current?.querySelector<HTMLElement>(label === 'heading' ? 'h2' : `[aria-label="${label}"]`);
    if (!target) return;
    if (label === 'heading') target.tabIndex = -1;
    target.focus();
  }, [draft]);
  const moveRow = (i: number, to: number) => {
    // The same arrow on the row's new place, or the other one where that end disables it.
    const up = to < i;
    const stays = up ? to > 0 : to < draft.length - 1;
    const direction = up ? (stays ? 'up' : 'down') : stays ? 'down' : 'up';
    focusNext.current = `Move subgoal ${to + 1} ${direction}`;
    setDraft((d) => move(d, i, to));
  };
  const removeRow = (i: number) => {
    // The next row's remove button (now at this place), else the previous row's, else "Add subgoal".
    focusNext.current = draft.length === 1 ? 'Add subgoal' : `Remove subgoal ${i + 1 < draft.length ? i + 1 : i}`;
    setDraft((d) => d.filter((_, j) => j !== i));
  };
  const full = draft.length >= MAX_SUBGOALS;
  const addRow = () => {
    focusNext.current = fieldLabel(draft.length, 'text');
    setDraft((d) => [...d, emptyItem()]);
  };
  const revert = (items: SubgoalItem[]) => {
    focusNext.current = 'heading';
    setDraft(toDraft(items));
  };
  const update = (i: number, patch: Partial<DraftItem>) => setDraft((d) => d.map((item, j) => (j === i ? { ...item, ...patch } : item)));
  const save = async () => {
    const parsed = fromDraft(draft);
    if ('error' in parsed) {
      setError(parsed.error);
      setFaulty(parsed.field);
      if (parsed.field) panel.current?.querySelector<HTMLElement>(`[aria-label="${parsed.field}"]`)?.focus();
      return;
    }
    setSaving(true);
    setError(null);
    setFaulty(null);
    try {
      await onSave(parsed.items, note.trim());
      setNote('');
    } catch (err) {
      const refused = explainSaveError((err as Error).message);
      setError(refused.error);
      setFaulty(refused.field);
      if (refused.field) panel.current?.querySelector<HTMLElement>(`[aria-label="${refused.field}"]`)?.focus();
    } finally {
      setSaving(false);
    }
  };

  return (
    <section className="panel subgoal-editor" aria-label="Edit subgoals" ref={panel}>
      <h2>{base === null ? 'New subgoal set' : `Editing from version ${base.version}`}{base?.use === 'replan' ? ', an episode\'s re-plan' : ''}{dirty && base !== null ? ' (modified)' : ''}</h2>
      <ol className="subgoal-rows">
        {draft.map((item, i) => (
          <SubgoalRow
            key={item.key}
            item={item}
            index={i}
            count={draft.length}
            problem={faulty ? { field: faulty, messageId } : null}
            onChange={(patch) => update(i, patch)}
            onMove={(to) => moveRow(i, to)}
            onRemove={() => removeRow(i)}
          />
        ))}
      </ol>
      <div className="save-bar">
        <FocusKeepingButton onClick={addRow} unavailable={full}>Add subgoal</FocusKeepingButton>
        {full && <span className="small muted" data-testid="subgoal-limit">{MAX_SUBGOALS} milestones at most.</span>}
        <label>Note <input value={note} onChange={(e) => setNote(e.target.value)} placeholder="why it changed" /></label>
        <FocusKeepingButton className="primary" onClick={save} unavailable={!savable || saving}>
          {saving ? 'Saving…' : restoring ? `Restore version ${base.version}` : 'Save as new version'}
        </FocusKeepingButton>
        {dirty && base !== null && <button type="button" onClick={() => revert(base.items)}>Revert</button>}
        {restoring && compared && <span className="small muted">Saves version {base.version}&apos;s milestones as a new version{current ? `, which new runs then start from (now v${current.version})` : ` (the newest now is v${compared.version})`}.</span>}
        {!savable && compared && <span className="small muted">Same milestones as {comparedName} (v{compared.version}).</span>}
        {error && <span role="alert" className="error" id={messageId}>{error}</span>}
      </div>
    </section>
  );
}
