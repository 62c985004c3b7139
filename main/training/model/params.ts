// Named tf.Variables of one model, with deterministic initialisation and an exact JSON serialisation
// (float32 bytes as base64), used by the checkpoints saved after every phase (issue 7 "Checkpoints").
import * as tf from '@tensorflow/tfjs';
import { mulberry32 } from '../../random/seeded-random';

export type ParamInit = 'glorot' | 'zeros' | 'embedding';
export interface ParamSpec {
  shape: number[];
  init: ParamInit;
}
export interface SerializedParam {
  shape: number[];
  /** base64 of the little-endian float32 values. */
  data: string;
}
export type SerializedParams = Record<string, SerializedParam>;

export class ParamSet {
  private constructor(readonly vars: Record<string, tf.Variable>) {}

  /** Fresh variables; the same (specs, seed) always gives the same values on every backend. */
  static init(specs: Record<string, ParamSpec>, seed: number): ParamSet {
    const rand = mulberry32(seed);
    const vars: Record<string, tf.Variable> = {};
    for (const [name, spec] of Object.entries(specs)) {
      const size = spec.shape.reduce((a, b) => a * b, 1);
      const values = new Float32Array(size);
      if (spec.init !== 'zeros') {
        const fanIn = spec.shape.length > 1 ? spec.shape[0] : 1;
        const fanOut = spec.shape.at(-1) ?? 1;
        const limit = spec.init === 'embedding' ? 0.1 : Math.sqrt(6 / (fanIn + fanOut));
        for (let i = 0; i < size; i++) values[i] = (rand() * 2 - 1) * limit;
      }
      vars[name] = tf.variable(tf.tensor(values, spec.shape, 'float32'), true, `${name}_${seed}_${nextId++}`);
    }
    return new ParamSet(vars);
  }

  static fromJSON(json: SerializedParams): ParamSet {
    const vars: Record<string, tf.Variable> = {};
    for (const [name, p] of Object.entries(json)) {
      const bytes = Buffer.from(p.data, 'base64');
      const values = new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
      vars[name] = tf.variable(tf.tensor(values, p.shape, 'float32'), true, `${name}_load_${nextId++}`);
    }
    return new ParamSet(vars);
  }

  get(name: string): tf.Variable {
    const v = this.vars[name];
    if (!v) throw new Error(`ParamSet: no parameter "${name}"`);
    return v;
  }

  list(): tf.Variable[] {
    return Object.values(this.vars);
  }

  /** Number of scalar parameters. */
  size(): number {
    return this.list().reduce((n, v) => n + v.size, 0);
  }

  toJSON(): SerializedParams {
    const out: SerializedParams = {};
    for (const [name, v] of Object.entries(this.vars)) {
      const data = v.dataSync() as Float32Array;
      out[name] = { shape: [...v.shape], data: Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('base64') };
    }
    return out;
  }

  /** A deep copy (e.g. π_ref); the copy's variables are not trainable. */
  clone(): ParamSet {
    const vars: Record<string, tf.Variable> = {};
    for (const [name, v] of Object.entries(this.vars)) vars[name] = tf.variable(v.clone(), false, `${name}_copy_${nextId++}`);
    return new ParamSet(vars);
  }

  dispose(): void {
    for (const v of this.list()) v.dispose();
  }
}

let nextId = 0;

