// Scores one finished (or cut-short) episode against its WebArena task config (docs/design/WEBARENA.md §2.1, §2.6):
// eval_types run in order, the score is the product of every check, success means score ≥ 1, and every
// check explains what was compared so the UI can show why an episode passed or failed.
import type { EvaluationCheck, EvaluationResult } from '../api/types';
import { EVAL_TYPES, type WebArenaEval } from '../tasks/webarena-config';
import { JudgeCallError, type FuzzyJudge } from './fuzzy';
import type { PageLike } from './page-like';
import { PROFILE_NAMES, PROFILES, type ProfileName } from './profiles';
import { programHtmlChecks } from './program-html';
import { resolveDeep } from './resolve-placeholders';
import type { ShoppingAdminCredentials } from './shopping-api';
import { stringMatchChecks } from './string-match';
import { UnscorableConfigError } from './unscorable';
import { urlMatchChecks } from './url-match';

export interface EvaluateContext {
  /** The stop answer, or the reference harness's "Early stop: …" / "ERROR: …" text (docs/design/WEBARENA.md §2.1);
   * null when the episode ended without one (it is still scored, as an empty answer). */
  answer: string | null;
  /** The URL the agent ended on. */
  finalUrl: string;
  profile: ProfileName;
  /** Replaces __SHOPPING__ etc. with site URLs; throws listing any left unresolved. */
  placeholders: (s: string) => string;
  /** The episode's page, left where the agent ended (needed by program_html). */
  page?: PageLike;
  /** LLM judge for fuzzy_match and the N/A rule. */
  llm?: FuzzyJudge;
  /** Pause after each program_html navigation; default 3000 ms as the original's sleep. */
  settleMs?: number;
  /** Magento admin API credentials, for the helpers that the original answers from the REST API. */
  shoppingAdmin?: ShoppingAdminCredentials;
  fetchImpl?: typeof fetch;
}

const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

export async function evaluateEpisode(config: Record<string, unknown>, ctx: EvaluateContext): Promise<EvaluationResult> {
  const profile = PROFILES[ctx.profile];
  if (!profile) throw new Error(`unknown scoring profile "${ctx.profile}" (expected ${PROFILE_NAMES.join(' or ')})`);
  const evalConfig = config.eval as WebArenaEval | undefined;
  if (!evalConfig || typeof evalConfig !== 'object' || !Array.isArray(evalConfig.eval_types)) {
    throw new Error('the task config has no eval.eval_types list: it cannot be scored');
  }
  const unknown = evalConfig.eval_types.filter((t) => !(EVAL_TYPES as readonly string[]).includes(t));
  if (unknown.length) throw new Error(`eval.eval_types has ${unknown.map((t) => `"${t}"`).join(', ')}; expected ${EVAL_TYPES.join(', ')}`);
  const intent = typeof config.intent === 'string' ? config.intent : '';

  const checks: EvaluationCheck[] = [];
  for (const type of evalConfig.eval_types) {
    try {
      if (type === 'string_match') {
        const resolved = { ...evalConfig, reference_answers: resolveDeep(evalConfig.reference_answers, ctx.placeholders),
          string_note: resolveDeep(evalConfig.string_note, ctx.placeholders) };
        checks.push(...(await stringMatchChecks({ evalConfig: resolved, intent, answer: ctx.answer, profile, llm: ctx.llm })));
      } else if (type === 'url_match') {
        const resolved = { ...evalConfig, reference_url: resolveDeep(evalConfig.reference_url, ctx.placeholders) };
        checks.push(...urlMatchChecks({ evalConfig: resolved, finalUrl: ctx.finalUrl, profile }));
      } else {
        checks.push(...(await programHtmlChecks({ evalConfig, intent, profile, placeholders: ctx.placeholders, page: ctx.page,
          llm: ctx.llm, settleMs: ctx.settleMs ?? 3000, shoppingAdmin: ctx.shoppingAdmin, fetchImpl: ctx.fetchImpl })));
      }
    } catch (err) {
      // Where the original evaluator raises, so do we: the episode is recorded as not scored (§2.6).
      if (err instanceof UnscorableConfigError || err instanceof JudgeCallError) throw err;
      // e.g. an unresolved placeholder in the references: that eval type fails, explained, and scoring goes on.
      checks.push({ kind: type, rule: type, expected: '', actual: '', passed: false, score: 0, note: message(err) });
    }
  }
  const score = checks.reduce((s, c) => s * c.score, 1);
  return { profile: profile.name, score, success: score >= 1, checks };
}

/** One line per check, for logs and the episode's outcome text. */
export function describeEvaluation(result: EvaluationResult): string {
  const head = `${result.success ? 'PASS' : 'FAIL'} (score ${result.score}, profile ${result.profile})`;
  const lines = result.checks.map((c) =>
    `${c.passed ? '✓' : '✗'} ${c.rule}: expected ${JSON.stringify(c.expected)}, got ${JSON.stringify(c.actual)}${c.note ? ` — ${c.note}` : ''}`);
  return [head, ...lines].join('\n');
}
