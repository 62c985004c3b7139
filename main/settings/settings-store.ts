import { randomBytes } from 'node:crypto';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DEFAULT_SETTINGS, type WorkbenchSettings } from '../api/settings';

/** Non-secret settings as `settings.json` in the data directory (atomic replace on save). A file that does
 * not parse is reported, not silently replaced: the user's settings are never lost to a bad edit. */
export class SettingsStore {
  private cached: WorkbenchSettings | null = null;

  constructor(private readonly dataDir: string) {}

  get path(): string {
    return join(this.dataDir, 'settings.json');
  }

  async load(): Promise<WorkbenchSettings> {
    if (this.cached) return this.cached;
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch {
      return (this.cached = structuredClone(DEFAULT_SETTINGS));
    }
    let parsed: Partial<WorkbenchSettings>;
    try {
      parsed = JSON.parse(text);
    } catch (err) {
      throw new Error(`${this.path} is not valid JSON (${(err as Error).message}); fix or remove it.`);
    }
    return (this.cached = mergeSettings(DEFAULT_SETTINGS, parsed));
  }

  /** The settings last loaded or saved (defaults before the first load). */
  current(): WorkbenchSettings {
    return this.cached ?? DEFAULT_SETTINGS;
  }

  async update(patch: Partial<WorkbenchSettings>): Promise<WorkbenchSettings> {
    const next = mergeSettings(await this.load(), patch);
    const temp = `${this.path}.${randomBytes(4).toString('hex')}.tmp`;
    await writeFile(temp, JSON.stringify(next, null, 2));
    await rename(temp, this.path);
    return (this.cached = next);
  }
}

/** Shallow merge per section: nested objects (gemini, openaiCompatible) merge field by field. */
export function mergeSettings(base: WorkbenchSettings, patch: Partial<WorkbenchSettings>): WorkbenchSettings {
  return {
    ...base,
    ...patch,
    gemini: { ...base.gemini, ...patch.gemini },
    openaiCompatible: { ...base.openaiCompatible, ...patch.openaiCompatible },
    siteProfile: patch.siteProfile ?? base.siteProfile,
  };
}
