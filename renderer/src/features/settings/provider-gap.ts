import type { SecretName, SecretStatus, WorkbenchSettings } from '../../../../main/api/settings';

/** What the saved settings still lack before an LLM agent (react, sgo) or the LLM AutoRater can run — the
 * same checks an LLM run makes before it starts (main/llm/client-factory.ts) — so the Settings page says it
 * at once instead of the next run refusing. null when nothing is missing or no provider is chosen. */
export function providerGap(settings: WorkbenchSettings, secrets: Record<SecretName, SecretStatus>): string | null {
  switch (settings.provider) {
    case 'gemini':
      return secrets.gemini_api_key.set ? null : 'Gemini has no API key yet: LLM runs are refused until one is saved below (or GEMINI_API_KEY is set before the workbench starts).';
    case 'openai-compatible':
      if (!settings.openaiCompatible.baseUrl) return 'The OpenAI-compatible provider has no base URL yet (e.g. http://127.0.0.1:8000/v1): LLM runs are refused until one is saved.';
      if (!settings.openaiCompatible.model) return 'The OpenAI-compatible provider has no model name yet: LLM runs are refused unless a run names its model.';
      return null;
    default:
      return null;
  }
}

/** What the saved settings lack before the judge LLM set apart from the run's (docs/design/WEBARENA.md §2.2) can
 * score fuzzy_match tasks: the same checks, on the judge's provider with its model. null for the run's LLM. */
export function judgeGap(settings: WorkbenchSettings, secrets: Record<SecretName, SecretStatus>): string | null {
  const { provider, model } = settings.judge;
  if (provider === 'run') return null;
  const openaiCompatible = { ...settings.openaiCompatible, model: model ?? settings.openaiCompatible.model };
  const gap = providerGap({ ...settings, provider, openaiCompatible }, secrets);
  return gap && `The judge cannot be used yet, so runs of fuzzy_match tasks are refused. ${gap}`;
}
