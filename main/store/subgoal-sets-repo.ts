// Versioned subgoal sets per task (docs/design/MIRA.md §2.2: generated, hand-corrected or reference) and the set each
// episode was judged against. A save never overwrites: it adds version n+1.
import type { SubgoalItem, SubgoalOrigin, SubgoalSet } from '../api/inference-types';
import type { Database } from './db';

interface SetRow {
  id: number;
  task_id: string;
  version: number;
  origin: string;
  items: string;
  note: string | null;
  model: string | null;
  prompt_name: string | null;
  prompt_version: number | null;
  created_at: string;
}

const SELECT = `SELECT s.*, p.name AS prompt_name, p.version AS prompt_version FROM subgoal_sets s LEFT JOIN prompts p ON p.id = s.prompt_id`;

export interface NewSubgoalSet {
  taskId: string;
  origin: SubgoalOrigin;
  items: SubgoalItem[];
  note?: string | null;
  promptId?: number | null;
  model?: string | null;
}

export class SubgoalSetsRepo {
  constructor(private readonly db: Database) {}

  async create(s: NewSubgoalSet): Promise<SubgoalSet> {
    if (s.items.length === 0) throw new Error('A subgoal set needs at least one subgoal.');
    return this.db.transaction(async () => {
      const top = await this.db.get<{ v: number | null }>('SELECT MAX(version) AS v FROM subgoal_sets WHERE task_id = ?', [s.taskId]);
      const version = (top?.v ?? 0) + 1;
      const { lastID } = await this.db.run(
        'INSERT INTO subgoal_sets (task_id, version, origin, items, prompt_id, model, note, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
        [s.taskId, version, s.origin, JSON.stringify(s.items), s.promptId ?? null, s.model ?? null, s.note ?? null, new Date().toISOString()],
      );
      return (await this.get(lastID))!;
    });
  }

  async get(id: number): Promise<SubgoalSet | undefined> {
    const row = await this.db.get<SetRow>(`${SELECT} WHERE s.id = ?`, [id]);
    return row && toSet(row);
  }

  /** Every version, newest first. */
  async list(taskId: string): Promise<SubgoalSet[]> {
    return (await this.db.all<SetRow>(`${SELECT} WHERE s.task_id = ? ORDER BY s.version DESC`, [taskId])).map(toSet);
  }

  async latest(taskId: string, origin?: SubgoalOrigin): Promise<SubgoalSet | undefined> {
    const row = origin
      ? await this.db.get<SetRow>(`${SELECT} WHERE s.task_id = ? AND s.origin = ? ORDER BY s.version DESC LIMIT 1`, [taskId, origin])
      : await this.db.get<SetRow>(`${SELECT} WHERE s.task_id = ? ORDER BY s.version DESC LIMIT 1`, [taskId]);
    return row && toSet(row);
  }

  /** The newest set an episode of this task with this seed was judged against: for tasks whose instruction is
   * made per seed (MiniWoB++), a set written for another seed's instruction would judge the wrong goal. */
  async latestForSeed(taskId: string, seed: number): Promise<SubgoalSet | undefined> {
    const row = await this.db.get<SetRow>(
      `${SELECT} WHERE s.task_id = ? AND s.id IN (SELECT es.subgoal_set_id FROM episode_subgoals es JOIN episodes ep ON ep.id = es.episode_id WHERE ep.task_id = ? AND ep.seed = ?)
       ORDER BY s.version DESC LIMIT 1`,
      [taskId, taskId, seed],
    );
    return row && toSet(row);
  }

  /** The catalog's reference set as a stored version; a new version only when the catalog's text changed. */
  async ensureReference(taskId: string, items: SubgoalItem[]): Promise<SubgoalSet> {
    const current = await this.latest(taskId, 'reference');
    if (current && JSON.stringify(current.items) === JSON.stringify(items)) return current;
    return this.create({ taskId, origin: 'reference', items, note: 'from the sandbox catalog' });
  }

  /** Records (or, after a re-plan, replaces) the set an episode is judged against. */
  async linkEpisode(episodeId: string, setId: number): Promise<void> {
    await this.db.run(
      'INSERT INTO episode_subgoals (episode_id, subgoal_set_id) VALUES (?, ?) ON CONFLICT(episode_id) DO UPDATE SET subgoal_set_id = excluded.subgoal_set_id',
      [episodeId, setId],
    );
  }

  async forEpisode(episodeId: string): Promise<SubgoalSet | null> {
    const row = await this.db.get<SetRow>(`${SELECT} JOIN episode_subgoals e ON e.subgoal_set_id = s.id WHERE e.episode_id = ?`, [episodeId]);
    return row ? toSet(row) : null;
  }
}

function toSet(r: SetRow): SubgoalSet {
  return {
    id: r.id,
    taskId: r.task_id,
    version: r.version,
    origin: r.origin as SubgoalOrigin,
    items: JSON.parse(r.items),
    note: r.note,
    promptName: r.prompt_name,
    promptVersion: r.prompt_version,
    model: r.model,
    createdAt: r.created_at,
  };
}
