// Shared machinery of every sandbox site's task families: instance numbering and split, config assembly,
// and small builders for oracle steps and reference subgoals.
//
// Instances and split: a family enumerates its valid parameter combinations for the dataset (n of them)
// and puts them in a seeded order. Instance `index` uses combination k = index mod n, and is in the TEST
// split when k % 5 === 0, TRAIN otherwise, so for index < n every fifth index (0, 5, 10, ...) is test, and
// an index that wraps around gets the same task and the same split as the first one: training never sees
// a test instantiation. Everything is a pure function of (datasetSeed, family, k).
import { embeddedAnswer } from './answer-screen';
import { webarenaConfig, type EvalSpec } from './config';
import { rngFor, shuffle, type Rng } from '../random/seeded-random';
import { SITE_SLOTS, type SandboxSiteId } from './site';
import type { ElementQuery, OracleStep, ReferenceSubgoal, SandboxTaskInstance, TaskFamily } from './types';

export interface FamilyBuild {
  /** Index into the family's templates. */
  template: number;
  instantiation: Record<string, string | number>;
  /** Defaults to the site's home page (its placeholder). */
  startUrl?: string;
  eval: EvalSpec;
  /** Info families: answers a person could give by mistake (the figure in the next column, the question's
   * other reading). A combination whose numeric reference hides inside one of them is not used (answer-screen.ts). */
  wrongAnswers?: string[];
  oracle: OracleStep[];
  subgoals: ReferenceSubgoal[];
}

export interface FamilySpec<D, P> {
  /** `<site>/<name>`. */
  id: string;
  kind: TaskFamily['kind'];
  description: string;
  /** Numeric family code, unique across the sandbox: task_id = code * 100000 + index,
   * intent_template_id = code * 10 + template. */
  code: number;
  templates: string[];
  /** Further sites the family's tasks visit (cross-site families). */
  alsoSites?: SandboxSiteId[];
  /** Every valid parameter combination for the dataset, in a deterministic order. */
  enumerate(data: D): P[];
  /** The instance for one combination; `rng` is seeded by (datasetSeed, family, k) for free choices. */
  build(data: D, params: P, rng: Rng): FamilyBuild;
}

/** An info combination's numeric reference is inside no value its intent names and no wrong answer. The
 * screen's rng is not the instance's: an instantiation and its answers must not depend on the rng. */
function answerStandsAlone<D, P>(spec: FamilySpec<D, P>, data: D, params: P, rng: Rng): boolean {
  const built = spec.build(data, params, rng);
  if (built.eval.kind !== 'string_match') return true;
  return embeddedAnswer(built.eval.answers, Object.values(built.instantiation), built.wrongAnswers ?? []) === null;
}

/** Keeps the items `keep` accepts; a removed item's place is taken by the last item still to be kept. */
export function removeInPlace<T>(items: T[], keep: (item: T) => boolean): T[] {
  const out = [...items];
  for (let i = 0; i < out.length;) {
    if (keep(out[i])) {
      i++;
    } else {
      out[i] = out[out.length - 1];
      out.pop();
    }
  }
  return out;
}

export function splitOf(k: number): 'train' | 'test' {
  return k % 5 === 0 ? 'test' : 'train';
}

/** A task family of `site` whose dataset comes from `getData(seed)` (memoised by the site). */
export function defineFamily<D, P>(site: SandboxSiteId, getData: (seed: number) => D, spec: FamilySpec<D, P>): TaskFamily {
  const combos = new Map<number, P[]>();
  const combosFor = (seed: number): P[] => {
    let list = combos.get(seed);
    if (!list) {
      list = shuffle(rngFor('combos', spec.id, seed), spec.enumerate(getData(seed)));
      // Screened after the shuffle; a dropped combination's place goes to the last one, so every other
      // combination keeps its k, its instance index and its split (docs/design/SANDBOX.md §3.1).
      if (spec.kind === 'info') list = removeInPlace(list, (p) => answerStandsAlone(spec, getData(seed), p, rngFor('screen', spec.id, seed)));
      if (list.length === 0) throw new Error(`${spec.id}: the dataset of seed ${seed} supports no instance`);
      combos.set(seed, list);
    }
    return list;
  };
  return {
    id: spec.id,
    site,
    kind: spec.kind,
    description: spec.description,
    count: (seed) => combosFor(seed).length,
    instantiate(datasetSeed: number, index: number): SandboxTaskInstance {
      if (!Number.isInteger(index) || index < 0) throw new RangeError(`instance index must be a non-negative integer, got ${index}`);
      const list = combosFor(datasetSeed);
      const k = index % list.length;
      const built = spec.build(getData(datasetSeed), list[k], rngFor('instance', spec.id, datasetSeed, k));
      const config = webarenaConfig({
        site,
        alsoSites: spec.alsoSites,
        taskId: spec.code * 100000 + index,
        startUrl: built.startUrl ?? SITE_SLOTS[site].placeholder,
        intentTemplate: spec.templates[built.template],
        instantiation: built.instantiation,
        intentTemplateId: spec.code * 10 + built.template,
        requireReset: spec.kind === 'change',
        eval: built.eval,
      });
      return {
        id: `sandbox/${spec.id}/${index}`, family: spec.id, site, split: splitOf(k), seed: datasetSeed,
        config, oracle: built.oracle, subgoals: built.subgoals,
      };
    },
  };
}

// ---- oracle step builders -------------------------------------------------------------------------------

export const click = (target: ElementQuery): OracleStep => ({ type: 'click', target });
export const clickLink = (name: string, nth?: number): OracleStep => click(nth ? { role: 'link', name, nth } : { role: 'link', name });
export const clickLinkContaining = (nameContains: string): OracleStep => click({ role: 'link', nameContains });
export const clickButton = (name: string): OracleStep => click({ role: 'button', name });
export const clickRadio = (name: string): OracleStep => click({ role: 'radio', name });
/** Types into the textbox with this label; form fields never press Enter (it would submit the form). */
export const typeInto = (label: string, text: string, pressEnter = false): OracleStep => ({ type: 'type', target: { role: 'textbox', name: label }, text, pressEnter });
/** Types over the text the textbox with this label already holds ('word': one word, e.g. a number; see
 * OracleStep.replaceText). */
export const replaceIn = (label: string, text: string, holds: 'all' | 'word' = 'all'): OracleStep => ({ ...typeInto(label, text), replaceText: holds });
export const selectOption = (label: string, option: string): OracleStep => ({ type: 'select', target: { role: 'combobox', name: label }, text: option });
export const goto = (url: string): OracleStep => ({ type: 'goto', url });
export const stop = (answer = ''): OracleStep => ({ type: 'stop', text: answer });
/** Uses the header search box (typing then Enter). */
export const search = (text: string): OracleStep => typeInto('Search', text, true);

// ---- subgoal builders -----------------------------------------------------------------------------------

export function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
export const urlGoal = (text: string, pattern: string): ReferenceSubgoal => ({ text, predicate: { kind: 'url_matches', pattern } });
export const textGoal = (text: string, shown: string): ReferenceSubgoal => ({ text, predicate: { kind: 'text_present', text: shown } });
export const elementGoal = (text: string, query: ElementQuery, prop: string, value: string): ReferenceSubgoal => ({ text, predicate: { kind: 'element_state', query, prop, value } });
export const stateGoal = (text: string, check: string, args: Record<string, unknown>): ReferenceSubgoal => ({ text, predicate: { kind: 'site_state', check, args } });

/** Regex for a query parameter with this exact value. */
export const paramPattern = (key: string, value: string | number): string => `[?&]${escapeRegex(key)}=${escapeRegex(String(value))}(&|#|$)`;
/** Regex for a path of `site` (after its prefix), ending there or at a query/fragment. */
export const sitePathPattern = (site: SandboxSiteId, path: string): string => `${SITE_SLOTS[site].prefix}${escapeRegex(path)}([?#]|$)`;
