import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../main/store';
import { watchRuns } from '../../main/store/run-watch';
import { validateRequest } from '../../main/api/schemas';
import type { RunRecord, TaskRecord } from '../../main/api/types';

// The study tables' store queries (issue 21): search, filters, notes and tags, the runs summary, and the
// watch that notices runs another process writes. Real SQLite in a temporary data directory.

let dir: string;
let store: Store;

const task = (id: string, intent: string, family: string): TaskRecord => ({
  id, source: 'sandbox', sites: ['shop'], intent, startUrl: 'http://x/', config: {}, split: 'test', family,
});
const run = (id: string, config: Record<string, unknown>, createdAt: string): RunRecord => ({ id, kind: 'eval', config, status: 'finished', createdAt });

async function episode(id: string, runId: string, taskId: string, policy: string, success: boolean | null, answer: string | null, createdAt: string) {
  await store.episodes.create({ id, runId, taskId, policy, seed: 0, createdAt });
  await store.episodes.finish(id, { status: 'finished', success, score: success === null ? null : success ? 1 : 0, answer, stopReason: 'agent_stop', outcome: 'done', evaluation: null });
}

async function judgedAgainst(episodeId: string, taskId: string, version: number) {
  const existing = await store.db.get<{ id: number }>('SELECT id FROM subgoal_sets WHERE task_id = ? AND version = ?', [taskId, version]);
  const setId = existing?.id ?? (await store.db.run(
    `INSERT INTO subgoal_sets (task_id, version, origin, items, created_at) VALUES (?, ?, 'hand', '[]', '2026-01-01T00:00:00Z')`, [taskId, version],
  )).lastID;
  await store.db.run('INSERT INTO episode_subgoals (episode_id, subgoal_set_id) VALUES (?, ?)', [episodeId, setId]);
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mira-study-'));
  store = await openStore(dir);
  await store.tasks.upsert(task('cart', 'Add the red mug to my cart', 'shop/cart'));
  await store.tasks.upsert(task('price', 'What is the price of 100% cotton socks?', 'shop/price'));
  await store.runs.create(run('r1', { policy: 'oracle', taskIds: ['cart', 'price'] }, '2026-01-01T00:00:01Z'));
  await store.runs.create(run('r2', { policy: 'sgo', llm: { model: 'gemini-2.5-flash' }, promptVersion: 3, taskIds: ['cart', 'price'] }, '2026-01-01T00:00:02Z'));
  await episode('e1', 'r1', 'cart', 'oracle', true, null, '2026-01-01T00:01:00Z');
  await episode('e2', 'r1', 'price', 'oracle', true, '$12.50', '2026-01-01T00:02:00Z');
  await episode('e3', 'r2', 'cart', 'sgo', false, null, '2026-01-01T00:03:00Z');
  await episode('e4', 'r2', 'price', 'sgo', null, 'twelve dollars', '2026-01-01T00:04:00Z');
  await judgedAgainst('e3', 'cart', 2);
  await judgedAgainst('e4', 'price', 1);
});
afterEach(async () => {
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

const ids = async (query: Parameters<Store['episodes']['listSummaries']>[0]) => (await store.episodes.listSummaries(query)).map((e) => e.id).sort();

describe('episodes table queries', () => {
  it('searches intents and answers as literal, case-insensitive substrings', async () => {
    expect(await ids({ search: 'RED MUG' })).toEqual(['e1', 'e3']);
    expect(await ids({ search: 'twelve' })).toEqual(['e4']);
    expect(await ids({ search: '$12.5' })).toEqual(['e2']);
    // % and _ are text, not wildcards: only the intent with "100%" matches.
    expect(await ids({ search: '100%' })).toEqual(['e2', 'e4']);
    expect(await ids({ search: '%' })).toEqual(['e2', 'e4']);
    expect(await ids({ search: 'no such words' })).toEqual([]);
  });

  it('filters by family, run, policy, subgoal version and prompt version, and combines them', async () => {
    expect(await ids({ family: 'shop/price' })).toEqual(['e2', 'e4']);
    expect(await ids({ runId: 'r2' })).toEqual(['e3', 'e4']);
    expect(await ids({ policy: 'oracle' })).toEqual(['e1', 'e2']);
    expect(await ids({ subgoalVersion: 2 })).toEqual(['e3']);
    expect(await ids({ promptVersion: 3 })).toEqual(['e3', 'e4']);
    expect(await ids({ promptVersion: 4 })).toEqual([]);
    expect(await ids({ family: 'shop/cart', promptVersion: 3 })).toEqual(['e3']);
  });

  it('returns each row with its task, family, versions and model', async () => {
    const [e3] = await store.episodes.listSummaries({ runId: 'r2', family: 'shop/cart' });
    expect(e3).toMatchObject({
      id: 'e3', intent: 'Add the red mug to my cart', sites: ['shop'], family: 'shop/cart',
      subgoalVersion: 2, promptVersion: 3, model: 'gemini-2.5-flash', note: null, tags: [], stepCount: 0, success: false,
    });
  });

  it('stores notes and tags that survive reopening the data directory, and filters and searches by them', async () => {
    expect(await store.episodes.annotate('e2', 'answer format differs from the reference', ['format', 'review', 'format'])).toBe(true);
    expect(await store.episodes.annotate('e3', null, ['review'])).toBe(true);
    expect(await store.episodes.annotate('missing', 'x', [])).toBe(false);
    await store.close();
    store = await openStore(dir);
    expect(await store.episodes.annotation('e2')).toEqual({ note: 'answer format differs from the reference', tags: ['format', 'review'] });
    expect(await ids({ tag: 'review' })).toEqual(['e2', 'e3']);
    expect(await ids({ tag: 'format' })).toEqual(['e2']);
    expect(await ids({ search: 'FORMAT DIFFERS' })).toEqual(['e2']);
    // Replacing the tags drops the old ones.
    await store.episodes.annotate('e2', null, []);
    expect(await store.episodes.annotation('e2')).toEqual({ note: null, tags: [] });
    expect(await ids({ tag: 'format' })).toEqual([]);
  });

  it('refuses bad study arguments at the API boundary with a clear message', () => {
    expect(() => validateRequest('annotateEpisode', ['e1', { note: 'x', tags: ['a,b'] }])).toThrow(/tag cannot contain a comma/);
    expect(() => validateRequest('annotateEpisode', ['e1', { note: 'x'.repeat(10_001), tags: [] }])).toThrow(/at most 10000 characters/);
    expect(() => validateRequest('listEpisodes', [{ promptVersion: 0 }])).toThrow(/promptVersion/);
    expect(() => validateRequest('listEpisodes', [{ colour: 'red' }])).toThrow(/colour/);
    expect(validateRequest('annotateEpisode', ['e1', { note: null, tags: [' flaky '] }])).toEqual(['e1', { note: null, tags: ['flaky'] }]);
  });
});

describe('runs table', () => {
  it('reports each run\'s success rate over scored episodes, model, prompt version and subgoal versions', async () => {
    const [r2, r1] = await store.runs.summaries();
    expect(r1).toMatchObject({ id: 'r1', episodes: 2, scored: 2, solved: 2, model: null, promptVersion: null, subgoalVersions: [] });
    // e4 is not scored: SR is 0 of 1 scored.
    expect(r2).toMatchObject({ id: 'r2', episodes: 2, scored: 1, solved: 0, model: 'gemini-2.5-flash', promptVersion: 3, subgoalVersions: [1, 2] });
  });

  it('notices a run another process writes into the same data directory', async () => {
    const seen: RunRecord[] = [];
    const { stop, ready } = watchRuns(store.runs, (r) => seen.push(r), 50);
    try {
      await ready; // the runs already there are known and not reported
      const other = await openStore(dir); // a second connection, as the CLI has
      try {
        await other.runs.create(run('r3', { policy: 'oracle', taskIds: ['cart'] }, '2026-01-01T00:00:03Z'));
      } finally {
        await other.close();
      }
      await expect.poll(() => seen.map((r) => r.id), { timeout: 10_000 }).toContain('r3');
      expect(seen.map((r) => r.id)).not.toContain('r1');
    } finally {
      stop();
    }
  });
});
