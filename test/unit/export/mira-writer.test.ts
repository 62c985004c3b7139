import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EpisodeRecord, StepRecord } from '../../../main/api/types';
import type { Store } from '../../../main/store';
import { writeMiraExport } from '../../../main/training/export/mira-writer';

// `export --format mira` writes steps.jsonl and manifest.json as a pair (docs/export.md §4): a failed export
// leaves an earlier pair as it was.
let dir = '';
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mira-export-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function episode(id: string): EpisodeRecord {
  return {
    id, runId: 'r', taskId: 'sandbox/x/0', policy: 'oracle', seed: 0, status: 'finished', success: true, score: 1, answer: null,
    stopReason: 'agent_stop', outcome: null, failureMode: null, evaluation: null, analysis: null, stepCount: 1,
    createdAt: '2026-12-05T00:00:00Z', finishedAt: null,
  };
}

const stopStep: StepRecord = {
  episodeId: 'a', t: 0, url: 'http://x/', observationRef: null, screenshotRef: null, promptRef: null, responseRef: null,
  action: { type: 'stop', text: '' }, actionText: 'stop []', actionError: null, targetBox: null, progress: null, value: null, potential: null,
  latencyMs: 0, timings: { observeMs: 0, policyMs: 0, actMs: 0, storeMs: 0 }, views: null,
};

function store(failOn: string | null): Store {
  return {
    runs: { get: async () => ({ id: 'r', kind: 'eval', config: {}, createdAt: '2026-12-05T00:00:00Z' }) },
    episodes: { list: async () => [episode('b'), episode('a')] },
    steps: {
      list: async (id: string) => {
        if (id === failOn) throw new Error('SQLITE_IOERR: disk I/O error');
        return [{ ...stopStep, episodeId: id }];
      },
    },
    tasks: { get: async () => undefined },
    subgoalSets: { forEpisode: async () => null },
    blobs: { getText: async () => { throw new Error('no blobs here'); } },
  } as unknown as Store;
}

describe('writeMiraExport', () => {
  it('keeps the earlier steps.jsonl and manifest.json, and leaves no partial file, when the export fails mid-way', async () => {
    await writeFile(join(dir, 'steps.jsonl'), 'earlier steps\n');
    await writeFile(join(dir, 'manifest.json'), '{"earlier": true}\n');
    // Before the fix steps.jsonl was truncated at the start and held episode a's line alone next to the
    // earlier manifest, whose counts then described other lines.
    await expect(writeMiraExport(store('b'), 'r', dir, { onSkip: () => undefined })).rejects.toThrow('SQLITE_IOERR');
    expect(await readFile(join(dir, 'steps.jsonl'), 'utf8')).toBe('earlier steps\n');
    expect(await readFile(join(dir, 'manifest.json'), 'utf8')).toBe('{"earlier": true}\n');
    expect((await readdir(dir)).sort()).toEqual(['manifest.json', 'steps.jsonl']);

    const manifest = await writeMiraExport(store(null), 'r', dir, { onSkip: () => undefined });
    expect(manifest.counts).toEqual({ episodes: 2, steps: 2, skipped: 0 });
    expect((await readFile(join(dir, 'steps.jsonl'), 'utf8')).trim().split('\n').map((l) => JSON.parse(l).episode_id)).toEqual(['a', 'b']);
    expect(JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')).counts).toEqual(manifest.counts);
    expect((await readdir(dir)).sort()).toEqual(['manifest.json', 'steps.jsonl']);
  });
});
