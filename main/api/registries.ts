// The closed lists of the workbench's extension points, as data (docs/design/extending.md). Every other place
// that needs one of these lists — zod schemas, CLI flags and usage, the factories that dispatch on a name, the
// renderer's dropdowns (through CoreInfo.registries) — derives it from here, so adding a provider, policy,
// action, site or scoring profile is one entry here plus its implementation. Pure data: the renderer imports
// the types of this file, and the core serves the values in `info()`. It imports nothing.

/** LLM providers (docs/design/ARCHITECTURE.md §8); main/llm/client-factory.ts builds a client for each id. */
export const LLM_PROVIDER_IDS = ['gemini', 'openai-compatible'] as const;
export type LlmProviderId = (typeof LLM_PROVIDER_IDS)[number];
export interface ProviderInfo {
  /** What the Settings page's provider dropdown shows. */
  label: string;
  /** The provider's section of WorkbenchSettings (its base URL and model), where it has one: `--base-url` sets it. */
  settings?: 'gemini' | 'openaiCompatible';
}
export const LLM_PROVIDERS: Readonly<Record<LlmProviderId, ProviderInfo>> = {
  gemini: { label: 'Gemini', settings: 'gemini' },
  'openai-compatible': { label: 'OpenAI-compatible (vLLM, Ollama, llama.cpp)', settings: 'openaiCompatible' },
};

/** The prompts the workbench knows; each has a default text in resources/prompts/<name>.md. */
export const PROMPT_NAMES = ['subgoal-generation', 'autorater', 'policy-react', 'policy-sgo', 'analyzer'] as const;
export type PromptName = (typeof PROMPT_NAMES)[number];

/** What a policy needs to act: 'llm' policies take a provider, model and policy prompt; 'trained' takes a
 * checkpoint; 'sandbox' needs a sandbox task (its solver); 'baseline' needs nothing. */
export type PolicyKind = 'sandbox' | 'baseline' | 'llm' | 'trained';
/** Built-in policies, in the order the UI and the CLI list them; main/runs/policies.ts builds one for each id. */
export const POLICY_IDS = ['oracle', 'react', 'sgo', 'local', 'random', 'wrong', 'do-nothing'] as const;
export type PolicyId = (typeof POLICY_IDS)[number];
export interface PolicyInfo {
  label: string;
  kind: PolicyKind;
  /** 'llm' policies: the prompt they are written from (its versions are offered with the policy). */
  prompt?: PromptName;
}
export const POLICIES: Readonly<Record<PolicyId, PolicyInfo>> = {
  oracle: { label: 'oracle (sandbox solver)', kind: 'sandbox' },
  react: { label: 'react (LLM)', kind: 'llm', prompt: 'policy-react' },
  sgo: { label: 'sgo (LLM, subgoals)', kind: 'llm', prompt: 'policy-sgo' },
  local: { label: 'local (trained checkpoint)', kind: 'trained' },
  random: { label: 'random (baseline)', kind: 'baseline' },
  wrong: { label: 'wrong (baseline)', kind: 'baseline' },
  'do-nothing': { label: 'do-nothing (baseline)', kind: 'baseline' },
};

/** The normalised action space (docs/design/WEBARENA.md §4.1). main/actions/spec.ts gives each its arguments;
 * every grammar and the executor are a Record over this list, so the compiler names a missing action. */
export const ACTION_TYPES = [
  'click', 'type', 'hover', 'press', 'scroll', 'select', 'new_tab', 'tab_focus', 'close_tab', 'goto', 'go_back', 'go_forward', 'stop', 'noop',
] as const;
export type ActionType = (typeof ACTION_TYPES)[number];

/** Action grammars (docs/design/WEBARENA.md §4.2, §4.3, §4.4); main/actions/grammars.ts is a Record over them. */
export const GRAMMAR_NAMES = ['webarena', 'webrl', 'browsergym'] as const;
export type GrammarName = (typeof GRAMMAR_NAMES)[number];

/** The built-in sandbox sites (docs/design/SANDBOX.md §1): where each lives under the server and which WebArena
 * placeholder and site name stand for it. main/sandbox/sites.ts lists each site's module and families. */
export const SANDBOX_SITE_IDS = ['shop', 'admin', 'forum', 'code', 'map'] as const;
export type SandboxSiteId = (typeof SANDBOX_SITE_IDS)[number];
export interface SiteSlot {
  prefix: string;
  placeholder: string;
  webarenaSite: string;
}
export const SANDBOX_SITE_SLOTS: Readonly<Record<SandboxSiteId, SiteSlot>> = {
  shop: { prefix: '/shop', placeholder: '__SHOPPING__', webarenaSite: 'shopping' },
  admin: { prefix: '/admin', placeholder: '__SHOPPING_ADMIN__', webarenaSite: 'shopping_admin' },
  forum: { prefix: '/forum', placeholder: '__REDDIT__', webarenaSite: 'reddit' },
  code: { prefix: '/code', placeholder: '__GITLAB__', webarenaSite: 'gitlab' },
  map: { prefix: '/map', placeholder: '__MAP__', webarenaSite: 'map' },
};

/** Scoring profiles (docs/design/WEBARENA.md §2.5); main/eval/profiles.ts holds each one's rules. */
export const SCORING_PROFILE_NAMES = ['webarena', 'vab-lite'] as const;
export type ScoringProfileName = (typeof SCORING_PROFILE_NAMES)[number];

/** Whether a name from outside (a flag, a stored row, a request) is a member of a registry list. */
export function isMember<T extends string>(list: readonly T[], name: unknown): name is T {
  return typeof name === 'string' && (list as readonly string[]).includes(name);
}

/** What `info()` serves the renderer, which may import only types from main/api. */
export const REGISTRIES = { providers: LLM_PROVIDERS, providerIds: LLM_PROVIDER_IDS, policies: POLICIES, policyIds: POLICY_IDS } as const;
export type Registries = typeof REGISTRIES;
