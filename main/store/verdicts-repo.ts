// AutoRater verdicts (migration 4): one row per milestone judged after a step, with its evidence, judge
// (predicate or llm), model, latency and the LLM call behind it.
import type { VerdictRecord } from '../api/inference-types';
import type { Database } from './db';

interface VerdictRow {
  episode_id: string;
  t: number;
  subgoal_index: number;
  verdict: number;
  evidence: string;
  judge: string;
  model: string | null;
  latency_ms: number;
  llm_call_id: number | null;
  created_at: string;
}

export class VerdictsRepo {
  constructor(private readonly db: Database) {}

  async insert(v: VerdictRecord): Promise<void> {
    await this.db.run(
      `INSERT INTO verdicts (episode_id, t, subgoal_index, verdict, evidence, judge, model, latency_ms, llm_call_id, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [v.episodeId, v.t, v.subgoalIndex, v.done ? 1 : 0, v.evidence, v.judge, v.model, v.latencyMs, v.llmCallId, v.createdAt],
    );
  }

  /** By step, then subgoal index, then the order made. */
  async list(episodeId: string): Promise<VerdictRecord[]> {
    const rows = await this.db.all<VerdictRow>('SELECT * FROM verdicts WHERE episode_id = ? ORDER BY t, subgoal_index, id', [episodeId]);
    return rows.map((r) => ({
      episodeId: r.episode_id,
      t: r.t,
      subgoalIndex: r.subgoal_index,
      done: r.verdict === 1,
      evidence: r.evidence,
      judge: r.judge as VerdictRecord['judge'],
      model: r.model,
      latencyMs: r.latency_ms,
      llmCallId: r.llm_call_id,
      createdAt: r.created_at,
    }));
  }
}
