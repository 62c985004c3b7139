// The local policy's action space (issue 7 "Models": candidate actions = element × action type, typed text
// drawn from the intent's values, plus stop; issue 17: stop with each answer the page offers,
// docs/design/MIRA.md §4.19). Candidates are rebuilt from each observation, so the policy is
// a categorical distribution over a variable-size list; every candidate renders to an Action in the
// workbench's action space and from there to any grammar (WebArena's by default).
import type { Action } from '../../api/types';
import { answerKey } from '../answer/answer-text';
import type { AnswerCandidate } from '../answer/answer-candidates';

export type CandidateKind = 'click' | 'type' | 'select' | 'stop';
export const CANDIDATE_KINDS: readonly CandidateKind[] = ['click', 'type', 'select', 'stop'];

/** The part of an observed node the policy uses (kept small so recorded states stay light). */
export interface NodeLite {
  id: string;
  role: string;
  name: string;
  value?: string;
}

/** A value the task mentions, with the instantiation key it came from (e.g. zip → "78701"). */
export interface IntentValue {
  key: string;
  text: string;
}

export interface Candidate {
  kind: CandidateKind;
  /** Index into the state's element list (click/type/select). */
  element?: number;
  text?: string;
  /** The instantiation key of a typed/selected value ('' for option labels learned from demonstrations). */
  key?: string;
  pressEnter?: boolean;
  /** An option label from the learned select vocabulary rather than from the intent. */
  fromVocab?: boolean;
  /** A stop that answers: index into the state's answer candidates (its text is that answer's). */
  answer?: number;
}

/** Past action of this episode, by element name rather than id (ids change across pages). */
export interface PastAction {
  kind: CandidateKind | 'other';
  elementName: string;
  text: string;
}

const CLICK_ROLES = new Set(['link', 'button', 'checkbox', 'radio', 'tab', 'menuitem', 'switch', 'option']);
const TYPE_ROLES = new Set(['textbox', 'searchbox', 'spinbutton']);
const SELECT_ROLES = new Set(['combobox', 'listbox']);

/** Learned option labels per combobox name (select options are hidden in the observation). */
export type SelectVocab = Record<string, string[]>;

/** The interactive nodes the policy may act on, in page order, capped at `maxElements`. */
export function actionableNodes(nodes: readonly NodeLite[], maxElements: number): NodeLite[] {
  return nodes.filter((n) => CLICK_ROLES.has(n.role) || TYPE_ROLES.has(n.role) || SELECT_ROLES.has(n.role)).slice(0, maxElements);
}

export type ObservedNode = { id: string; role: string; name: string; props: Record<string, string> };

/** An observation's nodes as the models keep them (see actionableNodes): the policy and the critics fitted on
 * recorded runs (main/training/critics/) read states the same way. Here, not beside the scorer, so reading
 * recorded episodes does not load TensorFlow.js into the core (critic fits compute in a worker). */
export function elementsOfNodes(nodes: readonly ObservedNode[], maxElements: number): NodeLite[] {
  const lite = nodes.map((n) => ({ id: n.id, role: n.role, name: n.name, ...(n.props.value ? { value: n.props.value } : {}) }));
  return actionableNodes(lite, maxElements);
}

/** Values a task mentions: its instantiation (sandbox/WebArena configs) or, failing that, quoted spans and
 * numbers of the intent. */
export function intentValues(intent: string, instantiation?: Record<string, unknown> | null): IntentValue[] {
  const out: IntentValue[] = [];
  const seen = new Set<string>();
  const add = (key: string, text: string) => {
    const t = text.trim();
    if (t && !seen.has(t)) {
      seen.add(t);
      out.push({ key, text: t });
    }
  };
  if (instantiation) for (const [k, v] of Object.entries(instantiation)) if (typeof v === 'string' || typeof v === 'number') add(k, String(v));
  for (const m of intent.matchAll(/"([^"]+)"|'([^']+)'/g)) add('quoted', m[1] ?? m[2]);
  for (const m of intent.matchAll(/\b\d+(?:\.\d+)?\b/g)) add('number', m[0]);
  return out;
}

/** Every candidate for one state: stop, stop with each answer candidate, clicks, type × value × Enter,
 * select × (values ∪ learned options). The answers (at most MAX_ANSWER_CANDIDATES) come before the element
 * actions so the candidate cap never cuts them. */
export function buildCandidates(
  elements: readonly NodeLite[], values: readonly IntentValue[], vocab: SelectVocab, maxCandidates: number, answers: readonly AnswerCandidate[] = [],
): Candidate[] {
  const out: Candidate[] = [{ kind: 'stop', text: '' }];
  answers.forEach((a, answer) => out.push({ kind: 'stop', text: a.text, key: a.kind, answer }));
  elements.forEach((node, element) => {
    if (CLICK_ROLES.has(node.role)) out.push({ kind: 'click', element });
    else if (TYPE_ROLES.has(node.role)) {
      for (const v of values) for (const pressEnter of [true, false]) out.push({ kind: 'type', element, text: v.text, key: v.key, pressEnter });
    } else if (SELECT_ROLES.has(node.role)) {
      const seen = new Set<string>();
      for (const v of values) {
        seen.add(v.text);
        out.push({ kind: 'select', element, text: v.text, key: v.key });
      }
      for (const label of vocab[node.name] ?? []) if (!seen.has(label)) out.push({ kind: 'select', element, text: label, key: '', fromVocab: true });
    }
  });
  return out.slice(0, maxCandidates);
}

/** The executable action of a candidate (ids are the observation's own). */
export function candidateAction(c: Candidate, elements: readonly NodeLite[]): Action {
  switch (c.kind) {
    case 'stop':
      return { type: 'stop', text: c.text ?? '' };
    case 'click':
      return { type: 'click', elementId: elements[c.element!].id };
    case 'type':
      return { type: 'type', elementId: elements[c.element!].id, text: c.text, pressEnter: c.pressEnter };
    case 'select':
      return { type: 'select', elementId: elements[c.element!].id, text: c.text };
  }
}

/** The candidate that performs `action` (a demonstration's), or −1 when the action space cannot express it.
 * A stop matches on its answer under the evaluator's answer key ("$340.27" is the page's "340.27"). */
export function findCandidate(action: Action, cands: readonly Candidate[], elements: readonly NodeLite[]): number {
  const answer = action.type === 'stop' ? answerKey(action.text ?? '') : '';
  return cands.findIndex((c) => {
    if (c.kind !== action.type) return false;
    if (c.kind === 'stop') return answerKey(c.text ?? '') === answer;
    if (elements[c.element!].id !== action.elementId) return false;
    if (c.kind === 'click') return true;
    if (c.text !== action.text) return false;
    return c.kind === 'select' || Boolean(c.pressEnter) === (action.pressEnter ?? true);
  });
}

/** The past-action record of a taken candidate. */
export function pastActionOf(c: Candidate, elements: readonly NodeLite[]): PastAction {
  return { kind: c.kind, elementName: c.element === undefined ? '' : elements[c.element].name, text: c.text ?? '' };
}
