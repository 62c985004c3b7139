import type { DraftItem } from './subgoal-draft';

/** One editable milestone: its text, its machine check (JSON), and move/remove buttons. */
export function SubgoalRow({ item, index, count, onChange, onMove, onRemove }: {
  item: DraftItem;
  index: number;
  count: number;
  onChange(patch: Partial<DraftItem>): void;
  onMove(to: number): void;
  onRemove(): void;
}) {
  const n = index + 1;
  return (
    <li className="subgoal-row" data-testid="subgoal-row">
      <span className="subgoal-index">{n}.</span>
      <input className="subgoal-text" aria-label={`Subgoal ${n} text`} value={item.text} onChange={(e) => onChange({ text: e.target.value })} placeholder="What is done when this milestone is reached" />
      <input className="subgoal-predicate" aria-label={`Subgoal ${n} predicate`} value={item.predicate} onChange={(e) => onChange({ predicate: e.target.value })} placeholder='predicate JSON, e.g. {"kind":"url_matches","pattern":"/cart"}' />
      <button type="button" aria-label={`Move subgoal ${n} up`} onClick={() => onMove(index - 1)} disabled={index === 0}>↑</button>
      <button type="button" aria-label={`Move subgoal ${n} down`} onClick={() => onMove(index + 1)} disabled={index === count - 1}>↓</button>
      <button type="button" aria-label={`Remove subgoal ${n}`} onClick={onRemove}>✕</button>
    </li>
  );
}
