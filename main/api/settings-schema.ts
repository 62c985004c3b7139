// The one schema of settings.json (issue 14 "What the API may change"). The file, a stored section and an
// updateSettings patch are all checked against the same field definitions, so a wrong field is reported by
// its path and never merged into the settings or written back.
import { z } from 'zod';
import { LLM_PROVIDER_IDS } from './registries';
import { SITE_NAMES, type SettingsPatch, type WorkbenchSettings } from './settings';
import { MAX_BROWSER_ENDPOINTS, parseEndpointSpec } from './endpoint-spec';

const httpUrl = z
  .string()
  .trim()
  .max(2000)
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
    } catch {
      return false;
    }
  }, 'must be an http:// or https:// URL');
/** An LLM server's base URL: the clients append their paths to it (`/chat/completions`, the Gemini API's), so a
 * query or fragment never works there, and a key in one would be printed with the URL and, for the judge,
 * recorded with every run. */
const serverUrl = httpUrl.refine((value) => !/[?#]/.test(value), "must not have a query (?…) or fragment (#…): give the server's base URL alone (its API key is saved as a key of its own)");
// No node:path here: main/api/schemas.ts (type-checked with the renderer) builds on this file.
const isAbsolutePath = (p: string) => p.startsWith('/') || /^[A-Za-z]:[\\/]/.test(p) || p.startsWith('\\\\');
const localPath = z.string().min(1).max(4096).refine(isAbsolutePath, 'must be an absolute path');
/** A browser endpoint (main/api/endpoint-spec.ts), reported with the spec's own reason. */
const browserEndpoint = z.string().trim().min(1).max(2000).superRefine((value, ctx) => {
  try {
    parseEndpointSpec(value);
  } catch (err) {
    ctx.addIssue({ code: 'custom', message: (err as Error).message });
  }
});
const thinkingBudget = z.union([z.number().int().min(0).max(65_536), z.literal('dynamic'), z.literal('off')], {
  error: 'must be a number of tokens (0–65536), "dynamic" or "off"',
});

const gemini = z.strictObject({
  model: z.string().trim().min(1, 'must name a model').max(200),
  baseUrl: serverUrl.nullable(),
  thinkingBudget,
});
const openaiCompatible = z.strictObject({
  baseUrl: serverUrl.nullable(),
  model: z.string().trim().min(1, 'must name a model (or be null)').max(200).nullable(),
});

/** Every field of WorkbenchSettings. zod 4's z.record over an enum demands every key; a profile names only
 * the sites a user has deployed, hence the partial record. */
export const settingsSchema = z.strictObject({
  provider: z.enum([...LLM_PROVIDER_IDS, 'none']),
  gemini,
  openaiCompatible,
  browserPath: localPath.nullable(),
  siteProfile: z.partialRecord(z.enum(SITE_NAMES), httpUrl),
  miniwobDir: localPath.nullable(),
  trainerBackend: z.enum(['auto', 'tensorflow-gpu', 'tensorflow', 'wasm', 'cpu']),
  browserEndpoints: z.array(browserEndpoint).max(MAX_BROWSER_ENDPOINTS),
  // The fuzzy_match judge (docs/design/WEBARENA.md §2.2), replaced whole by a patch: 'run' names no model of its own.
  judge: z.strictObject({
    provider: z.enum([...LLM_PROVIDER_IDS, 'run'], { error: `must be ${[...LLM_PROVIDER_IDS, 'run'].join(', ')}` }),
    model: z.string().trim().min(1, 'must name a model (or be null)').max(200).nullable().default(null),
    // Checked as the provider's base URL is; its key is judge_api_key (main/settings/judge-endpoint.ts).
    // No user:password@ in it: it is recorded with every run and printed; the key has its own safe place.
    baseUrl: serverUrl.refine((value) => !/^[a-z]+:\/\/[^/?#]*@/i.test(value), "must not carry a user name or password (save the judge's API key instead)").nullable().default(null),
  })
    .refine((j) => j.provider !== 'run' || j.model === null, { path: ['model'], message: "must be null when the judge is the run's LLM (choose a provider to name a judge model)" })
    .refine((j) => j.provider !== 'run' || j.baseUrl === null, { path: ['baseUrl'], message: "must be null when the judge is the run's LLM (choose a provider to give the judge a server of its own)" }),
});

/** settings.json as stored: any subset (older files lack newer fields), each present field checked in full. */
export const storedSettingsSchema = settingsSchema.extend({ gemini: gemini.partial(), openaiCompatible: openaiCompatible.partial() }).partial();

export const BROWSER_PATH_READ_ONLY =
  'cannot be changed over the API (the browser runs as your own program): start the workbench with --browser <path> or MIRA_BROWSER=<path>, or choose it in the desktop app with Browse…';

export const BROWSER_ENDPOINTS_READ_ONLY =
  'cannot be changed over the API (episodes, with their site logins, would run in the browsers it names): start the workbench with --browser-endpoint <url> or MIRA_BROWSER_ENDPOINTS=<url,url>, or edit settings.json';

/** What updateSettings accepts: the stored shape without browserPath and browserEndpoints, whose presence is
 * its own error. */
export const settingsPatchSchema = storedSettingsSchema.extend({
  browserPath: z.never({ error: BROWSER_PATH_READ_ONLY }).optional(),
  browserEndpoints: z.never({ error: BROWSER_ENDPOINTS_READ_ONLY }).optional(),
});

/** One line per wrong field: `gemini.baseUrl: must be an http:// or https:// URL`. */
export interface FieldProblem {
  path: string;
  message: string;
}

export class SettingsValidationError extends Error {
  constructor(readonly where: string, readonly problems: FieldProblem[]) {
    super(`${where}: ${problems.map((p) => `${p.path || '(whole value)'}: ${p.message}`).join('; ')}`);
    this.name = 'SettingsValidationError';
  }
}

function problemsOf(error: z.ZodError): FieldProblem[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    // zod names unknown keys in the message but not in the path; keep both readable.
    message: issue.code === 'unrecognized_keys' ? `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.join(', ')}` : issue.message,
  }));
}

export function parseStoredSettings(value: unknown, where: string): z.infer<typeof storedSettingsSchema> {
  const result = storedSettingsSchema.safeParse(value);
  if (!result.success) throw new SettingsValidationError(where, problemsOf(result.error));
  return result.data;
}

export function parseSettingsPatch(value: unknown): SettingsPatch {
  const result = settingsPatchSchema.safeParse(value);
  if (!result.success) throw new SettingsValidationError('updateSettings', problemsOf(result.error));
  const { browserPath: _never, browserEndpoints: _neither, ...patch } = result.data;
  return patch;
}

/** Sections merge field by field; siteProfile is replaced whole (the Settings page sends the full profile). */
export function mergeSettings(base: WorkbenchSettings, patch: SettingsPatch & { browserPath?: string | null }): WorkbenchSettings {
  const merged: WorkbenchSettings = {
    ...base,
    ...defined(patch),
    gemini: { ...base.gemini, ...defined(patch.gemini ?? {}) },
    openaiCompatible: { ...base.openaiCompatible, ...defined(patch.openaiCompatible ?? {}) },
    siteProfile: patch.siteProfile ?? base.siteProfile,
    // Replaced whole: what the patch leaves out is null, never the previous judge's model or server.
    judge: patch.judge ? { provider: patch.judge.provider, model: patch.judge.model ?? null, baseUrl: patch.judge.baseUrl ?? null } : base.judge,
  };
  // The merge of valid parts is valid; checked anyway so nothing malformed is ever saved.
  const result = settingsSchema.safeParse(merged);
  if (!result.success) throw new SettingsValidationError('settings', problemsOf(result.error));
  return result.data;
}

/** A field given as undefined means "not given", as it does when the patch is sent as JSON. */
function defined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
