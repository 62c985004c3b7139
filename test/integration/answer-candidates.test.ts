import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { executeAction } from '../../main/actions/executor';
import { grammarNamed } from '../../main/actions/grammars';
import { OraclePolicy } from '../../main/agent/oracle-policy';
import { observe } from '../../main/browser/observe';
import { BrowserPool } from '../../main/browser/pool';
import type { BrowserSession } from '../../main/browser/session';
import { PROFILES } from '../../main/eval/profiles';
import { stringMatchChecks } from '../../main/eval/string-match';
import { placeholderResolver } from '../../main/runs/environments';
import { findFamily } from '../../main/sandbox/families';
import { startSandboxServer, type SandboxServer } from '../../main/sandbox/server';
import { answerCandidates, MAX_ANSWER_CANDIDATES } from '../../main/training/answer/answer-candidates';
import { parseAxTreeText } from '../../main/training/export/ax-text';
import type { WebArenaEval } from '../../main/tasks/webarena-config';
import { sharedBrowserEndpoint } from '../helpers/shared-browser';

// Issue 17 "Must show": the answer-candidate extractor on real sandbox pages. The oracle walks each task in
// Chromium to the page its answer is read from; the extractor's candidates of that page must hold one the
// task's own evaluator accepts (string_match, webarena profile), and the page read back from its stored
// observation text must give the same candidates (how exported and recorded runs rebuild states).

let server: SandboxServer;
let pool: BrowserPool;
let session: BrowserSession;

beforeAll(async () => {
  server = await startSandboxServer({ datasetSeed: 1 });
  pool = new BrowserPool({ wsEndpoint: sharedBrowserEndpoint() });
}, 120_000);
afterAll(async () => {
  await session?.close();
  await pool?.close();
  await server?.close();
}, 120_000);

/** Follows the instance's oracle plan in a fresh episode state until its stop; returns the last page's
 * observation and the oracle's answer. */
async function walkToAnswer(familyId: string, index: number) {
  const instance = findFamily(familyId)!.instantiate(1, index);
  const state = server.createEpisodeState();
  await session?.close();
  session = await pool.newSession({ cookies: [state.cookie] });
  const resolveUrl = placeholderResolver(server.placeholders());
  await session.page.goto(resolveUrl(String(instance.config.start_url)));
  const oracle = new OraclePolicy(instance.oracle, resolveUrl);
  const parser = grammarNamed('webarena');
  for (;;) {
    const observation = await observe(session, { screenshot: false });
    const action = parser.parse((await oracle.decide({ intent: String(instance.config.intent), observation, t: 0, history: [] })).reply);
    if (action.type === 'stop') return { instance, observation, answer: action.text ?? '' };
    await executeAction(action, session);
  }
}

async function accepted(evalConfig: WebArenaEval, intent: string, answer: string): Promise<boolean> {
  const checks = await stringMatchChecks({ evalConfig, intent, answer, profile: PROFILES.webarena });
  return checks.every((c) => c.passed);
}

describe('answer candidates on sandbox pages (issue 17)', () => {
  // One family per site and kind of value: a count in a sentence, an amount with "$", a username link, a
  // travel time with its unit, a commit count, a price held in an edit form's field.
  const cases: [string, string][] = [
    ['admin/count-orders', 'a count ("5 records found" → "5")'],
    ['shop/cheapest-in-category', 'a price ("$340.27", the reference is "340.27")'],
    ['forum/top-post-author', 'a username (a link after "Submitted by")'],
    ['map/travel-time', 'a travel time with its unit ("Time: 112 min" → "112 min")'],
    ['code/commit-count', 'a count inside a sentence'],
    ['admin/bestseller-stock', 'a value shown in a form field'],
  ];
  for (const [family, what] of cases) {
    it(`${family}: ${what} is among the candidates, accepted by the evaluator`, { timeout: 180_000 }, async () => {
      const { instance, observation, answer } = await walkToAnswer(family, 0);
      const evalConfig = (instance.config as { eval: WebArenaEval }).eval;
      const intent = String(instance.config.intent);
      expect(await accepted(evalConfig, intent, answer)).toBe(true); // the oracle's own answer passes
      const candidates = answerCandidates(observation.nodes);
      expect(candidates.length).toBeGreaterThan(0);
      expect(candidates.length).toBeLessThanOrEqual(MAX_ANSWER_CANDIDATES);
      const passing = [];
      for (const c of candidates) if (await accepted(evalConfig, intent, c.text)) passing.push(c.text);
      expect(passing.length, `${answer} not among ${candidates.map((c) => c.text).join(' | ')}`).toBeGreaterThan(0);
      // No two candidates say the same thing under the evaluator's cleaning.
      expect(new Set(candidates.map((c) => c.text.toLowerCase().replace(/^\$/, ''))).size).toBe(candidates.length);
      // The stored observation text rebuilds the same candidates.
      expect(answerCandidates(parseAxTreeText(observation.text))).toEqual(candidates);
    });
  }
});
