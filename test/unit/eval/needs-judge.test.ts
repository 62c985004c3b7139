import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { judgedChecksOf, needsJudge } from '../../../main/eval/needs-judge';

const LITE = join(import.meta.dirname, '../../fixtures/webarena-lite/test_webarena_lite.raw.json');

// Which configs need an LLM judge (docs/design/WEBARENA.md §2.2). The Lite counts were read off the fixture by an
// independent script: 36 configs with string_match fuzzy_match (task 114's is "N/A"), 4 with a program_html
// fuzzy_match, 40 in all.
describe('judgedChecksOf', () => {
  it('finds string_match and program_html fuzzy_match, and nothing in exact or url checks', () => {
    expect(judgedChecksOf({ eval: { eval_types: ['string_match'], reference_answers: { fuzzy_match: ['blue'] } } })).toEqual(['string_match fuzzy_match']);
    expect(judgedChecksOf({ eval: { eval_types: ['string_match'], reference_answers: { fuzzy_match: 'N/A' }, string_note: 'no such item' } }))
      .toEqual(['string_match fuzzy_match "N/A"']);
    expect(judgedChecksOf({ eval: { eval_types: ['program_html'], program_html: [{ url: 'last', locator: '', required_contents: { fuzzy_match: ['x'] } }] } }))
      .toEqual(['program_html fuzzy_match']);
    expect(needsJudge({ eval: { eval_types: ['string_match', 'url_match'], reference_answers: { exact_match: 'x' }, reference_url: '__SHOPPING__' } })).toBe(false);
    // A fuzzy_match key under an eval type the config does not list is never read by the evaluator.
    expect(needsJudge({ eval: { eval_types: ['url_match'], reference_answers: { fuzzy_match: ['x'] } } })).toBe(false);
    expect(needsJudge(null)).toBe(false);
    expect(needsJudge({ eval: 'nope' })).toBe(false);
  });

  it('counts the WebArena-Lite configs that need a judge: 36 string, 4 page, 40 tasks', () => {
    const configs = JSON.parse(readFileSync(LITE, 'utf8')) as Array<{ task_id: number }>;
    const checks = configs.map((c) => ({ id: c.task_id, checks: judgedChecksOf(c) }));
    expect(checks.filter((c) => c.checks.some((k) => k.startsWith('string_match'))).length).toBe(36);
    expect(checks.filter((c) => c.checks.includes('program_html fuzzy_match')).length).toBe(4);
    expect(checks.filter((c) => c.checks.length > 0).length).toBe(40);
    expect(checks.find((c) => c.id === 114)!.checks).toEqual(['string_match fuzzy_match "N/A"']);
  });
});
