import { fieldLabel, type DraftItem } from './subgoal-draft';

/** About the characters a row's text field shows per line; the field grows to 6 lines, then scrolls. */
const CHARS_PER_LINE = 64;
const textRows = (text: string) => Math.min(6, Math.max(1, Math.ceil(text.length / CHARS_PER_LINE)));
const oneLine = (text: string) => text.replace(/[ \t]*[\r\n]+[ \t]*/g, ' ');

/** One editable milestone: its text, its machine check (JSON), and move/remove buttons. A field the last Save
 * refused is marked invalid and described by the editor's message (`problem`). */
export function SubgoalRow({ item, index, count, problem, onChange, onMove, onRemove }: {
  item: DraftItem;
  index: number;
  count: number;
  problem: { field: string; messageId: string } | null;
  onChange(patch: Partial<DraftItem>): void;
  onMove(to: number): void;
  onRemove(): void;
}) {
  const n = index + 1;
  const marks = (field: 'text' | 'predicate') => (problem?.field === fieldLabel(index, field) ? { 'aria-invalid': true, 'aria-describedby': problem.messageId } : {});
  return (
    <li className="subgoal-row" data-testid="subgoal-row">
      <span className="subgoal-index">{n}.</span>
      {/* A long milestone wraps in full (a one-line input hid all but its first words); it stays one line of the
          prompts' numbered list, so Enter adds no line break and a pasted one becomes a space. */}
      <textarea className="subgoal-text" rows={textRows(item.text)} aria-label={fieldLabel(index, 'text')} {...marks('text')} value={item.text} onChange={(e) => onChange({ text: oneLine(e.target.value) })} onKeyDown={(e) => e.key === 'Enter' && e.preventDefault()} placeholder="What is done when this milestone is reached" />
      <input className="subgoal-predicate" aria-label={fieldLabel(index, 'predicate')} {...marks('predicate')} value={item.predicate} onChange={(e) => onChange({ predicate: e.target.value })} placeholder='predicate JSON, e.g. {"kind":"url_matches","pattern":"/cart"}' />
      <button type="button" aria-label={`Move subgoal ${n} up`} onClick={() => onMove(index - 1)} disabled={index === 0}>↑</button>
      <button type="button" aria-label={`Move subgoal ${n} down`} onClick={() => onMove(index + 1)} disabled={index === count - 1}>↓</button>
      <button type="button" aria-label={`Remove subgoal ${n}`} onClick={onRemove}>✕</button>
    </li>
  );
}
