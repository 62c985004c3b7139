// V(s_0..s_T) and P(s_0..s_T) of a stored episode under a critics fit (docs/design/MIRA.md §4.2, §4.5), on the
// states the fit itself trained on: rebuilt from the stored observations as critics/recorded-episodes.ts does
// (the subgoal count K from the steps' progress vectors, else from the stored verdicts, episode-targets.ts),
// featurised with the critics' own sizes and no select vocabulary (critics/fit-recorded.ts), predicted with the
// trainer's criticPredict. So an episode of a fitted run gets the V and P the fit's scores.json holds.
import type { StepRecord } from '../../api/types';
import { episodeTargets, type StoredVerdict } from '../critics/episode-targets';
import { elementsOfNodes } from '../model/candidates';
import { featurize } from '../model/features';
import { criticPredict } from '../phases/updates';
import { rebuildStates } from './checkpoint-scores';
import type { CriticsFit } from './critics-fit';

export interface CriticsFitEpisode {
  intent: string;
  instantiation: Record<string, unknown> | null;
  success: boolean;
  /** Texts of the subgoal set the episode was judged against ([] without one). */
  subgoals: string[];
  verdicts: readonly StoredVerdict[];
}

/** V and P of s_0..s_T (length T + 1); potentials null when the fit trained no P. */
export function criticsFitScores(fit: Pick<CriticsFit, 'critic' | 'potentialFitted'>, ep: CriticsFitEpisode, steps: readonly StepRecord[], observations: readonly (string | null)[]): { values: number[]; potentials: number[] | null } {
  const { features: dims } = fit.critic.config;
  const { K } = episodeTargets(ep.success, steps.map((s) => s.progress), ep.verdicts, ep.subgoals.length || null);
  const states = rebuildStates({ elementsOf: (nodes) => elementsOfNodes(nodes, dims.maxElements) }, { intent: ep.intent, instantiation: ep.instantiation, subgoals: ep.subgoals, K }, steps, observations);
  const { value, potential } = criticPredict(fit.critic, states.map((raw) => featurize(raw, {}, dims)));
  return { values: value, potentials: fit.potentialFitted ? potential : null };
}
