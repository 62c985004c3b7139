// Prompts stored and versioned in SQLite (migration 4). Version 1 of each prompt is its shipped default,
// inserted the first time the prompt is read; saving always adds a version, so every stored subgoal set and
// LLM call can name the exact text that produced it.
import type { PromptName, PromptVersion } from '../api/inference-types';
import { PROMPT_NAMES } from '../api/inference-types';
import type { Database } from './db';
import { definitionOf, readDefaultPrompt } from '../prompts/definitions';
import { checkSlots } from '../prompts/template';

interface PromptRow {
  id: number;
  name: string;
  kind: string;
  version: number;
  text: string;
  note: string | null;
  is_default: number;
  created_at: string;
}

export interface StoredPrompt extends PromptVersion {
  id: number;
}

/** Versions fixed for a run (docs/design/MIRA.md §2.2: prompts are versioned data): each named prompt reads as
 * that version; the others as their latest. */
export type PromptPins = Partial<Record<PromptName, number>>;

export class PromptStore {
  constructor(private readonly db: Database, private readonly defaultsDir?: string, private readonly pins: PromptPins = {}) {}

  /** This store with `pins` in force: `latest(name)` is the pinned version where one is named. A run's episodes
   * read their prompts through it, so a version saved mid-run reaches none of them. */
  pinned(pins: PromptPins): PromptStore {
    return new PromptStore(this.db, this.defaultsDir, { ...this.pins, ...pins });
  }

  /** The newest version, or the pinned one (pinned()). */
  async latest(name: PromptName): Promise<StoredPrompt> {
    await this.seed(name);
    const pin = this.pins[name];
    if (pin !== undefined) {
      const pinned = await this.get(name, pin);
      if (!pinned) throw new Error(`Prompt ${name} has no version ${pin}.`);
      return pinned;
    }
    const row = await this.db.get<PromptRow>('SELECT * FROM prompts WHERE name = ? ORDER BY version DESC LIMIT 1', [name]);
    return toPrompt(row!);
  }

  async latestAll(): Promise<StoredPrompt[]> {
    return Promise.all(PROMPT_NAMES.map((n) => this.latest(n)));
  }

  /** Newest first. */
  async versions(name: PromptName): Promise<StoredPrompt[]> {
    await this.seed(name);
    const rows = await this.db.all<PromptRow>('SELECT * FROM prompts WHERE name = ? ORDER BY version DESC', [name]);
    return rows.map(toPrompt);
  }

  async get(name: PromptName, version: number): Promise<StoredPrompt | undefined> {
    const row = await this.db.get<PromptRow>('SELECT * FROM prompts WHERE name = ? AND version = ?', [name, version]);
    return row && toPrompt(row);
  }

  /** A new version; refused when the text uses a slot the prompt does not offer. */
  async save(name: PromptName, text: string, note?: string): Promise<StoredPrompt> {
    const def = definitionOf(name);
    checkSlots(text, def.slots);
    await this.seed(name);
    return this.db.transaction(async () => {
      const top = await this.db.get<{ v: number }>('SELECT MAX(version) AS v FROM prompts WHERE name = ?', [name]);
      const version = (top?.v ?? 0) + 1;
      await this.db.run('INSERT INTO prompts (name, kind, version, text, note, is_default, created_at) VALUES (?, ?, ?, ?, ?, 0, ?)', [
        name, def.kind, version, text, note ?? null, new Date().toISOString(),
      ]);
      return (await this.get(name, version))!;
    });
  }

  /** Inserts the shipped default as version 1 when the prompt has no version yet. */
  private async seed(name: PromptName): Promise<void> {
    const def = definitionOf(name);
    const exists = await this.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM prompts WHERE name = ?', [name]);
    if (exists && exists.n > 0) return;
    const text = await readDefaultPrompt(name, this.defaultsDir);
    checkSlots(text, def.slots);
    await this.db.run(
      'INSERT OR IGNORE INTO prompts (name, kind, version, text, note, is_default, created_at) VALUES (?, ?, 1, ?, ?, 1, ?)',
      [name, def.kind, text, 'shipped default', new Date().toISOString()],
    );
  }
}

function toPrompt(r: PromptRow): StoredPrompt {
  const def = definitionOf(r.name);
  return {
    id: r.id,
    name: def.name,
    kind: def.kind,
    version: r.version,
    text: r.text,
    slots: [...def.slots],
    note: r.note,
    isDefault: r.is_default === 1,
    createdAt: r.created_at,
  };
}
