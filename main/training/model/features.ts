// State featurisation for the encoder and the candidate scorer (docs/design/MIRA.md §4.1: a state s_t is the observation +
// previous actions + goal g; docs/design/MIRA.md §2, §3: the current subgoal and the progress vector z). Text becomes
// hashed n-gram ids (tokens.ts); every candidate also gets a few lexical match features (element name vs
// goal / current subgoal, value key vs field label, repeats of earlier actions) so that a small model
// generalises from the train split's products and categories to the test split's. An answer candidate's
// "element" text is its context on the page (column header, label), and its features say what kind of value
// it is and whether the task is a question (docs/design/MIRA.md §4.19).
import type { AnswerCandidate } from '../answer/answer-candidates';
import { buildCandidates, type Candidate, type IntentValue, type NodeLite, type PastAction, type SelectVocab, CANDIDATE_KINDS } from './candidates';
import { containsPhrase, hashedNgrams, tokenOverlap, words } from './tokens';
import { answerKey } from '../answer/answer-text';

/** What the policy saw at one step, as recorded (JSON-serialisable; featurised later with the model's vocab). */
export interface RawState {
  intent: string;
  values: IntentValue[];
  /** Reference subgoal texts (empty when the task has none). */
  subgoals: string[];
  /** Milestones done before this step (PolicyInput.progress); null without a monitor. */
  progress: number[] | null;
  t: number;
  /** actionableNodes(observation) — the elements candidates refer to. */
  nodes: NodeLite[];
  past: PastAction[];
  /** answerCandidates(observation): what a `stop [answer]` may say here. Absent in states recorded before
   * answers existed, which then offer only the plain stop. */
  answers?: AnswerCandidate[];
}

export interface FeatureDims {
  /** Hash buckets of the n-gram vocabulary. */
  vocab: number;
  /** Max n-gram ids of the goal and of the history text. */
  goalLen: number;
  /** Max n-gram ids of an element, subgoal or candidate text. */
  textLen: number;
  maxElements: number;
  maxCandidates: number;
  /** Step horizon used to scale t (WebArena's 30 steps). */
  horizon: number;
}

export const DEFAULT_FEATURE_DIMS: FeatureDims = { vocab: 4096, goalLen: 48, textLen: 12, maxElements: 128, maxCandidates: 320, horizon: 30 };

/** Number of per-state scalar features (progress, time). */
export const STATE_FEATURES = 5;
/** Number of per-candidate match features (see candidateFeatures). */
export const CANDIDATE_FEATURES = 28;

export interface StateFeatures {
  goal: number[];
  subgoal: number[];
  hist: number[];
  state: number[];
  /** Per element: n-gram ids of "role name value". */
  elems: number[][];
  cands: Candidate[];
  candElem: number[][];
  candText: number[][];
  candKind: number[];
  candFeats: number[][];
}

/** The first pending subgoal's text ('' when there are none or all are done). */
export function currentSubgoal(raw: RawState): string {
  if (!raw.subgoals.length) return '';
  const progress = raw.progress ?? raw.subgoals.map(() => 0);
  const k = progress.indexOf(0);
  return k < 0 || k >= raw.subgoals.length ? '' : raw.subgoals[k];
}

export function featurize(raw: RawState, vocab: SelectVocab, dims: FeatureDims = DEFAULT_FEATURE_DIMS): StateFeatures {
  const subgoal = currentSubgoal(raw);
  const done = raw.progress ? raw.progress.reduce((a, b) => a + b, 0) : 0;
  const K = raw.subgoals.length;
  const frac = K ? done / K : 0;
  const allDone = K > 0 && done >= K ? 1 : 0;
  const histText = raw.past.slice(-4).map((p) => `${p.kind} ${p.elementName} ${p.text}`).join(' ');
  const elementText = (n: NodeLite) => `${n.role} ${n.name} ${n.value ?? ''}`;
  const answers = raw.answers ?? [];
  const cands = buildCandidates(raw.nodes, raw.values, vocab, dims.maxCandidates, answers);
  const ctx: MatchContext = {
    intentTokens: new Set(words(raw.intent)),
    subgoalTokens: new Set(words(subgoal)),
    intent: raw.intent,
    subgoal,
    frac,
    allDone,
    raw,
    question: isQuestion(raw.intent),
    valueKeys: new Set(raw.values.map((v) => answerKey(v.text))),
  };
  return {
    goal: hashedNgrams(raw.intent, dims.vocab, dims.goalLen),
    subgoal: hashedNgrams(subgoal, dims.vocab, dims.textLen),
    hist: hashedNgrams(histText, dims.vocab, dims.goalLen),
    state: [frac, allDone, Math.min(raw.t / dims.horizon, 1), K / 5, K ? 1 : 0],
    elems: raw.nodes.map((n) => hashedNgrams(elementText(n), dims.vocab, dims.textLen)),
    cands,
    candElem: cands.map((c) => {
      if (c.answer !== undefined) return hashedNgrams(answers[c.answer].context, dims.vocab, dims.textLen);
      return c.element === undefined ? [] : hashedNgrams(elementText(raw.nodes[c.element]), dims.vocab, dims.textLen);
    }),
    candText: cands.map((c) => hashedNgrams(`${c.key ?? ''} ${c.text ?? ''}`, dims.vocab, dims.textLen)),
    candKind: cands.map((c) => CANDIDATE_KINDS.indexOf(c.kind)),
    candFeats: cands.map((c) => candidateFeatures(c, ctx)),
  };
}

interface MatchContext {
  intentTokens: Set<string>;
  subgoalTokens: Set<string>;
  intent: string;
  subgoal: string;
  frac: number;
  allDone: number;
  raw: RawState;
  /** The intent asks for information (its answer is what the stop says). */
  question: boolean;
  /** answerKey of each value the intent mentions: an answer repeating the question is rarely its answer. */
  valueKeys: Set<string>;
}

/** A question rather than a command ("How many…?", "What is…", "Tell me…"). */
export function isQuestion(intent: string): boolean {
  const t = intent.trim();
  return t.endsWith('?') || /^(how|what|which|who|whom|whose|when|where|tell me|list|give me|find out)\b/i.test(t);
}

/** CANDIDATE_FEATURES lexical features of one candidate; the order is part of the checkpoint format. */
function candidateFeatures(c: Candidate, ctx: MatchContext): number[] {
  const node = c.element === undefined ? null : ctx.raw.nodes[c.element];
  const name = node?.name ?? '';
  const text = c.text ?? '';
  const past = ctx.raw.past;
  const last = past.at(-1);
  const b = (x: boolean) => (x ? 1 : 0);
  const isStop = c.kind === 'stop';
  const answer = c.answer === undefined ? null : ctx.raw.answers![c.answer];
  const count = ctx.raw.answers?.length ?? 0;
  return [
    b(c.kind === 'click'),
    b(c.kind === 'type'),
    b(c.kind === 'select'),
    b(isStop),
    tokenOverlap(name, ctx.intentTokens),
    tokenOverlap(name, ctx.subgoalTokens),
    b(containsPhrase(ctx.intent, name)),
    b(containsPhrase(ctx.subgoal, name)),
    // Not for answers: a generated milestone may quote a value; the answer must come from the page (docs/design/MIRA.md §4.19).
    b(answer === null && text !== '' && containsPhrase(ctx.subgoal, text)),
    text ? tokenOverlap(text, ctx.intentTokens) : 0,
    c.key ? tokenOverlap(c.key, new Set(words(name))) : 0,
    b(node !== null && past.some((p) => p.elementName === name)),
    b(past.some((p) => p.kind === c.kind && p.elementName === name && p.text === text)),
    b(node !== null && text !== '' && (node.value ?? '').toLowerCase() === text.toLowerCase()),
    b(Boolean(c.pressEnter)),
    isStop ? ctx.allDone : 0,
    isStop ? ctx.frac : 0,
    b(Boolean(c.fromVocab)),
    b(node !== null && last !== undefined && last.elementName === name),
    b(text !== '' && past.some((p) => p.text === text)),
    // Answers (issue 17): a stop that answers, its kind, the task being a question, where on the page it
    // came from, and how its context matches the goal.
    b(answer !== null),
    b(answer !== null && ctx.question),
    b(isStop && answer === null && ctx.question),
    b(answer?.kind === 'number'),
    b(answer?.kind === 'date'),
    answer === null ? 0 : (c.answer! + 1) / Math.max(1, count),
    answer === null ? 0 : tokenOverlap(answer.context, ctx.intentTokens),
    b(answer !== null && ctx.valueKeys.has(answerKey(answer.text))),
  ];
}
