import type { PromptVersion } from '../../../../main/api/contract';
import { createDraftStore } from '../../stores/draft-store';

/** A prompt's unsaved text and the version it was edited from, by prompt name. */
export interface PromptDraft {
  base: PromptVersion;
  text: string;
}

export const usePromptDrafts = createDraftStore<PromptDraft>('prompts');
