import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';

/** Unsaved drafts by key (a prompt's name, a task's id), kept outside the editors so that switching to another
 * item and back, or leaving the page and coming back, shows the draft again, as an editor's unsaved buffer
 * does. They are kept in the tab's sessionStorage too, so a reload (or a renderer that crashed and came back)
 * loses nothing; a new tab starts clean, as a new editor window does. Saving or reverting removes one. */
export interface DraftStore<T> {
  drafts: Readonly<Record<string, T>>;
  put(key: string, draft: T): void;
  drop(key: string): void;
}

/** @param name the store's sessionStorage key suffix, one per kind of draft ('prompts', 'subgoals'). */
export function createDraftStore<T>(name: string) {
  return create<DraftStore<T>>()(
    persist(
      (set) => ({
        drafts: {},
        put: (key, draft) => set((s) => ({ drafts: { ...s.drafts, [key]: draft } })),
        drop: (key) => set((s) => {
          if (!(key in s.drafts)) return s;
          const { [key]: _dropped, ...rest } = s.drafts;
          return { drafts: rest };
        }),
      }),
      // Storage that throws (disabled by the browser's settings) leaves the drafts in memory only.
      { name: `mira-drafts-${name}`, version: 1, storage: createJSONStorage(() => sessionStorage), partialize: (s) => ({ drafts: s.drafts }) },
    ),
  );
}
