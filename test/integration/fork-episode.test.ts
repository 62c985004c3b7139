import { beforeAll, describe, expect, it } from 'vitest';
import type { EpisodeRecord } from '../../main/api/types';
import { validateRequest } from '../../main/api/schemas';
import type { Core } from '../../main/core';
import { SANDBOX_FAMILIES } from '../../main/sandbox/families';
import { useCore } from '../helpers/use-core';

// Issue 8 "Fork": re-run an episode from a chosen step with another policy. The fork replays the source's
// first k actions through the real executor in Chromium (fresh sandbox state), then hands over.
const FORK_STEP = 2;
const core = useCore({ sandbox: { instancesPerFamily: 1 } });
let source: EpisodeRecord;

beforeAll(async () => {
  const taskId = SANDBOX_FAMILIES.find((f) => f.id === 'shop/add-to-cart')!.instantiate(1, 0).id;
  [source] = await (await core.run({ taskIds: [taskId], policy: 'oracle' })).done;
}, 300_000);

/** Forks through the API (as the UI does) and waits for the fork's run to end. */
async function fork(request: Parameters<Core['api']['forkEpisode']>[0]): Promise<EpisodeRecord> {
  validateRequest('forkEpisode', [request]);
  const { runId, episodeId } = await core.api.forkEpisode(request);
  for (const deadline = Date.now() + 90_000; (await core.store.runs.get(runId))?.status === 'running';) {
    if (Date.now() > deadline) throw new Error(`fork run ${runId} did not end`);
    await new Promise((r) => setTimeout(r, 50));
  }
  const episodes = await core.store.episodes.list({ runId });
  expect(episodes).toHaveLength(1);
  expect(episodes[0].id).toBe(episodeId);
  return episodes[0];
}

describe('forkEpisode', () => {
  it('the source oracle episode succeeded with more steps than the fork point', () => {
    expect(source).toMatchObject({ success: true, stopReason: 'agent_stop', forkedFrom: null });
    expect(source.stepCount).toBeGreaterThan(FORK_STEP + 1);
  });

  it('fork at step 2 with the oracle: succeeds, the first 2 actions identical, provenance recorded', { timeout: 120_000 }, async () => {
    const forked = await fork({ episodeId: source.id, fromStep: FORK_STEP, policy: 'oracle' });
    expect(forked).toMatchObject({ success: true, stopReason: 'agent_stop', policy: 'oracle', taskId: source.taskId, seed: source.seed });
    expect(forked.forkedFrom).toEqual({ episodeId: source.id, step: FORK_STEP });
    const [before, after] = [await core.store.steps.list(source.id), await core.store.steps.list(forked.id)];
    expect(after.slice(0, FORK_STEP).map((s) => s.action)).toEqual(before.slice(0, FORK_STEP).map((s) => s.action));
    // The oracle picked up its plan where the prefix left it: the whole trajectory matches the source.
    expect(after.map((s) => s.action)).toEqual(before.map((s) => s.action));
    // Prefix steps say where they came from; the detail the replay view reads carries the provenance.
    expect(await core.store.blobs.getText(after[0].responseRef!)).toContain(`[fork prefix] Replaying step 1 of episode ${source.id}`);
    expect(await core.store.blobs.getText(after[FORK_STEP].responseRef!)).not.toContain('[fork prefix]');
    expect((await core.api.getEpisode(forked.id)).episode.forkedFrom).toEqual({ episodeId: source.id, step: FORK_STEP });
    expect((await core.store.runs.list()).find((r) => r.id === forked.runId)?.config.fork).toEqual({ episodeId: source.id, step: FORK_STEP });
  });

  it('fork with do-nothing: fails, the prefix preserved', { timeout: 120_000 }, async () => {
    const forked = await fork({ episodeId: source.id, fromStep: FORK_STEP, policy: 'do-nothing' });
    expect(forked).toMatchObject({ success: false, policy: 'do-nothing', stopReason: 'agent_stop', forkedFrom: { episodeId: source.id, step: FORK_STEP } });
    const [before, after] = [await core.store.steps.list(source.id), await core.store.steps.list(forked.id)];
    expect(after).toHaveLength(FORK_STEP + 1);
    expect(after.slice(0, FORK_STEP).map((s) => [s.action, s.url, s.observationRef, s.actionError])).toEqual(
      before.slice(0, FORK_STEP).map((s) => [s.action, s.url, s.observationRef, s.actionError]),
    );
    expect(after[FORK_STEP].action?.type).toBe('stop');
  });

  it('fork from step 0 runs the new policy from the start', { timeout: 120_000 }, async () => {
    const forked = await fork({ episodeId: source.id, fromStep: 0, policy: 'do-nothing' });
    expect(forked).toMatchObject({ stepCount: 1, forkedFrom: { episodeId: source.id, step: 0 } });
  });

  it('a prefix that does not reproduce the source is reported and leaves no run or episode behind', { timeout: 120_000 }, async () => {
    // A copy of the source whose step 1 claims another URL: replaying it cannot reproduce that page.
    const copy = { ...source, id: `${source.id}-tampered` };
    await core.store.episodes.create(copy);
    // Every column but the episode id is copied, whatever columns later migrations add.
    const columns = (await core.store.db.all<{ name: string }>('PRAGMA table_info(steps)')).map((c) => c.name).filter((c) => c !== 'episode_id');
    await core.store.db.run(
      `INSERT INTO steps (episode_id, ${columns.join(', ')}) SELECT ?, ${columns.join(', ')} FROM steps WHERE episode_id = ?`,
      [copy.id, source.id],
    );
    await core.store.db.run(`UPDATE steps SET url = url || '?elsewhere' WHERE episode_id = ? AND t = 1`, [copy.id]);
    const [runsBefore, episodesBefore] = [await core.store.runs.list(), await core.store.episodes.list({ limit: 100_000 })];
    await expect(core.api.forkEpisode({ episodeId: copy.id, fromStep: 3, policy: 'oracle' })).rejects.toThrow(
      /^The fork could not start: fork_prefix_diverged at step 2: the page is .* but the source episode was on .*\?elsewhere/,
    );
    // Not a failed episode of any run: nothing was kept for statistics to count.
    expect((await core.store.runs.list()).map((r) => r.id)).toEqual(runsBefore.map((r) => r.id));
    expect((await core.store.episodes.list({ limit: 100_000 })).map((e) => e.id)).toEqual(episodesBefore.map((e) => e.id));
    expect(await core.store.db.get(`SELECT COUNT(*) AS n FROM episodes WHERE forked_from_episode_id = ?`, [copy.id])).toEqual({ n: 0 });
  });

  it('refuses bad requests with clear errors', async () => {
    await expect(core.api.forkEpisode({ episodeId: 'nope', fromStep: 1, policy: 'oracle' })).rejects.toThrow('Cannot fork: no episode with id nope.');
    await expect(core.api.forkEpisode({ episodeId: source.id, fromStep: source.stepCount, policy: 'oracle' })).rejects.toThrow(
      `Cannot fork episode ${source.id} from step ${source.stepCount}: it has steps 0–${source.stepCount - 1} (t, 0-based).`,
    );
    await expect(core.api.forkEpisode({ episodeId: source.id, fromStep: 1, policy: 'telepathy' })).rejects.toThrow(/unknown policy "telepathy". Available: oracle, /);
    await expect(core.api.forkEpisode({ episodeId: source.id, fromStep: 1, policy: 'do-nothing', promptVersion: 2 })).rejects.toThrow(/apply to the LLM policies/);
    await expect(core.api.forkEpisode({ episodeId: source.id, fromStep: 1, policy: 'react', promptVersion: 99 })).rejects.toThrow('Prompt policy-react has no version 99; it has version 1.');
    // A wrong checkpoint is checked before anything runs (core.resolveCheckpoint): no run, no failed episode.
    const runsBefore = (await core.store.runs.list()).length;
    await expect(core.api.forkEpisode({ episodeId: source.id, fromStep: 1, policy: 'local', checkpoint: 'no-such-job/phase-1.json' })).rejects.toThrow(/^No checkpoint at "no-such-job\/phase-1.json"/);
    await expect(core.api.forkEpisode({ episodeId: source.id, fromStep: 1, policy: 'local', checkpoint: '../../etc/passwd' })).rejects.toThrow(/is not inside .*training/);
    await expect(core.api.forkEpisode({ episodeId: source.id, fromStep: 1, policy: 'local' })).rejects.toThrow(/The local policy needs a checkpoint/);
    expect(await core.store.runs.list()).toHaveLength(runsBefore);
    // The transports' schema: malformed arguments never reach the core.
    expect(() => validateRequest('forkEpisode', [{ episodeId: source.id, fromStep: -1, policy: 'oracle' }])).toThrow(/forkEpisode: argument 0\.fromStep/);
    expect(() => validateRequest('forkEpisode', [{ episodeId: source.id, fromStep: 1.5, policy: 'oracle' }])).toThrow(/fromStep/);
    expect(() => validateRequest('forkEpisode', [{ episodeId: source.id, fromStep: 1 }])).toThrow(/argument 0\.policy/);
    expect(() => validateRequest('forkEpisode', [{ episodeId: source.id, fromStep: 1, policy: 'oracle', extra: 1 }])).toThrow(/forkEpisode/);
  });
});
