import { useEffect } from 'react';

/** ←/→ step, Home/End jump — ignored while typing in a field. */
export function useStepKeys(onStep: (delta: number | 'first' | 'last') => void): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (target && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))) return;
      if (event.altKey || event.ctrlKey || event.metaKey) return;
      const actions: Record<string, number | 'first' | 'last'> = { ArrowRight: 1, ArrowLeft: -1, Home: 'first', End: 'last' };
      const action = actions[event.key];
      if (action === undefined) return;
      event.preventDefault();
      onStep(action);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onStep]);
}
