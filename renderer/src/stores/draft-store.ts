import { create } from 'zustand';

/** Unsaved drafts by key (a prompt's name, a task's id), kept outside the editors so that switching to another
 * item and back, or leaving the page and coming back, shows the draft again, as an editor's unsaved buffer
 * does. They live while the app is open; saving or reverting removes one. */
export interface DraftStore<T> {
  drafts: Readonly<Record<string, T>>;
  put(key: string, draft: T): void;
  drop(key: string): void;
}

export function createDraftStore<T>() {
  return create<DraftStore<T>>((set) => ({
    drafts: {},
    put: (key, draft) => set((s) => ({ drafts: { ...s.drafts, [key]: draft } })),
    drop: (key) => set((s) => {
      if (!(key in s.drafts)) return s;
      const { [key]: _dropped, ...rest } = s.drafts;
      return { drafts: rest };
    }),
  }));
}
