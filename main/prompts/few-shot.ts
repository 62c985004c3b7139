// Few-shot examples for subgoal generation (docs/design/MIRA.md §2.1): 2 examples per website category, shown in random
// order. The order is drawn from a seed so a generation can be replayed (and cached) exactly.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { xorshift32 } from '../random/seeded-random';
import { PROMPTS_DIR } from './definitions';

export const FEW_SHOT_CATEGORIES = ['shopping', 'shopping_admin', 'reddit', 'gitlab', 'map'] as const;

export interface FewShotExample {
  category: string;
  intent: string;
  page: string;
  subgoals: string[];
}

export async function loadFewShot(dir = join(PROMPTS_DIR, 'few-shot')): Promise<FewShotExample[]> {
  const all: FewShotExample[] = [];
  for (const category of FEW_SHOT_CATEGORIES) {
    const list = JSON.parse(await readFile(join(dir, `${category}.json`), 'utf8')) as Omit<FewShotExample, 'category'>[];
    all.push(...list.map((e) => ({ ...e, category })));
  }
  return all;
}

/** Fisher–Yates with xorshift32: the same seed always gives the same order. */
export function shuffled<T>(items: readonly T[], seed: number): T[] {
  const next = xorshift32(seed);
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = next() % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** The examples block of the subgoal-generation prompt: every category's examples, in seeded random order. */
export function renderFewShot(examples: readonly FewShotExample[], seed: number): string {
  return shuffled(examples, seed)
    .map((e, i) => [
      `Example ${i + 1} (${e.category})`,
      `Task: ${e.intent}`,
      `Page: ${e.page}`,
      `Subgoals: ${JSON.stringify({ subgoals: e.subgoals })}`,
    ].join('\n'))
    .join('\n\n');
}
