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
 * score fuzzy_match tasks: the same checks, on the judge's provider with its model, and on the judge's own server
 * and key when it has one (main/settings/judge-endpoint.ts). null for the run's LLM. */
export function judgeGap(settings: WorkbenchSettings, secrets: Record<SecretName, SecretStatus>): string | null {
  const { provider, model, baseUrl } = settings.judge;
  if (provider === 'run') return null;
  const gap = baseUrl ? ownServerGap(provider, model ?? settings.openaiCompatible.model, secrets.judge_api_key)
    : providerGap({ ...settings, provider, openaiCompatible: { ...settings.openaiCompatible, model: model ?? settings.openaiCompatible.model } }, secrets);
  return gap && `The judge cannot be used yet, so runs of fuzzy_match tasks are refused. ${gap}`;
}

/** A judge with a server of its own: its key is the judge key; an OpenAI-compatible judge needs a model and may
 * go without a key (a local server), unless one was given that cannot be sent there. */
function ownServerGap(provider: Exclude<WorkbenchSettings['judge']['provider'], 'run'>, model: string | null, key: SecretStatus): string | null {
  if (key.note) return `The judge's API key: ${key.note}.`;
  if (provider === 'gemini') return key.set ? null : "The judge's server has no API key yet: save the judge's API key below (or set MIRA_JUDGE_API_KEY before the workbench starts).";
  return model ? null : 'The OpenAI-compatible judge has no model name yet: name it in Judge model (or the OpenAI-compatible model above).';
}
