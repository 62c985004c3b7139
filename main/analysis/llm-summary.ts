// The optional LLM account of an episode (MIRA.md §1: "a short factual summary"), written when a provider is
// configured. The prompt gives only facts the harness recorded, so the summary cannot invent steps.
import type { EpisodeAnalysis } from '../api/types';
import type { LlmRequest, LlmResponse } from '../llm/types';
import type { AnalyzedEpisode } from './trajectory';

export interface SummaryModel {
  generate(request: LlmRequest): Promise<LlmResponse>;
}

const SYSTEM = 'You summarise web-agent episodes for the researcher debugging them. Write 2-4 factual sentences: what the agent did, where it went wrong (if it failed), and how it ended. Use only the facts given; do not speculate beyond them.';

export function summaryPrompt(intent: string, episode: AnalyzedEpisode, analysis: EpisodeAnalysis | null): string {
  const steps = episode.steps.map((s) => `${s.t + 1}. on ${s.url}: ${s.actionText || '(no action parsed)'}`).join('\n');
  const verdict = episode.success ? 'The evaluator judged the episode successful.' : 'The evaluator judged the episode failed.';
  const diagnosis = analysis
    ? `Analyzer: ${analysis.category} (${analysis.rule}): ${analysis.explanation}` +
      (analysis.keyDecision ? ` Key decision step ${analysis.keyDecision.t + 1} (${analysis.keyDecision.type}): ${analysis.keyDecision.explanation}` : '')
    : '';
  return [`Task: ${intent}`, `Steps:\n${steps}`, `Stop reason: ${episode.stopReason ?? 'unknown'}; answer: ${episode.answer ?? '(none)'}`, verdict, diagnosis].filter(Boolean).join('\n\n');
}

export async function summarizeEpisode(model: SummaryModel, modelName: string, intent: string, episode: AnalyzedEpisode, analysis: EpisodeAnalysis | null): Promise<string> {
  const response = await model.generate({
    model: modelName,
    purpose: 'analyzer',
    system: SYSTEM,
    temperature: 0,
    maxOutputTokens: 300,
    messages: [{ role: 'user', parts: [{ text: summaryPrompt(intent, episode, analysis) }] }],
  });
  return response.text.trim();
}
