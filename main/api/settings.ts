// Workbench settings (types only; the renderer sees them through the API). Secrets are never part of them.

export interface WorkbenchSettings {
  /** Which LLM provider the agent, subgoal generator and AutoRater use. */
  provider: 'gemini' | 'openai-compatible' | 'none';
  gemini: { model: string; baseUrl: string | null; thinkingBudget: number | 'dynamic' | 'off' };
  openaiCompatible: { baseUrl: string | null; model: string | null };
  /** A Chromium-based browser; null = find one (Playwright's, then the system's). */
  browserPath: string | null;
  /** WebArena site URLs (SHOPPING, SHOPPING_ADMIN, REDDIT, GITLAB, MAP, WIKIPEDIA, HOMEPAGE). */
  siteProfile: Record<string, string>;
  miniwobDir: string | null;
  trainerBackend: 'auto' | 'tensorflow-gpu' | 'tensorflow' | 'wasm' | 'cpu';
}

export const SECRET_NAMES = ['gemini_api_key', 'openai_api_key'] as const;
export type SecretName = (typeof SECRET_NAMES)[number];

/** How the UI shows a secret: whether it is set and its last four characters, never the value. */
export interface SecretStatus {
  set: boolean;
  hint: string | null;
  /** Where it lives: the OS keychain (desktop), this process's memory (web/CLI), or the environment. */
  storage: 'os-keychain' | 'memory' | 'environment';
}

export interface SettingsView {
  settings: WorkbenchSettings;
  secrets: Record<SecretName, SecretStatus>;
}

export const DEFAULT_SETTINGS: WorkbenchSettings = {
  provider: 'none',
  gemini: { model: 'gemini-2.5-pro', baseUrl: null, thinkingBudget: 'dynamic' },
  openaiCompatible: { baseUrl: null, model: null },
  browserPath: null,
  siteProfile: {},
  miniwobDir: null,
  trainerBackend: 'auto',
};
