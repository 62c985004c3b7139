import { createDraftStore } from '../../stores/draft-store';
import type { DraftItem } from './subgoal-draft';

/** A task's unsaved subgoal edits and the id of the set they started from (null: no set yet), by task id. */
export interface UnsavedSubgoals {
  baseId: number | null;
  items: DraftItem[];
}

export const useUnsavedSubgoals = createDraftStore<UnsavedSubgoals>('subgoals');
