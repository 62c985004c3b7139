// The shape of one WebArena / WebArena-Lite task config (docs/design/WEBARENA.md §1.1). Types and constant
// tables only: the loader validates raw JSON into this shape, the evaluators read it.

export const EVAL_TYPES = ['string_match', 'url_match', 'program_html'] as const;
export type EvalType = (typeof EVAL_TYPES)[number];

/** Sites a task may name in `sites` (WebArena's six; HOMEPAGE is a placeholder, not a site). */
export const WEBARENA_SITES = ['shopping', 'shopping_admin', 'reddit', 'gitlab', 'map', 'wikipedia'] as const;

/** `eval.reference_answers`. The first three are WebArena's; the last three are VisualAgentBench additions. */
export interface ReferenceAnswers {
  exact_match?: string;
  must_include?: string[];
  /** A list of references judged by an LLM, or "N/A" for a task that cannot be done. */
  fuzzy_match?: string[] | 'N/A';
  must_exclude?: string[];
  one_of?: string[];
  /** Numeric comparisons such as "< 700" or ">= 3 |OR| == 0" (VAB). */
  required_values?: string[];
}
export const REFERENCE_ANSWER_KEYS = ['exact_match', 'must_include', 'fuzzy_match', 'must_exclude', 'one_of', 'required_values'] as const;

/** `program_html[i].required_contents`: the original reads the first key present in this order. */
export interface RequiredContents {
  exact_match?: string;
  must_include?: string[];
  must_exclude?: string[];
  required_values?: string[];
  fuzzy_match?: string[];
}
export const REQUIRED_CONTENT_KEYS = ['exact_match', 'must_include', 'must_exclude', 'required_values', 'fuzzy_match'] as const;

export interface ProgramHtmlTarget {
  /** "last" (the page the agent ended on), a URL with placeholders, or `func:helper(...)`. */
  url: string;
  /** "" (whole page HTML), a `document.…` / `[...document.…` JS expression, or `func:helper(__page__, …)`. */
  locator: string;
  required_contents: RequiredContents;
  prep_actions?: string[];
}

export interface WebArenaEval {
  eval_types: EvalType[];
  reference_answers: ReferenceAnswers | null;
  /** Alternatives joined by " |OR| ". */
  reference_url?: string;
  /** "GOLD in PRED", "EXACT", or absent (the default differs by profile). */
  url_note?: string;
  program_html?: ProgramHtmlTarget[];
  /** The true reason an impossible task cannot be done (read by the N/A rule). */
  string_note?: string;
  reference_answer_raw_annotation?: string;
  [key: string]: unknown;
}

export interface WebArenaTaskConfig {
  task_id: number;
  sites: string[];
  intent: string;
  /** One URL, or several tabs joined by " |AND| ". */
  start_url: string;
  require_login?: boolean;
  storage_state?: string | null;
  eval: WebArenaEval;
  /** WebArena-Lite renumbers tasks 0–164 and keeps the original id here. */
  old_task_id?: number;
  [key: string]: unknown;
}

/** Separator of alternatives in reference_url, must_include items and required_values. */
export const OR_SEPARATOR = ' |OR| ';
/** Separator of start tabs in start_url. */
export const AND_SEPARATOR = ' |AND| ';
