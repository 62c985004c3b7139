// Packs featurised states (features.ts) into padded tensors for the encoder and the candidate scorer.
// Texts repeat a lot within a batch (the same nav links on every page, one element behind many type
// candidates), so every distinct n-gram list is embedded once: `long` (goal, history) and `short` (subgoal,
// elements, candidates) hold the distinct lists, and each group is an int32 row index into them.
// Shapes (B states, E = max elements, C = max candidates in the batch, at least 1 each):
//   goal/hist [B] → long, subgoal [B] → short, state [B, STATE_FEATURES], elems [B·E] → short,
//   elemMask [B, E], candElem/candText [B·C] → short, candKind [B·C, 4] one-hot,
//   candFeats [B·C, CANDIDATE_FEATURES], candMask [B, C].
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
  elemMask: tf.Tensor2D;
  maxElements: number;
}

export interface PolicyBatch extends StateBatch {
  candElem: tf.Tensor1D;
  candText: tf.Tensor1D;
  candKind: tf.Tensor2D;
  candFeats: tf.Tensor2D;
  candMask: tf.Tensor2D;
  maxCandidates: number;
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
  const elemMask = new Float32Array(B * E);
  states.forEach((s, b) => {
    for (let e = 0; e < E; e++) {
      elemRows.push(short.add(s.elems[e] ?? []));
      if (e < s.elems.length) elemMask[b * E + e] = 1;
    }
  });
  const goal = states.map((s) => long.add(s.goal));
  const hist = states.map((s) => long.add(s.hist));
  const subgoal = states.map((s) => short.add(s.subgoal));
  let extra: Omit<PolicyBatch, keyof StateBatch> | null = null;
  if (withCandidates) {
    const C = Math.max(1, ...states.map((s) => s.cands.length));
    const candElem: number[] = [];
    const candText: number[] = [];
    const kind = new Float32Array(B * C * CANDIDATE_KINDS.length);
    const feats = new Float32Array(B * C * CANDIDATE_FEATURES);
    const mask = new Float32Array(B * C);
    states.forEach((s, b) => {
      for (let c = 0; c < C; c++) {
        const row = b * C + c;
        const real = c < s.cands.length;
        candElem.push(short.add(real ? s.candElem[c] : []));
        candText.push(short.add(real ? s.candText[c] : []));
        if (!real) continue;
        mask[row] = 1;
        kind[row * CANDIDATE_KINDS.length + s.candKind[c]] = 1;
        feats.set(s.candFeats[c], row * CANDIDATE_FEATURES);
      }
    });
    extra = {
      candElem: rows(candElem),
      candText: rows(candText),
      candKind: tf.tensor2d(kind, [B * C, CANDIDATE_KINDS.length]),
      candFeats: tf.tensor2d(feats, [B * C, CANDIDATE_FEATURES]),
      candMask: tf.tensor2d(mask, [B, C]),
      maxCandidates: C,
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
  tf.dispose([batch.goal, batch.subgoal, batch.hist, batch.state, batch.elems, batch.elemMask]);
  if ('candElem' in batch) tf.dispose([batch.candElem, batch.candText, batch.candKind, batch.candFeats, batch.candMask]);
}
