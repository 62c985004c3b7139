// Workbench settings (types only; the renderer sees them through the API). Secrets are never part of them.
import type { LlmProviderId } from './registries';

export interface WorkbenchSettings {
  /** Which LLM provider the agent, subgoal generator and AutoRater use. */
  provider: LlmProviderId | 'none';
  gemini: { model: string; baseUrl: string | null; thinkingBudget: number | 'dynamic' | 'off' };
  openaiCompatible: { baseUrl: string | null; model: string | null };
  /** A Chromium-based browser; null = find one (Playwright's, then the system's). Read-only over the API:
   * set by `--browser`, MIRA_BROWSER or the desktop app's file dialog (it runs as the user's program). */
  browserPath: string | null;
  /** WebArena site URLs (SHOPPING, SHOPPING_ADMIN, REDDIT, GITLAB, MAP, WIKIPEDIA, HOMEPAGE). */
  siteProfile: Partial<Record<SiteName, string>>;
  miniwobDir: string | null;
  trainerBackend: 'auto' | 'tensorflow-gpu' | 'tensorflow' | 'wasm' | 'cpu';
  /** Remote browsers episodes also run on (`ws://host:port/…#max=4`, `http://host:9222`, `local#max=N`;
   * main/api/endpoint-spec.ts). Read-only over the API like browserPath: site logins' cookies go to these
   * browsers, so only the user names them (settings.json, `--browser-endpoint`, MIRA_BROWSER_ENDPOINTS). */
  browserEndpoints: string[];
  /** Who scores fuzzy_match and the N/A rule (docs/design/WEBARENA.md §2.2): 'run' is the run's own LLM; a
   * provider with model null takes that provider's model above. The originals fix gpt-4-1106-preview. A
   * baseUrl (a fixed provider only) sends the judge's calls to a server of its own with the judge key
   * (judge_api_key), so a local agent can be judged by a hosted model of the same provider kind; null: the
   * provider's base URL and key above. */
  judge: { provider: LlmProviderId | 'run'; model: string | null; baseUrl: string | null };
}

/** What updateSettings accepts: any subset, sections field by field; never browserPath or browserEndpoints. */
export type SettingsPatch = Partial<Omit<WorkbenchSettings, 'browserPath' | 'browserEndpoints' | 'gemini' | 'openaiCompatible' | 'judge'>> & {
  gemini?: Partial<WorkbenchSettings['gemini']>;
  openaiCompatible?: Partial<WorkbenchSettings['openaiCompatible']>;
  /** Replaced whole: a model or base URL left out is null. */
  judge?: Pick<WorkbenchSettings['judge'], 'provider'> & Partial<Omit<WorkbenchSettings['judge'], 'provider'>>;
};

/** The WebArena sites a profile may name (the keys of siteProfile). */
export const SITE_NAMES = ['SHOPPING', 'SHOPPING_ADMIN', 'REDDIT', 'GITLAB', 'MAP', 'WIKIPEDIA', 'HOMEPAGE'] as const;
export type SiteName = (typeof SITE_NAMES)[number];

/** judge_api_key: the fuzzy_match judge's key, sent only to the judge's own base URL (settings/judge-endpoint.ts). */
export const SECRET_NAMES = ['gemini_api_key', 'openai_api_key', 'judge_api_key'] as const;
export type SecretName = (typeof SECRET_NAMES)[number];

/** How the UI shows a secret: whether it is set and its last four characters, never the value. */
export interface SecretStatus {
  set: boolean;
  hint: string | null;
  /** Where it lives: the OS keychain (desktop), this process's memory (web/CLI), or the environment. */
  storage: 'os-keychain' | 'memory' | 'environment';
  /** The origin (scheme://host:port) the key is sent to; a key goes only to the endpoint it was entered for. */
  endpoint: string | null;
  /** Why a key is not usable now (cleared because the endpoint changed, an environment key kept from a custom
   * endpoint …); null when nothing needs saying. */
  note: string | null;
  /** Why keys are not kept where they should be (desktop: no OS keyring, so memory for this session; a
   * damaged secrets file; a stored key that no longer decrypts). Absent when all is well. */
  warning?: string;
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
  browserEndpoints: [],
  judge: { provider: 'run', model: null, baseUrl: null },
};
