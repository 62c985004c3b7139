import type { RunRecord } from '../api/types';
import type { Database } from './db';

interface RunRow {
  id: string;
  kind: RunRecord['kind'];
  config: string;
  status: RunRecord['status'];
  created_at: string;
}

export class RunsRepo {
  constructor(private readonly db: Database) {}

  async create(run: RunRecord): Promise<void> {
    await this.db.run('INSERT INTO runs (id, kind, config, status, created_at) VALUES (?, ?, ?, ?, ?)', [
      run.id,
      run.kind,
      JSON.stringify(run.config),
      run.status,
      run.createdAt,
    ]);
  }

  async setStatus(id: string, status: RunRecord['status']): Promise<void> {
    await this.db.run('UPDATE runs SET status = ? WHERE id = ?', [status, id]);
  }

  async get(id: string): Promise<RunRecord | undefined> {
    const row = await this.db.get<RunRow>('SELECT * FROM runs WHERE id = ?', [id]);
    return row && toRun(row);
  }

  async list(): Promise<RunRecord[]> {
    return (await this.db.all<RunRow>('SELECT * FROM runs ORDER BY created_at DESC')).map(toRun);
  }
}

function toRun(row: RunRow): RunRecord {
  return { id: row.id, kind: row.kind, config: JSON.parse(row.config), status: row.status, createdAt: row.created_at };
}
