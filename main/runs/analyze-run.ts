import { buildRunReport, countsTowardSuccessRate, toAnalyzedEpisode, type AnalyzedEpisode, type ReportEpisode, type RunReport } from '../analysis';
import type { EpisodeRecord } from '../api/types';
import type { Store } from '../store';
import { summarizeEpisode, type SummaryModel } from '../analysis/llm-summary';
import { readDefaultPrompt } from '../prompts/definitions';

/** Loads a run's scored episodes, analyses every failure against successful episodes of the same task (from
 * this run and earlier ones: oracle demonstrations count as references), stores each analysis on its episode,
 * and returns the run report. Re-running it refreshes the stored analyses. */
export interface RunSummarizer {
  /** The model, or one per episode (services/llm-summarizer.ts: each call recorded on its episode). */
  model: SummaryModel | ((episodeId: string) => SummaryModel);
  modelName: string;
  /** The analyzer prompt's text (its newest stored version); the shipped default when omitted. */
  template?: string;
}

/** V per step of an episode from critics fitted on its run (issue 17), for the value-drop key decision; null when none. */
export type FittedValues = (episodeId: string) => Promise<number[] | null>;

export async function analyzeRun(store: Store, runId: string, summarizer?: RunSummarizer, fittedValues?: FittedValues): Promise<RunReport> {
  const run = await store.runs.get(runId);
  if (!run) throw new Error(`No run with id ${runId}.`);
  const all = await store.episodes.list({ runId, limit: 100_000 });
  const episodes = all.filter(countsTowardSuccessRate);
  const infrastructureFailures = unresolvedFailures(all);
  if (episodes.length === 0) {
    const why = infrastructureFailures ? ` (${infrastructureFailures} ended in infrastructure failures; \`resume ${runId}\` runs them again)` : '';
    throw new Error(`Run ${runId} has no scored episodes yet${why}.`);
  }
  const sites = new Map((await store.tasks.list()).map((t) => [t.id, t.sites.length > 1 ? 'multi-site' : t.sites[0]]));

  const load = async (e: EpisodeRecord): Promise<AnalyzedEpisode> => toAnalyzedEpisode(e, await store.steps.list(e.id), sites.get(e.taskId));
  const items: ReportEpisode[] = [];
  for (const e of episodes) {
    const episode = await load(e);
    // The acting policy's own V wins; otherwise a fit on the run, when it scored every step.
    const fitted = !episode.values && !e.success && fittedValues ? await fittedValues(e.id) : null;
    if (fitted && fitted.length === episode.steps.length) episode.values = fitted;
    items.push({ id: e.id, episode });
  }

  // References from other runs: a few successful episodes per task instance (the same task and, for tasks
  // that draw an instruction per seed, the same instruction; analyzeFailure pairs no others) is enough.
  const references: AnalyzedEpisode[] = [];
  const failedInstances = new Map(episodes.filter((e) => !e.success).map((e) => [`${e.taskId}\u0000${e.instruction ?? ''}`, e] as const));
  for (const failed of failedInstances.values()) {
    const others = (await store.episodes.list({ taskId: failed.taskId, limit: 50 }))
      .filter((e) => e.success && e.runId !== runId && (e.instruction ?? '') === (failed.instruction ?? ''))
      .slice(0, 5);
    for (const e of others) references.push(await load(e));
  }

  // Finished but unscored episodes are no result either; the report says how many it left out.
  const unscoredEpisodes = all.filter((e) => e.status === 'finished' && e.success === null).length;
  const report: RunReport = { ...buildRunReport(items, references), infrastructureFailures, unscoredEpisodes };
  if (summarizer) {
    const intents = new Map((await store.tasks.list()).map((t) => [t.id, t.intent]));
    // The episode's own instruction where it had one (MiniWoB++: per seed), else its task's intent.
    const instructions = new Map(episodes.map((e) => [e.id, e.instruction]));
    const template = summarizer.template ?? (await readDefaultPrompt('analyzer'));
    for (const item of items) {
      const analysis = report.analyses[item.id];
      if (!analysis) continue;
      // A summary is a convenience: a provider error leaves the analysis without one, never fails it.
      const model = typeof summarizer.model === 'function' ? summarizer.model(item.id) : summarizer.model;
      analysis.summary = await summarizeEpisode(model, summarizer.modelName, template, instructions.get(item.id) ?? intents.get(item.episode.taskId) ?? '', item.episode, analysis).catch(
        (err: Error) => `(summary unavailable: ${err.message})`,
      );
    }
  } else {
    // Re-analysing without a model (the report page, `analyze`) keeps the summary written after the run.
    for (const e of episodes) {
      const analysis = report.analyses[e.id];
      if (analysis && e.analysis?.summary && analysis.summary === undefined) analysis.summary = e.analysis.summary;
    }
  }
  // A read-only data directory still gets its report; the analyses just are not stored.
  if (!store.readOnly) {
    await store.db.transaction(async () => {
      for (const e of episodes) await store.episodes.setAnalysis(e.id, report.analyses[e.id] ?? null);
    });
  }
  return report;
}

/** (task, seed) pairs of the run whose newest attempt ended in an infrastructure failure (status 'error'). */
function unresolvedFailures(episodes: readonly EpisodeRecord[]): number {
  const newest = new Map<string, EpisodeRecord>();
  for (const e of episodes) {
    const key = `${e.taskId}#${e.seed}`;
    const seen = newest.get(key);
    if (!seen || e.createdAt > seen.createdAt) newest.set(key, e);
  }
  return [...newest.values()].filter((e) => e.status === 'error').length;
}
