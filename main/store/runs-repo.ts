import type { RunRecord } from '../api/types';
import type { Database } from './db';

interface RunRow {
  id: string;
  kind: RunRecord['kind'];
  config: string;
  status: RunRecord['status'];
  created_at: string;
  owner_pid: number | null;
}

export class RunsRepo {
  constructor(private readonly db: Database) {}

  async create(run: RunRecord): Promise<void> {
    await this.db.run('INSERT INTO runs (id, kind, config, status, created_at, owner_pid) VALUES (?, ?, ?, ?, ?, ?)', [
      run.id,
      run.kind,
      JSON.stringify(run.config),
      run.status,
      run.createdAt,
      process.pid,
    ]);
  }

  /** A running run is owned by this process; any other status releases it. */
  async setStatus(id: string, status: RunRecord['status']): Promise<void> {
    await this.db.run('UPDATE runs SET status = ?, owner_pid = ? WHERE id = ?', [status, status === 'running' ? process.pid : null, id]);
  }

  async get(id: string): Promise<RunRecord | undefined> {
    const row = await this.db.get<RunRow>('SELECT * FROM runs WHERE id = ?', [id]);
    return row && toRun(row);
  }

  async list(): Promise<RunRecord[]> {
    return (await this.db.all<RunRow>('SELECT * FROM runs ORDER BY created_at DESC')).map(toRun);
  }

  /** Runs left 'running' by a process that no longer exists become 'interrupted' (resumable). */
  async markOrphansInterrupted(isAlive: (pid: number) => boolean): Promise<string[]> {
    const rows = await this.db.all<{ id: string; owner_pid: number | null }>(`SELECT id, owner_pid FROM runs WHERE status = 'running'`);
    const orphans = rows.filter((r) => r.owner_pid === null || (r.owner_pid !== process.pid && !isAlive(r.owner_pid)));
    for (const orphan of orphans) await this.db.run(`UPDATE runs SET status = 'interrupted', owner_pid = NULL WHERE id = ?`, [orphan.id]);
    return orphans.map((o) => o.id);
  }
}

function toRun(row: RunRow): RunRecord {
  return { id: row.id, kind: row.kind, config: JSON.parse(row.config), status: row.status, createdAt: row.created_at };
}
