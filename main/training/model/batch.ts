// Packs featurised states (features.ts) into padded tensors for the encoder and the candidate scorer.
// Texts repeat a lot within a batch (the same nav links on every page, one element behind many type
// candidates), so every distinct n-gram list is embedded once: `long` (goal, history) and `short` (subgoal,
// elements, candidates) hold the distinct lists, and each group is an int32 row index into them.
// Shapes (B states, E = max elements, C = max candidates in the batch, at least 1 each; N = the batch's
// candidates, packed state after state without padding, so per-candidate work is not spent on padding):
//   goal/hist [B] → long, subgoal [B] → short, state [B, STATE_FEATURES], elements packed like the
//   candidates (N_e of them): elems [N_e] → short, elemState [N_e], elemFlat [N_e] (position b·E + e in the
//   per-state layout), elemSlot [B·E] (packed row of slot (b, e), N_e for padding), elemMask [B, E]; candElem/candText [N] → short, candKind [N, 4] one-hot, candFeats [N, CANDIDATE_FEATURES],
//   candState [N] (each candidate's state), candSlot [B·C] (row of slot (b, c) in the packed list, N for a
//   padding slot), candMask [B, C].
// The caller owns the tensors: disposeBatch() when done.
import * as tf from '@tensorflow/tfjs';
import { CANDIDATE_KINDS } from './candidates';
import { disposeBag, makeBag, type Bag } from './embedding';
import { CANDIDATE_FEATURES, type FeatureDims, type StateFeatures } from './features';

export interface StateBatch {
  size: number;
  long: Bag;
  short: Bag;
  goal: tf.Tensor1D;
  subgoal: tf.Tensor1D;
  hist: tf.Tensor1D;
  state: tf.Tensor2D;
  elems: tf.Tensor1D;
  elemState: tf.Tensor1D;
  elemFlat: tf.Tensor1D;
  elemSlot: tf.Tensor1D;
  elemMask: tf.Tensor2D;
  maxElements: number;
}

export interface PolicyBatch extends StateBatch {
  candElem: tf.Tensor1D;
  candText: tf.Tensor1D;
  candKind: tf.Tensor2D;
  candFeats: tf.Tensor2D;
  candState: tf.Tensor1D;
  candSlot: tf.Tensor1D;
  candMask: tf.Tensor2D;
  maxCandidates: number;
  /** N: candidates in the batch. */
  candidates: number;
}

/** Distinct id lists and the row of each added list. */
class Dedup {
  readonly lists: number[][] = [];
  private readonly rows = new Map<string, number>();
  add(list: readonly number[]): number {
    const key = list.join(',');
    let row = this.rows.get(key);
    if (row === undefined) {
      row = this.lists.length;
      this.rows.set(key, row);
      this.lists.push([...list]);
    }
    return row;
  }
}

const rows = (xs: number[]) => tf.tensor1d(xs, 'int32');

function pack(states: readonly StateFeatures[], dims: FeatureDims, withCandidates: boolean): StateBatch | PolicyBatch {
  const B = states.length;
  const long = new Dedup();
  const short = new Dedup();
  const E = Math.max(1, ...states.map((s) => s.elems.length));
  const elemRows: number[] = [];
  const elemState: number[] = [];
  const elemFlat: number[] = [];
  const Ne = states.reduce((n, s) => n + s.elems.length, 0);
  const elemSlot = new Int32Array(B * E).fill(Ne);
  const elemMask = new Float32Array(B * E);
  states.forEach((s, b) => {
    s.elems.forEach((ids, e) => {
      elemSlot[b * E + e] = elemRows.length;
      elemRows.push(short.add(ids));
      elemState.push(b);
      elemFlat.push(b * E + e);
      elemMask[b * E + e] = 1;
    });
  });
  const goal = states.map((s) => long.add(s.goal));
  const hist = states.map((s) => long.add(s.hist));
  const subgoal = states.map((s) => short.add(s.subgoal));
  let extra: Omit<PolicyBatch, keyof StateBatch> | null = null;
  if (withCandidates) {
    const C = Math.max(1, ...states.map((s) => s.cands.length));
    const N = states.reduce((n, s) => n + s.cands.length, 0);
    const candElem: number[] = [];
    const candText: number[] = [];
    const candState: number[] = [];
    const kind = new Float32Array(N * CANDIDATE_KINDS.length);
    const feats = new Float32Array(N * CANDIDATE_FEATURES);
    const slot = new Int32Array(B * C).fill(N);
    const mask = new Float32Array(B * C);
    let row = 0;
    states.forEach((s, b) => {
      for (let c = 0; c < s.cands.length; c++, row++) {
        candElem.push(short.add(s.candElem[c]));
        candText.push(short.add(s.candText[c]));
        candState.push(b);
        slot[b * C + c] = row;
        mask[b * C + c] = 1;
        kind[row * CANDIDATE_KINDS.length + s.candKind[c]] = 1;
        feats.set(s.candFeats[c], row * CANDIDATE_FEATURES);
      }
    });
    extra = {
      candElem: rows(candElem),
      candText: rows(candText),
      candKind: tf.tensor2d(kind, [N, CANDIDATE_KINDS.length]),
      candFeats: tf.tensor2d(feats, [N, CANDIDATE_FEATURES]),
      candState: rows(candState),
      candSlot: tf.tensor1d(slot, 'int32'),
      candMask: tf.tensor2d(mask, [B, C]),
      maxCandidates: C,
      candidates: N,
    };
  }
  const base: StateBatch = {
    size: B,
    long: makeBag(long.lists, dims.goalLen),
    short: makeBag(short.lists, dims.textLen),
    goal: rows(goal),
    subgoal: rows(subgoal),
    hist: rows(hist),
    state: tf.tensor2d(states.flatMap((s) => s.state), [B, states[0]?.state.length ?? 0]),
    elems: rows(elemRows),
    elemState: rows(elemState),
    elemFlat: rows(elemFlat),
    elemSlot: tf.tensor1d(elemSlot, 'int32'),
    elemMask: tf.tensor2d(elemMask, [B, E]),
    maxElements: E,
  };
  return extra ? { ...base, ...extra } : base;
}

export function packStates(states: readonly StateFeatures[], dims: FeatureDims): StateBatch {
  return pack(states, dims, false);
}

export function packPolicy(states: readonly StateFeatures[], dims: FeatureDims): PolicyBatch {
  return pack(states, dims, true) as PolicyBatch;
}

export function disposeBatch(batch: StateBatch | PolicyBatch): void {
  disposeBag(batch.long);
  disposeBag(batch.short);
  tf.dispose([batch.goal, batch.subgoal, batch.hist, batch.state, batch.elems, batch.elemState, batch.elemFlat, batch.elemSlot, batch.elemMask]);
  if ('candElem' in batch) tf.dispose([batch.candElem, batch.candText, batch.candKind, batch.candFeats, batch.candState, batch.candSlot, batch.candMask]);
}
