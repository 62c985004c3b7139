// Recorded episodes of any policy as the critics' training data (issue 17): the states s_0..s_T rebuilt from
// the stored observations the way the export and the trainer see them (export/checkpoint-scores.ts), with
// the outcome and the progress labels built from the episode's stored subgoal judgements (episode-targets.ts).
// Unscored episodes, and episodes whose observations are all gone, are skipped with the reason.
import type { Store } from '../../store';
import { rebuildStates } from '../export/checkpoint-scores';
import { readBlobText, scoredEpisodes } from '../export/episode-source';
import type { RawState } from '../model/features';
import { elementsOfNodes } from '../model/candidates';
import { episodeTargets, type EpisodeTargets, type LabelSource } from './episode-targets';

export interface RecordedEpisode {
  episodeId: string;
  runId: string;
  /** s_0..s_T (T + 1 states). */
  states: RawState[];
  outcome: 0 | 1;
  labels: number[] | null;
  labelSource: LabelSource;
}

export interface LoadOptions {
  maxElements: number;
  onSkip(episodeId: string, reason: string): void;
  onEpisode?(loaded: number): void;
  shouldStop?(): boolean;
}

export async function loadRecordedEpisodes(store: Store, runIds: readonly string[], o: LoadOptions): Promise<RecordedEpisode[]> {
  const out: RecordedEpisode[] = [];
  const scorer = { elementsOf: (nodes: Parameters<typeof elementsOfNodes>[0]) => elementsOfNodes(nodes, o.maxElements) };
  for (const runId of runIds) {
    for await (const { episode, steps, task } of scoredEpisodes(store, runId, (e, reason) => o.onSkip(e.id, reason))) {
      if (o.shouldStop?.()) return out;
      const observations = await Promise.all(steps.map((s) => readBlobText(store, s.observationRef)));
      if (observations.every((text) => text === null)) {
        o.onSkip(episode.id, 'no stored observations');
        continue;
      }
      const [set, verdicts] = await Promise.all([store.subgoalSets.forEpisode(episode.id), store.verdicts.list(episode.id)]);
      const subgoals = set?.items.map((i) => i.text) ?? [];
      // An episode whose stored judgements give no targets is skipped with the reason; the fit goes on without it.
      let targets: EpisodeTargets;
      try {
        targets = episodeTargets(episode.success === true, steps.map((s) => s.progress), verdicts, subgoals.length || null);
      } catch (err) {
        o.onSkip(episode.id, `no critic targets: ${err instanceof Error ? err.message : String(err)}`);
        continue;
      }
      const states = rebuildStates(scorer, {
        intent: episode.instruction ?? task?.intent ?? '', // MiniWoB++: the seed's instruction
        instantiation: (task?.config.instantiation_dict as Record<string, unknown> | undefined) ?? null,
        subgoals,
        K: targets.K,
      }, steps, observations);
      out.push({ episodeId: episode.id, runId, states, outcome: targets.outcome, labels: targets.labels, labelSource: targets.source });
      o.onEpisode?.(out.length);
    }
  }
  return out;
}
