// The optional LLM account of an episode (docs/design/MIRA.md §1.3: "a short factual summary"), written when a provider is
// configured. The prompt (the versioned "analyzer" prompt, resources/prompts/analyzer.md by default) gives
// only facts the harness recorded, so the summary cannot invent steps.
import type { EpisodeAnalysis } from '../api/types';
import type { LlmRequest, LlmResponse } from '../llm/types';
import { renderTemplate, type RenderedPrompt } from '../prompts/template';
import type { AnalyzedEpisode } from './trajectory';
import { stepNumber } from './step-number';

export interface SummaryModel {
  generate(request: LlmRequest): Promise<LlmResponse>;
}

/** The analyzer prompt's slots (see PROMPT_DEFINITIONS.analyzer) filled from the recorded episode. */
export function summarySlots(intent: string, episode: AnalyzedEpisode, analysis: EpisodeAnalysis | null): Record<string, string> {
  return {
    intent,
    steps: episode.steps.map((s) => `${stepNumber(s.t)}. on ${s.url}: ${s.actionText || '(no action parsed)'}`).join('\n'),
    stop: `Stop reason: ${episode.stopReason ?? 'unknown'}; answer: ${episode.answer ?? '(none)'}`,
    verdict: episode.success ? 'The evaluator judged the episode successful.' : 'The evaluator judged the episode failed.',
    diagnosis: analysis
      ? `Analyzer: ${analysis.category} (${analysis.rule}): ${analysis.explanation}` +
        (analysis.keyDecision ? ` Key decision step ${stepNumber(analysis.keyDecision.t)} (${analysis.keyDecision.type}): ${analysis.keyDecision.explanation}` : '')
      : '',
  };
}

export function summaryPrompt(template: string, intent: string, episode: AnalyzedEpisode, analysis: EpisodeAnalysis | null): RenderedPrompt {
  return renderTemplate(template, summarySlots(intent, episode, analysis));
}

export async function summarizeEpisode(
  model: SummaryModel, modelName: string, template: string, intent: string, episode: AnalyzedEpisode, analysis: EpisodeAnalysis | null,
): Promise<string> {
  const prompt = summaryPrompt(template, intent, episode, analysis);
  const response = await model.generate({
    model: modelName,
    purpose: 'analyzer',
    system: prompt.system,
    temperature: 0,
    maxOutputTokens: 300,
    messages: [{ role: 'user', parts: [{ text: prompt.user }] }],
  });
  return response.text.trim();
}
