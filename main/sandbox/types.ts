import type { ActionType } from '../api/types';

/** Contracts between the built-in sandbox sites (docs/design/SANDBOX.md) and the rest of the core. */

/** How the oracle names an element without knowing runtime ids: resolved against the observation's nodes
 * (role and accessible name) by the oracle policy, then executed through the normal executor. */
export interface ElementQuery {
  role?: string;
  /** Exact accessible name (after whitespace collapsing). */
  name?: string;
  /** Substring of the accessible name (case-sensitive). */
  nameContains?: string;
  /** Pick the n-th match (0-based) when several nodes match; default 0. */
  nth?: number;
}

/** One oracle step: an action whose target is a query instead of an id. */
export interface OracleStep {
  type: ActionType;
  target?: ElementQuery;
  text?: string;
  pressEnter?: boolean;
  key?: string;
  direction?: 'up' | 'down';
  /** goto: a URL that may use the WebArena site placeholders (e.g. `__SHOPPING__/cart`). */
  url?: string;
  tabIndex?: number;
  /** type: the field holds text the step replaces ('word': a single word, e.g. a number). A grammar whose type
   * appends (WebArena's) gets it cleared first by the oracle (agent/oracle-policy.ts). */
  replaceText?: 'all' | 'word';
}

/** A milestone the AutoRater can check without an LLM (docs/design/SANDBOX.md §3.3). */
export type SubgoalPredicate =
  | { kind: 'url_matches'; pattern: string }
  | { kind: 'text_present'; text: string }
  | { kind: 'element_state'; query: ElementQuery; prop: string; value: string }
  | { kind: 'site_state'; check: string; args: Record<string, unknown> };

export interface ReferenceSubgoal {
  text: string;
  predicate: SubgoalPredicate;
}

/** One instantiated task: a WebArena-format config (placeholders such as `__SHOPPING__` kept) plus the
 * oracle plan and reference subgoals. */
export interface SandboxTaskInstance {
  /** Stable id: `sandbox/<family>/<index>`. */
  id: string;
  family: string;
  site: string;
  split: 'train' | 'test';
  seed: number;
  config: Record<string, unknown>;
  oracle: OracleStep[];
  subgoals: ReferenceSubgoal[];
}

export interface TaskFamily {
  /** e.g. `shop/cheapest-in-category`. */
  id: string;
  site: string;
  kind: 'info' | 'navigation' | 'change';
  description: string;
  /** Deterministic: the same (datasetSeed, index) always gives the same instance. */
  instantiate(datasetSeed: number, index: number): SandboxTaskInstance;
  /** How many distinct instances the dataset of this seed supports; indices at or beyond it repeat earlier
   * instances (with the same split). Optional for families with an unbounded space. */
  count?(datasetSeed: number): number;
}
