import type { TaskRecord } from '../api/types';
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
}

export class TasksRepo {
  constructor(private readonly db: Database) {}

  async upsert(task: TaskRecord): Promise<void> {
    await this.db.run(
      `INSERT INTO tasks (id, source, sites, intent, start_url, config, split, family)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT(id) DO UPDATE SET source = excluded.source, sites = excluded.sites, intent = excluded.intent,
         start_url = excluded.start_url, config = excluded.config, split = excluded.split, family = excluded.family`,
      [task.id, task.source, JSON.stringify(task.sites), task.intent, task.startUrl, JSON.stringify(task.config), task.split, task.family],
    );
  }

  async get(id: string): Promise<TaskRecord | undefined> {
    const row = await this.db.get<TaskRow>('SELECT * FROM tasks WHERE id = ?', [id]);
    return row && toTask(row);
  }

  async list(): Promise<TaskRecord[]> {
    return (await this.db.all<TaskRow>('SELECT * FROM tasks ORDER BY id')).map(toTask);
  }
}

function toTask(row: TaskRow): TaskRecord {
  return {
    id: row.id,
    source: row.source,
    sites: JSON.parse(row.sites),
    intent: row.intent,
    startUrl: row.start_url,
    config: JSON.parse(row.config),
    split: row.split,
    family: row.family,
  };
}
