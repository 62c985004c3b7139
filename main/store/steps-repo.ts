import type { StepRecord } from '../api/types';
import type { Database } from './db';

interface StepRow {
  episode_id: string;
  t: number;
  url: string;
  observation_ref: string | null;
  screenshot_ref: string | null;
  thumbnail_ref: string | null;
  prompt_ref: string | null;
  response_ref: string | null;
  action: string | null;
  action_text: string;
  action_error: string | null;
  target_box: string | null;
  progress: string | null;
  value: number | null;
  potential: number | null;
  latency_ms: number;
  timings: string;
  views: string | null;
}

const json = (v: unknown) => (v === null || v === undefined ? null : JSON.stringify(v));

export class StepsRepo {
  constructor(private readonly db: Database) {}

  /** One row per step, committed on its own: a process killed after this returns keeps the step. */
  async insert(s: StepRecord): Promise<void> {
    await this.db.run(
      `INSERT INTO steps (episode_id, t, url, observation_ref, screenshot_ref, prompt_ref, response_ref, action,
         action_text, action_error, target_box, progress, value, potential, latency_ms, timings, views, thumbnail_ref)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        s.episodeId, s.t, s.url, s.observationRef, s.screenshotRef, s.promptRef, s.responseRef, json(s.action),
        s.actionText, s.actionError, json(s.targetBox), json(s.progress), s.value, s.potential, s.latencyMs,
        JSON.stringify(s.timings), json(s.views), s.thumbnailRef ?? null,
      ],
    );
  }

  /** Attaches a screenshot to a recorded step: the closing frame of a 'first-last' episode. */
  async setScreenshot(episodeId: string, t: number, screenshotRef: string): Promise<void> {
    await this.db.run('UPDATE steps SET screenshot_ref = ? WHERE episode_id = ? AND t = ?', [screenshotRef, episodeId, t]);
  }

  /** The progress vector the subgoal judge gave a recorded step (the step is stored before it is judged). */
  async setProgress(episodeId: string, t: number, progress: number[]): Promise<void> {
    await this.db.run('UPDATE steps SET progress = ? WHERE episode_id = ? AND t = ?', [JSON.stringify(progress), episodeId, t]);
  }

  async list(episodeId: string): Promise<StepRecord[]> {
    const rows = await this.db.all<StepRow>('SELECT * FROM steps WHERE episode_id = ? ORDER BY t', [episodeId]);
    return rows.map(toStep);
  }

  /** Steps `from` to `to` (exclusive) in step order, by position: what the replay's step windows read, without
   * reading the rest of a long episode. */
  async window(episodeId: string, from: number, to: number): Promise<StepRecord[]> {
    const rows = await this.db.all<StepRow>('SELECT * FROM steps WHERE episode_id = ? ORDER BY t LIMIT ? OFFSET ?', [episodeId, Math.max(0, to - from), from]);
    return rows.map(toStep);
  }

  async get(episodeId: string, t: number): Promise<StepRecord | undefined> {
    const row = await this.db.get<StepRow>('SELECT * FROM steps WHERE episode_id = ? AND t = ?', [episodeId, t]);
    return row && toStep(row);
  }
}

function toStep(r: StepRow): StepRecord {
  return {
    episodeId: r.episode_id,
    t: r.t,
    url: r.url,
    observationRef: r.observation_ref,
    screenshotRef: r.screenshot_ref,
    promptRef: r.prompt_ref,
    responseRef: r.response_ref,
    action: r.action ? JSON.parse(r.action) : null,
    actionText: r.action_text,
    actionError: r.action_error,
    targetBox: r.target_box ? JSON.parse(r.target_box) : null,
    progress: r.progress ? JSON.parse(r.progress) : null,
    value: r.value,
    potential: r.potential,
    latencyMs: r.latency_ms,
    timings: JSON.parse(r.timings),
    // Absent (not null) on steps recorded before views were stored, so such records read back as written.
    ...(r.views ? { views: JSON.parse(r.views) } : {}),
    ...(r.thumbnail_ref ? { thumbnailRef: r.thumbnail_ref } : {}),
  };
}
