// The failure summary's model (docs/design/MIRA.md §1.3: "a short factual summary" of each failed episode) when the
// process asks for the configured one (CLI, desktop app): the LLM the Settings name, resolved when a run is
// analysed, so a provider set up after start is used; none configured, no summary. Each call goes through the
// recorder, stored on its episode (purpose 'analyzer') and counted in the run's LLM usage.
import type { RunSummarizer } from '../runs/analyze-run';
import type { Inference } from './inference';

/** What a core is told about summaries: a ready model (tests), 'configured' (the Settings' LLM), or none. */
export type SummarizerChoice = RunSummarizer | 'configured';

/** The summarizer for one analysis, with the analyzer prompt's newest version; undefined when there is none. */
export async function resolveSummarizer(choice: SummarizerChoice | undefined, inference: Inference): Promise<RunSummarizer | undefined> {
  if (!choice) return undefined;
  const template = (await inference.prompts.latest('analyzer')).text;
  if (choice !== 'configured') return { template, ...choice };
  // No usable provider (no key, no endpoint): the run is analysed without summaries.
  const llm = await inference.llm().catch(() => null);
  if (!llm) return undefined;
  return {
    modelName: llm.model,
    template,
    model: (episodeId) => ({ generate: async (request) => (await llm.recorder.call(request, { episodeId, t: null })).response }),
  };
}
