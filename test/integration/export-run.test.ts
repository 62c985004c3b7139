import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { exportCommand } from '../../main/cli/export-command';
import { createCore, type Core } from '../../main/core';
import { parseWebRlAction } from '../../main/actions/webrl-grammar';
import { saveCheckpoint } from '../../main/training/model/checkpoint';
import { CriticModel } from '../../main/training/model/critic-model';
import { PolicyModel } from '../../main/training/model/policy-model';
import { exportRun } from '../../main/training/export/export-run';
import type { ExportLine } from '../../main/training/export/types';

// Issue 7 "Export": real episodes of the oracle and the 'wrong' policy on a sandbox shop task, through the
// episode loop, Chromium and SQLite, exported as WebRL-compatible JSONL with MiRA's per-step fields.
let dir: string;
let core: Core;
let checkpointDir: string;
const runIds: Record<'oracle' | 'wrong', string> = { oracle: '', wrong: '' };

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mira-export-'));
  core = await createCore({ dataDir: dir, sandbox: { instancesPerFamily: 1 } });
  const instance = core.catalog!.all().find((i) => i.family === 'shop/add-to-cart')!;
  for (const policy of ['oracle', 'wrong'] as const) {
    const { runId, done } = await core.run({ taskIds: [instance.id], policy, seed: 3 });
    await done;
    runIds[policy] = runId;
  }
  // An untrained checkpoint still defines π_ref and both critics: enough to check the plumbing.
  checkpointDir = join(dir, 'ckpt');
  await saveCheckpoint(checkpointDir, { meta: { phase: 0, variant: 'test', createdAt: new Date().toISOString() }, vocab: {}, policy: PolicyModel.init(), critic: CriticModel.init() });
}, 300_000);
afterAll(async () => {
  await core?.close();
  await rm(dir, { recursive: true, force: true });
});

async function exported(runId: string, checkpoint?: string): Promise<ExportLine[]> {
  const lines: ExportLine[] = [];
  for await (const line of exportRun(core.store, runId, { format: 'webrl', checkpoint })) lines.push(JSON.parse(line) as ExportLine);
  return lines;
}

function checkFields(line: ExportLine): void {
  expect(line.schema).toBe('mira-webrl/1');
  expect(typeof line.task).toBe('string');
  expect(line.task.length).toBeGreaterThan(0);
  expect(line.observation).toMatch(/\[\d+\] /);
  expect(line.observation_format).toBe('axtree');
  expect(line.previous_actions).toHaveLength(line.t);
  if (line.action !== null) expect(() => parseWebRlAction(line.action!)).not.toThrow();
  for (const key of ['progress_label', 'value', 'potential', 'shaped_reward', 'advantage', 'ref_logprob', 'outcome_reward', 'subgoals_done'] as const) {
    expect(line.mira).toHaveProperty(key);
    const v = line.mira[key];
    if (v !== null) expect(Number.isFinite(v)).toBe(true);
  }
}

describe('export of sandbox runs', () => {
  it('exports the oracle episode: one line per step, WebRL actions, labels climbing to 1 with outcome reward 1 at the end', async () => {
    const lines = await exported(runIds.oracle);
    const episode = (await core.store.episodes.list({ runId: runIds.oracle }))[0];
    expect(episode.success).toBe(true);
    expect(lines).toHaveLength(episode.stepCount);
    lines.forEach(checkFields);
    const last = lines.at(-1)!;
    expect(last).toMatchObject({ done: true, trajectory_reward: 1 });
    expect(last.mira.outcome_reward).toBe(1);
    expect(last.mira.progress_label).toBe(1);
    expect(last.action).toMatch(/^exit\(message=/);
    expect(lines.slice(0, -1).every((l) => l.mira.outcome_reward === 0 && !l.done)).toBe(true);
    const labels = lines.map((l) => l.mira.progress_label!);
    labels.slice(1).forEach((p, i) => expect(p).toBeGreaterThanOrEqual(labels[i]));
    expect(last.mira.subgoals_done).toBe(last.mira.subgoals_total);
    // The oracle records no critic: without a checkpoint there is nothing to shape with.
    expect(lines.every((l) => l.mira.critic_source === null && l.mira.advantage === null && l.mira.ref_logprob === null)).toBe(true);
  });

  it('with a checkpoint, fills V, P, shaped rewards, advantages and log π_ref of in-space actions', async () => {
    const lines = await exported(runIds.oracle, checkpointDir);
    lines.forEach(checkFields);
    expect(lines.every((l) => l.mira.critic_source === 'checkpoint' && l.mira.advantage !== null && l.mira.shaped_reward !== null)).toBe(true);
    const scored = lines.filter((l) => l.mira.ref_logprob !== null);
    expect(scored.length).toBeGreaterThan(0);
    expect(scored.every((l) => l.mira.ref_logprob! <= 0)).toBe(true);
    expect(lines.at(-1)!.mira.ref_logprob).not.toBeNull(); // stop is always a candidate
  });

  it("exports the 'wrong' policy's failed episode with rewards 0 and no labels", async () => {
    const lines = await exported(runIds.wrong);
    const episode = (await core.store.episodes.list({ runId: runIds.wrong }))[0];
    expect(episode.success).toBe(false);
    expect(lines).toHaveLength(episode.stepCount);
    lines.forEach(checkFields);
    expect(lines.every((l) => l.trajectory_reward === 0 && l.mira.outcome_reward === 0 && l.mira.progress_label === null)).toBe(true);
    expect(lines.at(-1)!.done).toBe(true);
  });

  it('the CLI writes the JSONL file with a progress line per episode and a summary', async () => {
    const out = join(dir, 'oracle.jsonl');
    const logged: string[] = [];
    const spy = vi.spyOn(console, 'log').mockImplementation((line: string) => void logged.push(line));
    try {
      expect(await exportCommand({ command: 'export', positionals: [], flags: { run: runIds.oracle, out } }, core)).toBe(0);
    } finally {
      spy.mockRestore();
    }
    const lines = (await readFile(out, 'utf8')).trim().split('\n').map((l) => JSON.parse(l) as ExportLine);
    lines.forEach(checkFields);
    expect(logged.some((l) => /: success, \d+ step\(s\), critics none/.test(l))).toBe(true);
    expect(logged.at(-1)).toBe(`Exported 1 episode(s), ${lines.length} step(s); skipped 0 episode(s) without an outcome.`);
  });
});
