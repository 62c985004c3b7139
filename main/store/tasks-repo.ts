import type { TaskRecord, TaskSummary } from '../api/types';
import type { Database } from './db';

interface TaskRow {
  id: string;
  source: TaskRecord['source'];
  sites: string;
  intent: string;
  start_url: string;
  config: string;
  split: TaskRecord['split'];
  family: string | null;
  training: number;
}

export class TasksRepo {
  constructor(private readonly db: Database) {}

  /** Adds or replaces a task. `training`: stored only for a training job (its rollouts or test split, issue 17),
   * so the task lists leave it out unless asked; any other writer (the catalog, an import) marks it the user's. */
  async upsert(task: TaskRecord, options: { training?: boolean } = {}): Promise<void> {
    await this.db.run(
      `INSERT INTO tasks (id, source, sites, intent, start_url, config, split, family, training)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT(id) DO UPDATE SET source = excluded.source, sites = excluded.sites, intent = excluded.intent,
         start_url = excluded.start_url, config = excluded.config, split = excluded.split, family = excluded.family,
         training = excluded.training`,
      [task.id, task.source, JSON.stringify(task.sites), task.intent, task.startUrl, JSON.stringify(task.config), task.split, task.family, options.training ? 1 : 0],
    );
  }

  /** Imports a task config without silently changing history: a new id is added, an identical one left as
   * it is, and a changed one kept as stored ('kept': its episodes were scored against it) unless `replace`. */
  async importTask(task: TaskRecord, replace: boolean): Promise<'added' | 'unchanged' | 'replaced' | 'kept'> {
    const stored = await this.get(task.id);
    if (stored && stableJson(stored) === stableJson(task)) return 'unchanged';
    if (stored && !replace) return 'kept';
    await this.upsert(task);
    return stored ? 'replaced' : 'added';
  }

  async get(id: string): Promise<TaskRecord | undefined> {
    const row = await this.db.get<TaskRow>('SELECT * FROM tasks WHERE id = ?', [id]);
    return row && toTask(row);
  }

  /** Every stored task in id order; without the instances stored only for training jobs when
   * `includeTraining` is false. */
  async list(options: { includeTraining?: boolean } = {}): Promise<TaskRecord[]> {
    const where = options.includeTraining === false ? ' WHERE training = 0' : '';
    return (await this.db.all<TaskRow>(`SELECT * FROM tasks${where} ORDER BY id`)).map(toTask);
  }

  /** One page in id order, without the configs (the API's task list). `miniwobIds`: the MiniWoB++ tasks of the
   * checkout in use; tasks an older checkout registered stay stored (their episodes refer to them) but are not
   * listed (docs/design/WEBARENA.md §5). Training instances are left out unless `includeTraining`;
   * `trainingInstances` counts those matching the rest of the query either way (the page's "show" toggle). */
  async page(query: { source?: TaskRecord['source']; offset: number; limit: number; miniwobIds?: readonly string[] | null; includeTraining?: boolean }): Promise<{ tasks: TaskSummary[]; total: number; trainingInstances: number }> {
    const conditions: string[] = [];
    const params: unknown[] = [];
    if (query.source) (conditions.push('source = ?'), params.push(query.source));
    if (query.miniwobIds) {
      conditions.push(`(source <> 'miniwob' OR id IN (SELECT value FROM json_each(?)))`);
      params.push(JSON.stringify(query.miniwobIds));
    }
    const training = await this.db.get<{ n: number }>(`SELECT COUNT(*) AS n FROM tasks WHERE ${[...conditions, 'training = 1'].join(' AND ')}`, params);
    if (!query.includeTraining) conditions.push('training = 0');
    const where = conditions.length ? `WHERE ${conditions.join(' AND ')}` : '';
    const count = await this.db.get<{ n: number }>(`SELECT COUNT(*) AS n FROM tasks ${where}`, params);
    const rows = await this.db.all<Omit<TaskRow, 'config'>>(
      `SELECT id, source, sites, intent, start_url, split, family, training FROM tasks ${where} ORDER BY id LIMIT ? OFFSET ?`,
      [...params, query.limit, query.offset],
    );
    return { tasks: rows.map((row) => ({ ...toTaskSummary(row), ...(row.training ? { training: true } : {}) })), total: count?.n ?? 0, trainingInstances: training?.n ?? 0 };
  }
}

function toTaskSummary(row: Omit<TaskRow, 'config' | 'training'>): TaskSummary {
  return { id: row.id, source: row.source, sites: JSON.parse(row.sites), intent: row.intent, startUrl: row.start_url, split: row.split, family: row.family };
}

function toTask(row: TaskRow): TaskRecord {
  return { ...toTaskSummary(row), config: JSON.parse(row.config) };
}

/** JSON with object keys sorted, so a config read back from the store compares equal to the file's. */
function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}
