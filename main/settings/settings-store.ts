import { randomBytes } from 'node:crypto';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DEFAULT_SETTINGS, type SettingsPatch, type WorkbenchSettings } from '../api/settings';
import { mergeSettings, parseStoredSettings } from '../api/settings-schema';

/** Non-secret settings as `settings.json` in the data directory (atomic replace on save). A file that does
 * not parse, or has a wrong field, is reported field by field and never replaced: the user's settings are
 * never lost to a bad edit, and nothing malformed is merged in (settings-schema.ts). */
export class SettingsStore {
  private cached: WorkbenchSettings | null = null;
  private stored: WorkbenchSettings | null = null;

  /** `overrides`: this process's start-up settings (command-line flags, environment; main/cli/llm-settings.ts),
   * laid over the file on every read and never written into it. */
  constructor(private readonly dataDir: string, private readonly overrides: SettingsPatch = {}) {}

  get path(): string {
    return join(this.dataDir, 'settings.json');
  }

  /** The settings in effect: the file's, with this process's overrides on top. */
  async load(): Promise<WorkbenchSettings> {
    if (this.cached) return this.cached;
    return (this.cached = mergeSettings(await this.loadStored(), this.overrides));
  }

  /** The settings as the file holds them, without this process's overrides (what keys are cleared against:
   * a base URL given for one session must not wipe a key saved for the file's endpoint). */
  async loadStored(): Promise<WorkbenchSettings> {
    if (this.stored) return this.stored;
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (err) {
      // Only a missing file means "defaults"; an unreadable one must not be replaced by the next save.
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return (this.stored = structuredClone(DEFAULT_SETTINGS));
      throw new Error(`${this.path} cannot be read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}); fix its permissions or remove it.`);
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (err) {
      throw new Error(`${this.path} is not valid JSON (${(err as Error).message}); fix or remove it.`);
    }
    const stored = parseStoredSettings(json, `${this.path} (fix or remove it)`);
    return (this.stored = mergeSettings(DEFAULT_SETTINGS, stored));
  }

  /** The settings last loaded or saved (defaults before the first load). */
  current(): WorkbenchSettings {
    return this.cached ?? DEFAULT_SETTINGS;
  }

  /** Saves a validated patch (parseSettingsPatch) — or, for the trusted shell only, a browserPath. */
  async update(patch: SettingsPatch & { browserPath?: string | null }): Promise<WorkbenchSettings> {
    const next = mergeSettings(await this.loadStored(), patch);
    const temp = `${this.path}.${randomBytes(4).toString('hex')}.tmp`;
    await writeFile(temp, JSON.stringify(next, null, 2));
    await rename(temp, this.path);
    this.stored = next;
    return (this.cached = mergeSettings(next, this.overrides));
  }
}
