// Inference side of the local policy: featurise one state, score its candidates, return probabilities.
// Used by LocalPolicy (main/agent/local-policy.ts) inside the episode loop, in the trainer's rollouts and at
// evaluation; loadLocalScorer caches one loaded checkpoint per path for the process.
import { selectBackend, type BackendSelection } from '../backend';
import { elementsOfNodes, type Candidate, type NodeLite, type ObservedNode, type SelectVocab } from './candidates';
import { loadCheckpoint } from './checkpoint';
import { disposeBatch, packPolicy } from './batch';
import { featurize, type RawState } from './features';
import type { PolicyModel } from './policy-model';
import type { CriticModel } from './critic-model';
import { criticPredict } from '../phases/updates';

export interface ScoredState {
  candidates: Candidate[];
  probs: number[];
}

export class LocalScorer {
  /** `critic`: the checkpoint's value and potential heads, when the scorer should also judge states. */
  constructor(readonly model: PolicyModel, readonly vocab: SelectVocab, readonly critic: CriticModel | null = null) {}

  get maxElements(): number {
    return this.model.config.features.maxElements;
  }

  /** The observation's nodes as the policy keeps them (see actionableNodes). */
  elementsOf(nodes: readonly ObservedNode[]): NodeLite[] {
    return elementsOfNodes(nodes, this.maxElements);
  }

  /** V(s) and P(s) of the state under the checkpoint's critics (docs/design/MIRA.md §4), or null without critics. */
  critique(raw: RawState): { value: number; potential: number } | null {
    if (!this.critic) return null;
    const { value, potential } = criticPredict(this.critic, [featurize(raw, this.vocab, this.model.config.features)]);
    return { value: value[0], potential: potential[0] };
  }

  score(raw: RawState): ScoredState {
    const features = featurize(raw, this.vocab, this.model.config.features);
    const batch = packPolicy([features], this.model.config.features);
    try {
      return { candidates: features.cands, probs: this.model.probabilities(batch, [features.cands.length])[0] };
    } finally {
      disposeBatch(batch);
    }
  }
}

const cache = new Map<string, Promise<LocalScorer>>();
let backend: Promise<BackendSelection> | null = null;

/** The scorer of a checkpoint file or directory (its latest phase), loaded once per process. */
export function loadLocalScorer(path: string): Promise<LocalScorer> {
  let loaded = cache.get(path);
  if (!loaded) {
    loaded = (async () => {
      backend ??= selectBackend();
      await backend;
      const ckpt = await loadCheckpoint(path);
      return new LocalScorer(ckpt.policy, ckpt.vocab, ckpt.critic ?? null);
    })();
    loaded.catch(() => cache.delete(path));
    cache.set(path, loaded);
  }
  return loaded;
}
