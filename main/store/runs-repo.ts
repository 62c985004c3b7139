import type { RunRecord } from '../api/types';
import type { RunSummary } from '../api/contract';
import type { Database } from './db';
import { stampOwned } from './owner-heartbeat';
import { ownerStamp as stamp, type OwnerVerdict, type StoreOwner } from './owner-liveness';

interface RunRow {
  id: string;
  kind: RunRecord['kind'];
  config: string;
  status: RunRecord['status'];
  created_at: string;
  owner_pid: number | null;
  owner_token: string | null;
  heartbeat_at: number | null;
}

export class RunsRepo {
  constructor(private readonly db: Database, private readonly owner: StoreOwner) {}

  async create(run: RunRecord): Promise<void> {
    await this.db.run('INSERT INTO runs (id, kind, config, status, created_at, owner_pid, owner_token, heartbeat_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)', [
      run.id,
      run.kind,
      JSON.stringify(run.config),
      run.status,
      run.createdAt,
      ...this.ownerColumns(),
    ]);
  }

  /** A running run is owned by this store; any other status releases it. */
  async setStatus(id: string, status: RunRecord['status']): Promise<void> {
    const owner = status === 'running' ? this.ownerColumns() : [null, null, null];
    await this.db.run('UPDATE runs SET status = ?, owner_pid = ?, owner_token = ?, heartbeat_at = ? WHERE id = ?', [status, ...owner, id]);
  }

  /** Refreshes the heartbeat of the runs this store drives (store/owner-heartbeat.ts). */
  async heartbeat(): Promise<void> {
    await stampOwned(this.db, 'runs', this.owner);
  }

  /** Whether a running run's owner still exists (null: no such run, or it is not running). */
  async runningOwner(id: string, isAlive: (pid: number) => boolean): Promise<OwnerVerdict | null> {
    const row = await this.db.get<RunRow>(`SELECT * FROM runs WHERE id = ? AND status = 'running'`, [id]);
    return row ? this.owner.judge(stamp(row), isAlive) : null;
  }

  private ownerColumns(): [number, string, number] {
    return [this.owner.pid, this.owner.token, this.owner.now()];
  }

  /** Takes an interrupted or failed run over for `resume` in one statement, so of two resumes at once exactly
   * one gets it (true) and the other sees that it is already running (false). */
  async claimForResume(id: string): Promise<boolean> {
    const { changes } = await this.db.run(
      `UPDATE runs SET status = 'running', owner_pid = ?, owner_token = ?, heartbeat_at = ? WHERE id = ? AND status IN ('interrupted', 'error')`,
      [...this.ownerColumns(), id],
    );
    return changes === 1;
  }

  /** Replaces a run's config: a resume records the judge of a run stored before judges were (runs/run-tasks.ts). */
  async setConfig(id: string, config: RunRecord['config']): Promise<void> {
    await this.db.run('UPDATE runs SET config = ? WHERE id = ?', [JSON.stringify(config), id]);
  }

  async get(id: string): Promise<RunRecord | undefined> {
    const row = await this.db.get<RunRow>('SELECT * FROM runs WHERE id = ?', [id]);
    return row && toRun(row);
  }

  async list(): Promise<RunRecord[]> {
    return (await this.db.all<RunRow>('SELECT * FROM runs ORDER BY created_at DESC')).map(toRun);
  }

  /** The Runs table (issue 21): each run with its episode counts, model, prompt version and the subgoal set
   * versions its episodes were judged against, aggregated in one query. */
  async summaries(): Promise<RunSummary[]> {
    // The model: the one the run asked for, else the one its policy's LLM calls actually used (the settings' default then).
    const rows = await this.db.all<RunRow & { episodes: number; scored: number; solved: number; subgoal_versions: string | null; model: string | null }>(
      `SELECT r.*,
         COALESCE(json_extract(r.config, '$.llm.model'), (SELECT c.model FROM llm_calls c WHERE c.purpose = 'policy'
            AND c.episode_id IN (SELECT id FROM episodes WHERE run_id = r.id) LIMIT 1)) AS model,
         (SELECT COUNT(*) FROM episodes e WHERE e.run_id = r.id) AS episodes,
         (SELECT COUNT(*) FROM episodes e WHERE e.run_id = r.id AND e.success IS NOT NULL) AS scored,
         (SELECT COUNT(*) FROM episodes e WHERE e.run_id = r.id AND e.success = 1) AS solved,
         (SELECT json_group_array(DISTINCT ss.version) FROM episodes e JOIN episode_subgoals es ON es.episode_id = e.id
            JOIN subgoal_sets ss ON ss.id = es.subgoal_set_id WHERE e.run_id = r.id) AS subgoal_versions
       FROM runs r ORDER BY r.created_at DESC`,
    );
    return rows.map((row) => {
      const run = toRun(row);
      return {
        ...run,
        episodes: row.episodes,
        scored: row.scored,
        solved: row.solved,
        model: row.model,
        promptVersion: typeof run.config.promptVersion === 'number' ? run.config.promptVersion : null,
        subgoalVersions: (JSON.parse(row.subgoal_versions ?? '[]') as number[]).sort((a, b) => a - b),
      };
    });
  }

  /** Per run, what changes while it goes on: its status and how many of its episodes have finished. Cheap
   * (indexed counts), so it can be polled to notice runs another process writes (main/store/run-watch.ts). */
  async changeMarks(): Promise<Map<string, string>> {
    const rows = await this.db.all<{ id: string; status: string; finished: number }>(
      `SELECT r.id, r.status, (SELECT COUNT(*) FROM episodes e WHERE e.run_id = r.id AND e.finished_at IS NOT NULL) AS finished FROM runs r`,
    );
    return new Map(rows.map((r) => [r.id, `${r.status}:${r.finished}`]));
  }

  /** Runs left 'running' by an owner that no longer exists (store/owner-liveness.ts) become 'interrupted'
   * (resumable). The WHERE repeats the owner read, so a run its owner just finished or re-claimed is left alone. */
  async markOrphansInterrupted(isAlive: (pid: number) => boolean): Promise<string[]> {
    const rows = await this.db.all<Pick<RunRow, 'id' | 'owner_pid' | 'owner_token' | 'heartbeat_at'>>(
      `SELECT id, owner_pid, owner_token, heartbeat_at FROM runs WHERE status = 'running'`,
    );
    const marked: string[] = [];
    for (const orphan of rows.filter((r) => !this.owner.judge(stamp(r), isAlive).live)) {
      const { changes } = await this.db.run(
        `UPDATE runs SET status = 'interrupted', owner_pid = NULL, owner_token = NULL, heartbeat_at = NULL
         WHERE id = ? AND status = 'running' AND owner_token IS ? AND heartbeat_at IS ?`,
        [orphan.id, orphan.owner_token, orphan.heartbeat_at],
      );
      if (changes === 1) marked.push(orphan.id);
    }
    return marked;
  }
}

function toRun(row: RunRow): RunRecord {
  return { id: row.id, kind: row.kind, config: JSON.parse(row.config), status: row.status, createdAt: row.created_at };
}
