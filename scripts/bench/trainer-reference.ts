import * as tf from '@tensorflow/tfjs';
import { median } from './stats';

/** Multiply-add FLOPs (2·M·K·N per product) of the matrix products `work` runs, read from tf.profile's
 * kernel records (the output shape gives M and N, the first input's size gives K). Elementwise ops, gathers
 * and softmaxes are not counted: they are the overhead the reference comparison exposes. */
export async function matmulFlops(work: () => tf.TensorContainer): Promise<number> {
  const info = await tf.profile(() => {
    tf.dispose(tf.tidy(work));
  });
  let flops = 0;
  for (const k of info.kernels) {
    if (k.name !== 'BatchMatMul' && k.name !== '_FusedMatMul') continue;
    const out = k.outputShapes[0] ?? [];
    const a = k.inputShapes[0] ?? [];
    if (out.length < 2 || a.length < 2) continue;
    const batch = out.slice(0, -2).reduce((x, y) => x * y, 1);
    const [m, n] = out.slice(-2);
    const inner = a.reduce((x, y) => x * y, 1) / (batch * m);
    flops += 2 * batch * m * n * inner;
  }
  return flops;
}

export interface ReferenceShape {
  /** Forward matmul FLOPs per sample of the model being compared. */
  flopsPerSample: number;
  /** Rows per sample in the model (candidates for the policy, elements for a critic). */
  rowsPerSample: number;
}

export interface ReferenceNet {
  layers: number;
  flopsPerSample: number;
  /** One forward + backward + Adam step (train) or one forward pass (infer) on a batch of `batchSize`. */
  step(mode: 'train' | 'infer'): void;
  dispose(): void;
}

const WIDTH = 64;

/** A plain tfjs dense network (tf.layers, autograd, Adam) with the compared model's FLOPs per sample: each
 * sample is `rowsPerSample` rows of width 64 through as many 64×64 relu layers as match the FLOPs. It is
 * what the same arithmetic costs when written the ordinary way, measured in the same run, so the ratio to it
 * travels between machines while absolute samples/s do not. */
export function referenceNet(shape: ReferenceShape, batchSize: number): ReferenceNet {
  const rows = Math.max(1, Math.round(shape.rowsPerSample));
  const perLayer = 2 * WIDTH * WIDTH * rows;
  const layers = Math.max(1, Math.round((shape.flopsPerSample - 2 * WIDTH * rows) / perLayer));
  const model = tf.sequential();
  for (let l = 0; l < layers; l++) model.add(tf.layers.dense({ units: WIDTH, activation: 'relu', inputShape: l === 0 ? [WIDTH] : undefined }));
  model.add(tf.layers.dense({ units: 1 }));
  const optimizer = tf.train.adam(0.001);
  const x = tf.randomNormal([batchSize * rows, WIDTH]);
  const y = tf.randomNormal([batchSize * rows, 1]);
  return {
    layers,
    flopsPerSample: layers * perLayer + 2 * WIDTH * rows,
    step(mode) {
      if (mode === 'train') {
        const loss = optimizer.minimize(() => tf.losses.meanSquaredError(y, model.apply(x) as tf.Tensor) as tf.Scalar, true);
        loss!.dataSync();
        loss!.dispose();
      } else tf.tidy(() => (model.predict(x) as tf.Tensor).dataSync());
    },
    dispose() {
      tf.dispose([x, y]);
      optimizer.dispose();
      model.dispose();
    },
  };
}

export interface Timing {
  /** Median wall-clock and process-CPU milliseconds per call. */
  wallMs: number;
  cpuMs: number;
}

/** Timings of `ours` and `reference`, measured alternately (one of each per round, after one warm-up each) so
 * that both see the same load on a shared machine. CPU time is this process's (user + system): the trainer
 * runs on one thread, so it is the work done, whatever else the machine is busy with. */
export function interleaved(rounds: number, ours: (round: number) => void, reference: () => void): { ours: Timing; reference: Timing } {
  ours(0);
  reference();
  const wall: [number[], number[]] = [[], []];
  const cpu: [number[], number[]] = [[], []];
  const time = (k: 0 | 1, fn: () => void) => {
    const started = performance.now();
    const cpuStarted = process.cpuUsage();
    fn();
    const used = process.cpuUsage(cpuStarted);
    wall[k].push(performance.now() - started);
    cpu[k].push((used.user + used.system) / 1000);
  };
  for (let r = 0; r < rounds; r++) {
    time(0, () => ours(r));
    time(1, reference);
  }
  return { ours: { wallMs: median(wall[0]), cpuMs: median(cpu[0]) }, reference: { wallMs: median(wall[1]), cpuMs: median(cpu[1]) } };
}
