// Scoring profiles (docs/design/WEBARENA.md §2.5): numbers are only comparable within one profile, so every
// EvaluationResult records which profile produced it. 'webarena' follows web-arena-x/webarena's
// evaluation_harness; 'vab-lite' follows THUDM/VisualAgentBench's WebArena-Lite evaluators (what WebRL and
// MiRA report). Each field is one difference between the two.

import { SCORING_PROFILE_NAMES, type ScoringProfileName } from '../api/registries';

/** The profile names are a registry (main/api/registries.ts); PROFILES below is a Record over them. */
export type ProfileName = ScoringProfileName;
export const PROFILE_NAMES: readonly ProfileName[] = SCORING_PROFILE_NAMES;

export interface ScoringProfile {
  name: ProfileName;
  /** Answer cleaning trims surrounding whitespace before dropping quotes and lower-casing (original only). */
  trimAnswer: boolean;
  /** When a must_include item is matched as a whole token instead of a substring:
   * 'sole-single-char': only when the list has one item of one character, and never in program_html
   * (original); 'single-token': any item that tokenises to one word, in string and page checks (VAB). */
  wholeTokenRule: 'sole-single-char' | 'single-token';
  /** Whole-token must_include also accepts the "/"-separated parts of an answer token ("a/b" contains "b"):
   * VAB's must_include only, never its must_exclude (docs/design/WEBARENA.md §2.2). */
  slashTokenParts: boolean;
  /** reference_answers.must_include items may hold " |OR| " alternatives (VAB; the original only in pages). */
  orInStringMatch: boolean;
  /** must_exclude, one_of and required_values (numeric comparisons) are understood (VAB additions). */
  extendedRules: boolean;
  /** program_html understands VAB's `lambda:` locators (docs/design/WEBARENA.md §2.4). */
  lambdaLocators: boolean;
  /** fuzzy_match asks the judge once per reference (original) or once with references joined by ", " (VAB). */
  fuzzyReferences: 'per-reference' | 'joined';
  /** url_match rule when url_note is missing: "GOLD in PRED" (original) or "EXACT" (VAB). */
  urlDefaultRule: 'GOLD in PRED' | 'EXACT';
  /** GOLD in PRED compares host+path and query keys (original) or is a plain substring of the URL (VAB). */
  goldInPred: 'host-path-query' | 'substring';
  /** URL cleaning: strip every trailing "/" (original) or one trailing "/" and read localhost as 127.0.0.1
   * (VAB). Found in the sources (docs/design/WEBARENA.md §2.5). */
  urlCleaning: 'strip-slashes' | 'one-slash-localhost';
  /** program_html HTML-unescapes the selected text before matching (original only). Found in the sources;
   * see docs/design/WEBARENA.md §2.5. */
  unescapeHtml: boolean;
}

export const PROFILES: Record<ProfileName, ScoringProfile> = {
  webarena: {
    name: 'webarena',
    trimAnswer: true,
    wholeTokenRule: 'sole-single-char',
    slashTokenParts: false,
    orInStringMatch: false,
    extendedRules: false,
    lambdaLocators: false,
    fuzzyReferences: 'per-reference',
    urlDefaultRule: 'GOLD in PRED',
    goldInPred: 'host-path-query',
    urlCleaning: 'strip-slashes',
    unescapeHtml: true,
  },
  'vab-lite': {
    name: 'vab-lite',
    trimAnswer: false,
    wholeTokenRule: 'single-token',
    slashTokenParts: true,
    orInStringMatch: true,
    extendedRules: true,
    lambdaLocators: true,
    fuzzyReferences: 'joined',
    urlDefaultRule: 'EXACT',
    goldInPred: 'substring',
    urlCleaning: 'one-slash-localhost',
    unescapeHtml: false,
  },
};

/** The profile to use when none is chosen: vab-lite for WebArena-Lite tasks, webarena otherwise. */
export function defaultProfileFor(config: Record<string, unknown>): ProfileName {
  return 'old_task_id' in config ? 'vab-lite' : 'webarena';
}
