import { useState } from 'react';
import { togglePair } from './pair-selection';

/** Ticking two rows of a table (runs, training jobs) and opening them side by side: the state, a checkbox
 * for each row and the button. */
export function usePairPicker() {
  const [selected, setSelected] = useState<string[]>([]);
  return { selected, toggle: (id: string) => setSelected((s) => togglePair(s, id)) };
}

export function PairCheckbox({ id, label, selected, onToggle }: { id: string; label: string; selected: string[]; onToggle(id: string): void }) {
  return (
    <input
      type="checkbox"
      aria-label={`Compare ${label}`}
      checked={selected.includes(id)}
      onClick={(e) => e.stopPropagation()}
      onChange={() => onToggle(id)}
    />
  );
}

export function CompareSelectedButton({ what, selected, onCompare }: { what: string; selected: string[]; onCompare(left: string, right: string): void }) {
  return (
    <button type="button" disabled={selected.length !== 2} onClick={() => onCompare(selected[0], selected[1])} title={`Tick two ${what} to compare them side by side`}>
      Compare {selected.length === 2 ? `the two ${what}` : `two ${what}`} ({selected.length}/2 ticked)
    </button>
  );
}
