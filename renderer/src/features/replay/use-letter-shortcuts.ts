import { useCallback, useState } from 'react';

/** Where the choice is kept, per browser profile (web mode) or app profile (desktop). */
export const LETTER_SHORTCUTS_KEY = 'mira.replay.letterShortcuts';

/** Whether the replay's single-letter shortcuts (J / K) are on. WCAG 2.1.4 (Character Key Shortcuts): a shortcut
 * made of one printable character must be possible to turn off, since speech input types letters; the choice is
 * remembered. Arrows and Home / End are not character keys and stay on. Default: on. */
export function useLetterShortcuts(): [boolean, (on: boolean) => void] {
  const [on, setOn] = useState(() => readSetting());
  const set = useCallback((next: boolean) => {
    setOn(next);
    try {
      localStorage.setItem(LETTER_SHORTCUTS_KEY, next ? 'on' : 'off');
    } catch {
      // Storage refused (private mode, quota): the choice still holds for this page.
    }
  }, []);
  return [on, set];
}

function readSetting(): boolean {
  try {
    return localStorage.getItem(LETTER_SHORTCUTS_KEY) !== 'off';
  } catch {
    return true;
  }
}
