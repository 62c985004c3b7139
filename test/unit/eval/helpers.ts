import type { FuzzyJudge, FuzzyPrompt, FuzzyVerdict } from '../../../main/eval/fuzzy';
import type { EvaluateContext } from '../../../main/eval/evaluate';
import type { ProfileName } from '../../../main/eval/profiles';

export const SITES: Record<string, string> = {
  __SHOPPING_ADMIN__: 'http://shop.test:7780/admin',
  __SHOPPING__: 'http://shop.test:7770',
  __REDDIT__: 'http://forum.test:9999',
  __GITLAB__: 'http://git.test:8023',
};

/** A plain replacer for the unit tests (the real one lives in main/tasks/site-profile.ts). */
export const placeholders = (s: string): string =>
  Object.entries(SITES).reduce((t, [k, v]) => t.replaceAll(k, v), s);

/** A judge that answers from a function and records every prompt. */
export function recordingJudge(answer: (p: FuzzyPrompt) => FuzzyVerdict): FuzzyJudge & { prompts: FuzzyPrompt[] } {
  const prompts: FuzzyPrompt[] = [];
  return { prompts, judge: async (p) => { prompts.push(p); return answer(p); } };
}

export function ctx(profile: ProfileName, over: Partial<EvaluateContext> = {}): EvaluateContext {
  return { answer: null, finalUrl: 'http://shop.test:7770/', profile, placeholders, settleMs: 0, ...over };
}

/** A config with just what the evaluators read. */
export function task(evalBlock: Record<string, unknown>, intent = 'What is it?'): Record<string, unknown> {
  return { task_id: 0, sites: ['shopping'], intent, start_url: '__SHOPPING__', eval: { reference_answers: null, reference_url: '', program_html: [], ...evalBlock } };
}
