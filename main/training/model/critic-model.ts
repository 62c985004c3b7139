// MiRA's two critics (docs/design/MIRA.md §4.2, §4.4, §4.5): the value critic V(s, g) ∈ (0, 1), trained with BCE on episode outcomes,
// and the potential critic P(s, g) ∈ [0, 1] (sigmoid head), trained with MSE on progress labels. They are two
// independent networks (issue 16), each with its own state encoder, head and optimiser: V is trained only on
// true outcomes, so nothing P learns (or, in the no-potential ablation, does not learn) can move V. Neither
// shares weights with the policy.
import * as tf from '@tensorflow/tfjs';
import type { StateBatch } from './batch';
import { encodeStates, encoderSpecs, DEFAULT_ENCODER_DIMS, type EncoderDims } from './encoder';
import { DEFAULT_FEATURE_DIMS, STATE_FEATURES, type FeatureDims } from './features';
import { matMulFast } from './matmul';
import { ParamSet, type ParamSpec, type SerializedParams } from './params';

export interface CriticModelConfig {
  features: FeatureDims;
  encoder: EncoderDims;
}

export const DEFAULT_CRITIC_CONFIG: CriticModelConfig = { features: DEFAULT_FEATURE_DIMS, encoder: DEFAULT_ENCODER_DIMS };

/** Parameters of one critic network: its own encoder and a sigmoid head over [z; state features]. */
export function criticNetSpecs(c: CriticModelConfig): Record<string, ParamSpec> {
  return {
    ...encoderSpecs(c.features.vocab, c.encoder),
    'head.w': { shape: [c.encoder.hidden + STATE_FEATURES, 1], init: 'glorot' },
    'head.b': { shape: [1], init: 'zeros' },
  };
}

/** One critic network s ↦ σ(head([z(s); state(s)])). */
export class CriticNet {
  constructor(readonly config: CriticModelConfig, readonly params: ParamSet) {}

  static init(config: CriticModelConfig, seed: number): CriticNet {
    return new CriticNet(config, ParamSet.init(criticNetSpecs(config), seed));
  }

  /** [B] head outputs before the sigmoid: V's BCE is computed from these (docs/design/MIRA.md §4.2). Call inside
   * tf.tidy / variableGrads. */
  logits(batch: StateBatch): tf.Tensor1D {
    const p = this.params;
    const { z } = encodeStates(p, batch);
    const x = tf.concat([z, batch.state], 1);
    return tf.add(matMulFast(x, p.get('head.w')), p.get('head.b')).reshape([batch.size]) as tf.Tensor1D;
  }

  /** [B] in (0, 1). Call inside tf.tidy / variableGrads. */
  forward(batch: StateBatch): tf.Tensor1D {
    return tf.sigmoid(this.logits(batch)) as tf.Tensor1D;
  }

  predict(batch: StateBatch): number[] {
    return tf.tidy(() => Array.from(this.forward(batch).dataSync()));
  }

  predictLogits(batch: StateBatch): number[] {
    return tf.tidy(() => Array.from(this.logits(batch).dataSync()));
  }

  dispose(): void {
    this.params.dispose();
  }
}

const VALUE = 'value/';
const POTENTIAL = 'potential/';

export class CriticModel {
  constructor(readonly config: CriticModelConfig, readonly value: CriticNet, readonly potential: CriticNet) {}

  /** V from `seed`, P from its own stream: V's initial weights do not depend on whether P is used. */
  static init(config: CriticModelConfig = DEFAULT_CRITIC_CONFIG, seed = 2): CriticModel {
    return new CriticModel(config, CriticNet.init(config, seed), CriticNet.init(config, seed + 0x5eed));
  }

  /** V and P for every state, each [B] in (0, 1). Call inside tf.tidy. */
  heads(batch: StateBatch): { value: tf.Tensor1D; potential: tf.Tensor1D } {
    return { value: this.value.forward(batch), potential: this.potential.forward(batch) };
  }

  /** V(s) and P(s) as plain arrays. */
  predict(batch: StateBatch): { value: number[]; potential: number[] } {
    return { value: this.value.predict(batch), potential: this.potential.predict(batch) };
  }

  /** Number of scalar parameters of both networks. */
  size(): number {
    return this.value.params.size() + this.potential.params.size();
  }

  /** Both networks' parameters in one map, names prefixed "value/" and "potential/". */
  toJSON(): SerializedParams {
    const out: SerializedParams = {};
    for (const [name, p] of Object.entries(this.value.params.toJSON())) out[VALUE + name] = p;
    for (const [name, p] of Object.entries(this.potential.params.toJSON())) out[POTENTIAL + name] = p;
    return out;
  }

  /** Reads toJSON's map, or a checkpoint written before issue 16 (one encoder shared by heads "val.*" and
   * "pot.*"), whose encoder then starts both networks. */
  static fromJSON(config: CriticModelConfig, json: SerializedParams): CriticModel {
    const pick = (prefix: string) => Object.fromEntries(Object.entries(json).filter(([k]) => k.startsWith(prefix)).map(([k, v]) => [k.slice(prefix.length), v]));
    if (Object.keys(json).some((k) => k.startsWith(VALUE))) {
      return new CriticModel(config, new CriticNet(config, ParamSet.fromJSON(pick(VALUE))), new CriticNet(config, ParamSet.fromJSON(pick(POTENTIAL))));
    }
    const encoder = pick('enc.');
    const legacy = (head: 'val' | 'pot') => {
      const params: SerializedParams = { ...Object.fromEntries(Object.entries(encoder).map(([k, v]) => [`enc.${k}`, v])), 'head.w': json[`${head}.w`], 'head.b': json[`${head}.b`] };
      if (!params['head.w'] || !params['head.b']) throw new Error(`Critic checkpoint has neither "value/…" parameters nor the legacy "${head}.w"/"${head}.b" head.`);
      return new CriticNet(config, ParamSet.fromJSON(params));
    };
    return new CriticModel(config, legacy('val'), legacy('pot'));
  }

  dispose(): void {
    this.value.dispose();
    this.potential.dispose();
  }
}
