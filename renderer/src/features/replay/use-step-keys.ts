import { useEffect } from 'react';

/** ←/→ step, Home/End jump, and (when given) J/K to the next/previous verdict — ignored while typing, when a
 * focused widget handled the key (tabs), and while a modal dialog is open (the fork dialog shows the step it forks from: the replay behind it must not move). */
export function useStepKeys(onStep: (delta: number | 'first' | 'last') => void, onVerdict?: (direction: 1 | -1) => void): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      // A widget that uses the key itself (the step texts' tabs, an editor) has handled it.
      if (event.defaultPrevented) return;
      const target = event.target as HTMLElement | null;
      if (target && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))) return;
      if (event.altKey || event.ctrlKey || event.metaKey) return;
      if (document.querySelector('dialog:modal')) return;
      const key = event.key.toLowerCase();
      if (onVerdict && (key === 'j' || key === 'k')) {
        event.preventDefault();
        onVerdict(key === 'j' ? 1 : -1);
        return;
      }
      const actions: Record<string, number | 'first' | 'last'> = { ArrowRight: 1, ArrowLeft: -1, Home: 'first', End: 'last' };
      const action = actions[event.key];
      if (action === undefined) return;
      event.preventDefault();
      onStep(action);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onStep, onVerdict]);
}
