import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../main/store';
import { Database } from '../../main/store/db';
import { migrate, MIGRATIONS } from '../../main/store/migrations';
import { validateRequest } from '../../main/api/schemas';
import type { EpisodePageQuery } from '../../main/api/contract';
import type { StepRecord, TaskRecord } from '../../main/api/types';

// The episodes table's pages (issue 22 "Lists at scale"): the stored step count and its backfill, paging with
// a total, the table's filters and sort in SQL, and the first page's chart and filter options.
// Real SQLite in a temporary data directory.

let dir: string;
let store: Store;

const task = (id: string, sites: string[], intent: string): TaskRecord => ({
  id, source: 'sandbox', sites, intent, startUrl: 'http://x/', config: {}, split: 'test', family: `${sites[0]}/${id}`,
});
const step = (episodeId: string, t: number): StepRecord => ({
  episodeId, t, url: 'http://x/', observationRef: null, screenshotRef: null, promptRef: null, responseRef: null, action: null,
  actionText: 'stop', actionError: null, targetBox: null, progress: null, value: null, potential: null, latencyMs: 1,
  timings: { observeMs: 0, policyMs: 0, actMs: 0, storeMs: 0 },
});

async function episode(id: string, o: { runId?: string | null; taskId: string; policy: string; success: boolean | null; steps: number; minute: number }) {
  await store.episodes.create({ id, runId: o.runId ?? null, taskId: o.taskId, policy: o.policy, seed: 0, createdAt: `2026-01-01T00:${String(o.minute).padStart(2, '0')}:00Z` });
  for (let t = 0; t < o.steps; t++) await store.steps.insert(step(id, t));
  await store.episodes.finish(id, { status: 'finished', success: o.success, score: o.success === null ? null : o.success ? 1 : 0, answer: null, stopReason: 'agent_stop', outcome: 'done', evaluation: null });
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mira-episode-page-'));
  store = await openStore(dir);
  await store.tasks.upsert(task('cart', ['shop'], 'Add the red mug to my cart'));
  await store.tasks.upsert(task('issue', ['code', 'admin'], 'Open an issue'));
  await store.runs.create({ id: 'eval', kind: 'eval', config: {}, status: 'finished', createdAt: '2026-01-01T00:00:00Z' });
  await store.runs.create({ id: 'train', kind: 'rollout', config: { phase: 2 }, status: 'finished', createdAt: '2026-01-01T00:00:00Z' });
  await episode('a', { runId: 'eval', taskId: 'cart', policy: 'oracle', success: true, steps: 3, minute: 1 });
  await episode('b', { runId: 'eval', taskId: 'issue', policy: 'oracle', success: false, steps: 7, minute: 2 });
  await episode('c', { runId: 'train', taskId: 'cart', policy: 'sgo', success: false, steps: 1, minute: 3 });
  await episode('d', { runId: null, taskId: 'issue', policy: 'sgo', success: null, steps: 0, minute: 4 });
  await store.episodes.setAnalysis('b', {
    category: 'wrong_termination', rule: 'stopped_without_success', evidenceSteps: [6], explanation: 'Stopped early.', keyDecision: null, references: 0, analyzedAt: '2026-01-01T01:00:00Z',
  });
});
afterEach(async () => {
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

const page = (query: EpisodePageQuery) => store.episodes.page(query);
const ids = async (query: EpisodePageQuery) => (await page(query)).rows.map((r) => r.id);

describe('stored step count', () => {
  it('follows every inserted and deleted step', async () => {
    expect((await store.episodes.get('b'))?.stepCount).toBe(7);
    await store.steps.insert(step('d', 0));
    expect((await store.episodes.get('d'))?.stepCount).toBe(1);
    await store.db.run('DELETE FROM steps WHERE episode_id = ? AND t >= 5', ['b']);
    expect((await store.episodes.get('b'))?.stepCount).toBe(5);
    expect((await store.episodes.listSummaries({})).find((e) => e.id === 'b')?.stepCount).toBe(5);
  });

  it('is backfilled when an older database is migrated', async () => {
    const db = await Database.open(join(dir, 'old.sqlite'));
    try {
      for (let version = 0; version < 7; version++) await db.exec(MIGRATIONS[version]);
      await db.exec('PRAGMA user_version = 7');
      await db.exec(`INSERT INTO tasks (id, source, sites, intent, start_url, config, split) VALUES ('t', 'sandbox', '["shop"]', 'x', 'http://x/', '{}', 'test')`);
      await db.exec(`INSERT INTO episodes (id, task_id, policy, seed, status, created_at) VALUES ('old', 't', 'oracle', 0, 'finished', '2025-01-01T00:00:00Z'), ('empty', 't', 'oracle', 0, 'finished', '2025-01-01T00:00:00Z')`);
      for (let t = 0; t < 4; t++) {
        await db.run(`INSERT INTO steps (episode_id, t, url, action_text, latency_ms, timings) VALUES ('old', ?, 'http://x/', 'stop', 1, '{}')`, [t]);
      }
      expect(await migrate(db)).toBe(MIGRATIONS.length);
      const counts = await db.all<{ id: string; step_count: number }>('SELECT id, step_count FROM episodes ORDER BY id');
      expect(counts).toEqual([{ id: 'empty', step_count: 0 }, { id: 'old', step_count: 4 }]);
    } finally {
      await db.close();
    }
  });
});

describe('episodes table pages', () => {
  it('pages newest first with the total, and the pages join up to every row exactly once', async () => {
    // Episode c is a training job's rollout: kept out unless asked for (next test but one).
    const first = await page({ limit: 2 });
    expect(first.total).toBe(3);
    expect(first.offset).toBe(0);
    expect(first.rows.map((r) => r.id)).toEqual(['d', 'b']);
    const second = await page({ limit: 2, offset: 2 });
    expect(second.rows.map((r) => r.id)).toEqual(['a']);
    expect(second.total).toBe(3);
    expect(second.summary).toBeUndefined();
    expect(await ids({ offset: 10 })).toEqual([]);
  });

  it('returns only what the table shows, with the stored step count', async () => {
    const [row] = (await page({ taskId: 'issue', filters: { policy: 'oracle' } })).rows;
    expect(row).toEqual({
      id: 'b', runId: 'eval', taskId: 'issue', policy: 'oracle', status: 'finished', success: false, score: 0,
      failureMode: 'wrong_termination', stopReason: 'agent_stop', stepCount: 7, createdAt: '2026-01-01T00:02:00Z',
      intent: 'Open an issue', sites: ['code', 'admin'], family: 'code/issue', note: null, tags: [],
    });
  });

  it('filters by site, outcome, failure mode, policy and phase in the store', async () => {
    expect(await ids({ filters: { site: 'admin' } })).toEqual(['d', 'b']);
    expect(await ids({ filters: { outcome: 'failed' } })).toEqual(['b']);
    expect(await ids({ filters: { outcome: 'unscored' } })).toEqual(['d']);
    expect(await ids({ filters: { outcome: 'succeeded' } })).toEqual(['a']);
    expect(await ids({ filters: { failureMode: 'wrong_termination' } })).toEqual(['b']);
    expect(await ids({ filters: { phase: 'phase 2' } })).toEqual(['c']);
    expect(await ids({ filters: { phase: 'eval' } })).toEqual(['b', 'a']);
    expect(await ids({ filters: { phase: 'none' } })).toEqual(['d']);
    const both = await page({ filters: { policy: 'sgo', outcome: 'failed', phase: 'phase 2' } });
    expect([both.total, both.rows.map((r) => r.id)]).toEqual([1, ['c']]);
    // The study filters (issue 21) still apply, together with the table's.
    expect(await ids({ search: 'RED MUG', filters: { outcome: 'failed', phase: 'phase 2' } })).toEqual(['c']);
  });

  it('sorts by any column in either direction, newest first among equals', async () => {
    expect(await ids({ sort: { key: 'steps', descending: true } })).toEqual(['b', 'a', 'd']);
    expect(await ids({ sort: { key: 'steps', descending: false } })).toEqual(['d', 'a', 'b']);
    expect(await ids({ sort: { key: 'task', descending: false } })).toEqual(['a', 'd', 'b']);
    expect(await ids({ sort: { key: 'outcome', descending: true } })).toEqual(['a', 'b', 'd']);
    expect(await ids({ sort: { key: 'started', descending: false } })).toEqual(['a', 'b', 'd']);
    expect(await ids({ sort: { key: 'failure', descending: true }, limit: 1 })).toEqual(['b']);
  });

  it('gives the first page the per-site chart over every match and the filter options', async () => {
    const { summary } = await page({ limit: 1, filters: { policy: 'oracle' } });
    expect(summary?.perSite).toEqual([
      { site: 'admin', solved: 0, total: 1 },
      { site: 'code', solved: 0, total: 1 },
      { site: 'shop', solved: 1, total: 1 },
    ]);
    expect(summary?.studyTotal).toBe(3);
    // Options ignore the table's own filters, so choosing one never hides the others' values; the phases
    // include the training job's, whose episodes a phase filter brings in.
    expect(summary?.options).toEqual({
      site: ['admin', 'code', 'shop'],
      failureMode: ['wrong_termination'],
      policy: ['oracle', 'sgo'],
      phase: ['eval', 'none', 'phase 2'],
    });
  });

  it('names every family and tag in scope for the study filters, whatever the study query and the page size', async () => {
    await store.episodes.annotate('b', null, ['regression', 'look-again']);
    await store.episodes.annotate('c', null, ['training-only']);
    // One row of one family is loaded; the study filters still offer the other family and every tag.
    const narrowed = await page({ limit: 1, family: 'shop/cart' });
    expect(narrowed.rows.map((r) => r.id)).toEqual(['a']);
    expect(narrowed.summary?.facets).toEqual({ family: ['code/issue', 'shop/cart'], tag: ['look-again', 'regression'] });
    // Within a run (here the training job's), its own episodes' families and tags.
    expect((await page({ runId: 'train' })).summary?.facets).toEqual({ family: ['shop/cart'], tag: ['training-only'] });
  });

  it("keeps a training job's rollouts out of the table and its per-site numbers unless its run or a phase is asked for", async () => {
    const all = await page({});
    expect(all.rows.map((r) => r.id)).toEqual(['d', 'b', 'a']);
    expect(all.summary?.perSite).toEqual([
      { site: 'admin', solved: 0, total: 1 },
      { site: 'code', solved: 0, total: 1 },
      { site: 'shop', solved: 1, total: 1 },
    ]);
    const run = await page({ runId: 'train' });
    expect([run.total, run.rows.map((r) => r.id), run.summary?.perSite]).toEqual([1, ['c'], [{ site: 'shop', solved: 0, total: 1 }]]);
    expect(await ids({ filters: { phase: 'phase 2' } })).toEqual(['c']);
    expect(await ids({ search: 'red mug' })).toEqual(['a']);
  });

  it('refuses malformed page requests with a clear error', () => {
    expect(() => validateRequest('listEpisodePage', [{ offset: -1 }])).toThrow(/offset/);
    expect(() => validateRequest('listEpisodePage', [{ limit: 5000 }])).toThrow(/limit/);
    expect(() => validateRequest('listEpisodePage', [{ sort: { key: 'colour', descending: true } }])).toThrow(/sort/);
    expect(() => validateRequest('listEpisodePage', [{ filters: { outcome: 'maybe' } }])).toThrow(/outcome/);
    expect(validateRequest('listEpisodePage', [{ offset: 200, limit: 200, sort: { key: 'steps', descending: false }, filters: { site: 'shop' } }])).toBeTruthy();
  });
});
