// MiRA's two critics (MIRA.md §4): the value critic V(s, g) ∈ (0, 1), trained with BCE on episode outcomes,
// and the potential critic P(s, g) ∈ [0, 1] (sigmoid head), trained with MSE on progress labels. Both read
// their own copy of the state encoder (critic training never moves the policy's features) and have separate
// heads over [z; state features].
import * as tf from '@tensorflow/tfjs';
import type { StateBatch } from './batch';
import { encodeStates, encoderSpecs, DEFAULT_ENCODER_DIMS, type EncoderDims } from './encoder';
import { DEFAULT_FEATURE_DIMS, STATE_FEATURES, type FeatureDims } from './features';
import { ParamSet, type ParamSpec } from './params';

export interface CriticModelConfig {
  features: FeatureDims;
  encoder: EncoderDims;
}

export const DEFAULT_CRITIC_CONFIG: CriticModelConfig = { features: DEFAULT_FEATURE_DIMS, encoder: DEFAULT_ENCODER_DIMS };

export function criticSpecs(c: CriticModelConfig): Record<string, ParamSpec> {
  const H = c.encoder.hidden;
  return {
    ...encoderSpecs(c.features.vocab, c.encoder),
    'val.w': { shape: [H + STATE_FEATURES, 1], init: 'glorot' },
    'val.b': { shape: [1], init: 'zeros' },
    'pot.w': { shape: [H + STATE_FEATURES, 1], init: 'glorot' },
    'pot.b': { shape: [1], init: 'zeros' },
  };
}

export class CriticModel {
  constructor(readonly config: CriticModelConfig, readonly params: ParamSet) {}

  static init(config: CriticModelConfig = DEFAULT_CRITIC_CONFIG, seed = 2): CriticModel {
    return new CriticModel(config, ParamSet.init(criticSpecs(config), seed));
  }

  /** V and P for every state, each [B] in (0, 1). Call inside tf.tidy / variableGrads. */
  heads(batch: StateBatch): { value: tf.Tensor1D; potential: tf.Tensor1D } {
    const p = this.params;
    const { z } = encodeStates(p, batch);
    const x = tf.concat([z, batch.state], 1);
    const head = (w: string, b: string) => tf.sigmoid(tf.add(tf.matMul(x, p.get(w)), p.get(b))).reshape([batch.size]) as tf.Tensor1D;
    return { value: head('val.w', 'val.b'), potential: head('pot.w', 'pot.b') };
  }

  /** V(s) and P(s) as plain arrays. */
  predict(batch: StateBatch): { value: number[]; potential: number[] } {
    return tf.tidy(() => {
      const h = this.heads(batch);
      return { value: Array.from(h.value.dataSync()), potential: Array.from(h.potential.dataSync()) };
    });
  }

  dispose(): void {
    this.params.dispose();
  }
}
