import type { EpisodeAnalysis, EpisodeRecord, ForkProvenance, EpisodeStatus, EvaluationResult, StopReason } from '../api/types';
import type { EpisodePage, EpisodePageQuery, EpisodeQuery, EpisodeSummary } from '../api/contract';
import type { Database } from './db';
import { stampOwned } from './owner-heartbeat';
import { ownerStamp, type StoreOwner } from './owner-liveness';
import { episodePage } from './episode-page';
import { studyFilter, STUDY_COLUMNS, STUDY_JOINS, toStudyFields, type StudyRow } from './episode-study';

interface EpisodeRow {
  id: string;
  run_id: string | null;
  task_id: string;
  policy: string;
  seed: number;
  status: EpisodeStatus;
  success: number | null;
  score: number | null;
  answer: string | null;
  stop_reason: StopReason | null;
  outcome: string | null;
  failure_mode: string | null;
  evaluation: string | null;
  analysis: string | null;
  owner_pid: number | null;
  owner_token: string | null;
  heartbeat_at: number | null;
  created_at: string;
  finished_at: string | null;
  forked_from_episode_id: string | null;
  fork_step: number | null;
  step_count: number;
  instruction: string | null;
}

export interface EpisodeFilter extends EpisodeQuery {
  status?: EpisodeStatus;
  /** A training job's episodes (runs of kind 'rollout'): kept (default), left out, or the only ones. */
  training?: 'include' | 'exclude' | 'only';
}

/** Whether an episode's run is a training job's (kind 'rollout', as the episodes table tells them apart). */
const IN_TRAINING_RUN = `e.run_id IN (SELECT id FROM runs WHERE kind = 'rollout')`;

export interface EpisodeFinish {
  status: EpisodeStatus;
  success: boolean | null;
  score: number | null;
  answer: string | null;
  stopReason: StopReason | null;
  outcome: string;
  evaluation: EvaluationResult | null;
}

// step_count is stored on the episode and kept by triggers (migration 8, issue 22).
const SELECT_EPISODE = `SELECT e.* FROM episodes e`;

export class EpisodesRepo {
  constructor(private readonly db: Database, private readonly owner: StoreOwner) {}

  async create(ep: Pick<EpisodeRecord, 'id' | 'runId' | 'taskId' | 'policy' | 'seed' | 'createdAt'> & { forkedFrom?: ForkProvenance | null }): Promise<void> {
    await this.db.run(
      `INSERT INTO episodes (id, run_id, task_id, policy, seed, status, owner_pid, owner_token, heartbeat_at, created_at, forked_from_episode_id, fork_step)
       VALUES (?, ?, ?, ?, ?, 'running', ?, ?, ?, ?, ?, ?)`,
      [ep.id, ep.runId, ep.taskId, ep.policy, ep.seed, this.owner.pid, this.owner.token, this.owner.now(), ep.createdAt, ep.forkedFrom?.episodeId ?? null, ep.forkedFrom?.step ?? null],
    );
  }

  async finish(id: string, f: EpisodeFinish): Promise<void> {
    await this.db.run(
      `UPDATE episodes SET status = ?, success = ?, score = ?, answer = ?, stop_reason = ?, outcome = ?,
         evaluation = ?, owner_pid = NULL, owner_token = NULL, heartbeat_at = NULL, finished_at = ? WHERE id = ?`,
      [
        f.status,
        f.success === null ? null : f.success ? 1 : 0,
        f.score,
        f.answer,
        f.stopReason,
        f.outcome,
        f.evaluation ? JSON.stringify(f.evaluation) : null,
        new Date().toISOString(),
        id,
      ],
    );
  }

  /** The instruction the episode was given, when its environment made one (MiniWoB++: per seed, migration 9). */
  async setInstruction(id: string, instruction: string): Promise<void> {
    await this.db.run('UPDATE episodes SET instruction = ? WHERE id = ?', [instruction, id]);
  }

  async get(id: string): Promise<EpisodeRecord | undefined> {
    const row = await this.db.get<EpisodeRow>(`${SELECT_EPISODE} WHERE e.id = ?`, [id]);
    return row && toEpisode(row);
  }

  async list(filter: EpisodeFilter = {}): Promise<EpisodeRecord[]> {
    return (await this.query(SELECT_EPISODE, filter)).map(toEpisode);
  }

  /** Each episode of a run as (task, seed, status) only: cheap enough for a run page to poll (run-state.ts). */
  async attempts(runId: string): Promise<Pick<EpisodeRecord, 'taskId' | 'seed' | 'status'>[]> {
    return this.db.all<Pick<EpisodeRecord, 'taskId' | 'seed' | 'status'>>('SELECT task_id AS taskId, seed, status FROM episodes WHERE run_id = ?', [runId]);
  }

  /** The episodes table's rows (issue 21 "Study tables"): each record with its task's intent, sites and
   * family, the versions it ran with, and its note and tags; filtered in SQL so only matches cross the API. */
  async listSummaries(filter: EpisodeFilter = {}): Promise<EpisodeSummary[]> {
    const rows = await this.query<EpisodeRow & StudyRow>(`SELECT e.*, ${STUDY_COLUMNS} FROM episodes e ${STUDY_JOINS}`, filter);
    return rows.map((row) => ({ ...toEpisode(row), ...toStudyFields(row) }));
  }

  /** One page of the episodes table with its total (issue 22 "Lists at scale"). */
  page(query: EpisodePageQuery): Promise<EpisodePage> {
    return episodePage(this.db, query);
  }

  private async query<Row extends EpisodeRow>(select: string, filter: EpisodeFilter): Promise<Row[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.runId) (where.push('e.run_id = ?'), params.push(filter.runId));
    if (filter.taskId) (where.push('e.task_id = ?'), params.push(filter.taskId));
    if (filter.status) (where.push('e.status = ?'), params.push(filter.status));
    if (filter.training === 'exclude') where.push(`(e.run_id IS NULL OR NOT ${IN_TRAINING_RUN})`);
    if (filter.training === 'only') where.push(IN_TRAINING_RUN);
    studyFilter(filter, where, params);
    const clause = where.length ? ` WHERE ${where.join(' AND ')}` : '';
    params.push(filter.limit ?? 1000);
    return this.db.all<Row>(`${select}${clause} ORDER BY e.created_at DESC, e.id LIMIT ?`, params);
  }

  async annotation(id: string): Promise<{ note: string | null; tags: string[] }> {
    const row = await this.db.get<{ note: string | null }>('SELECT note FROM episodes WHERE id = ?', [id]);
    const tags = await this.db.all<{ tag: string }>('SELECT tag FROM episode_tags WHERE episode_id = ? ORDER BY tag', [id]);
    return { note: row?.note ?? null, tags: tags.map((t) => t.tag) };
  }

  /** Replaces the episode's study note and tags (issue 21); false when there is no such episode. */
  async annotate(id: string, note: string | null, tags: readonly string[]): Promise<boolean> {
    return this.db.transaction(async () => {
      const { changes } = await this.db.run('UPDATE episodes SET note = ? WHERE id = ?', [note, id]);
      if (changes === 0) return false;
      await this.db.run('DELETE FROM episode_tags WHERE episode_id = ?', [id]);
      for (const tag of new Set(tags)) await this.db.run('INSERT INTO episode_tags (episode_id, tag) VALUES (?, ?)', [id, tag]);
      return true;
    });
  }

  /** Stores the analyzer's verdict; failure_mode mirrors the category for filtering. */
  async setAnalysis(id: string, analysis: EpisodeAnalysis | null): Promise<void> {
    await this.db.run('UPDATE episodes SET analysis = ?, failure_mode = ? WHERE id = ?', [
      analysis ? JSON.stringify(analysis) : null,
      analysis?.category ?? null,
      id,
    ]);
  }

  /** Refreshes the heartbeat of the episodes this store is running (store/owner-heartbeat.ts). */
  async heartbeat(): Promise<void> {
    await stampOwned(this.db, 'episodes', this.owner);
  }

  /** Episodes left 'running' by an owner that no longer exists (store/owner-liveness.ts) were cut off mid-run
   * (killed, crashed, the machine restarted). Their completed steps stay; the episode is marked interrupted with
   * the reason recorded. The WHERE repeats the owner read, so an episode its owner just beat for is left alone. */
  async markOrphansInterrupted(isAlive: (pid: number) => boolean): Promise<string[]> {
    const rows = await this.db.all<Pick<EpisodeRow, 'id' | 'owner_pid' | 'owner_token' | 'heartbeat_at'>>(
      `SELECT id, owner_pid, owner_token, heartbeat_at FROM episodes WHERE status = 'running'`,
    );
    const marked: string[] = [];
    for (const orphan of rows) {
      const verdict = this.owner.judge(ownerStamp(orphan), isAlive);
      if (verdict.live) continue;
      const { changes } = await this.db.run(
        `UPDATE episodes SET status = 'interrupted', stop_reason = 'process_killed', owner_pid = NULL, owner_token = NULL,
           heartbeat_at = NULL, outcome = ?, finished_at = ?
         WHERE id = ? AND status = 'running' AND owner_token IS ? AND heartbeat_at IS ?`,
        [
          `The process running this episode ended before it finished (${verdict.why}); ` +
            'the steps completed before that are kept.',
          new Date().toISOString(),
          orphan.id,
          orphan.owner_token,
          orphan.heartbeat_at,
        ],
      );
      if (changes === 1) marked.push(orphan.id);
    }
    return marked;
  }
}

function toEpisode(row: EpisodeRow): EpisodeRecord {
  return {
    id: row.id,
    runId: row.run_id,
    taskId: row.task_id,
    policy: row.policy,
    seed: row.seed,
    status: row.status,
    success: row.success === null ? null : row.success === 1,
    score: row.score,
    answer: row.answer,
    stopReason: row.stop_reason,
    outcome: row.outcome,
    failureMode: row.failure_mode,
    evaluation: row.evaluation ? JSON.parse(row.evaluation) : null,
    analysis: row.analysis ? JSON.parse(row.analysis) : null,
    stepCount: row.step_count,
    createdAt: row.created_at,
    finishedAt: row.finished_at,
    forkedFrom: row.forked_from_episode_id === null ? null : { episodeId: row.forked_from_episode_id, step: row.fork_step ?? 0 },
    instruction: row.instruction ?? null,
  };
}
