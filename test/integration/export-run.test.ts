import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { exportCommand } from '../../main/cli/export-command';
import { parseWebRlAction } from '../../main/actions/webrl-grammar';
import { saveCheckpoint } from '../../main/training/model/checkpoint';
import { CriticModel } from '../../main/training/model/critic-model';
import { PolicyModel } from '../../main/training/model/policy-model';
import { exportRun } from '../../main/training/export/export-run';
import { schemaErrors, type JsonSchema } from '../../main/training/export/json-schema';
import { assertManifest, type MiraManifest } from '../../main/training/export/mira-writer';
import { MiraDefaults } from '../../main/training/defaults';
import type { ExportLine } from '../../main/training/export/types';
import { useCore, useTempDir } from '../helpers/use-core';

// Issue 7 "Export": real episodes of the oracle and the 'wrong' policy on a sandbox shop task, through the
// episode loop, Chromium and SQLite, exported in the `mira` format (issue 23): per-step lines with MiRA's
// signals and a manifest checked against docs/schemas/mira-export.schema.json.
const ROOT = resolve(import.meta.dirname, '../..');
const core = useCore({ sandbox: { instancesPerFamily: 1 } });
// The CLI refuses to write inside the data directory (docs/export.md), so its export goes beside it.
const exportsDir = useTempDir('mira-exports-');
let checkpointDir: string;
const runIds: Record<'oracle' | 'wrong', string> = { oracle: '', wrong: '' };

beforeAll(async () => {
  const instance = core.catalog!.all().find((i) => i.family === 'shop/add-to-cart')!;
  for (const policy of ['oracle', 'wrong'] as const) {
    const { runId, done } = await core.run({ taskIds: [instance.id], policy, seed: 3 });
    await done;
    runIds[policy] = runId;
  }
  // An untrained checkpoint still defines π_ref and both critics: enough to check the plumbing.
  checkpointDir = join(core.dataDir, 'training', 'ckpt');
  await saveCheckpoint(checkpointDir, { meta: { phase: 0, variant: 'test', createdAt: new Date().toISOString() }, vocab: {}, policy: PolicyModel.init(), critic: CriticModel.init() });
}, 300_000);

async function exported(runId: string, checkpoint?: string): Promise<ExportLine[]> {
  const lines: ExportLine[] = [];
  for await (const line of exportRun(core.store, runId, { format: 'mira', checkpoint })) lines.push(JSON.parse(line) as ExportLine);
  return lines;
}

function checkFields(line: ExportLine): void {
  expect(line.schema).toBe('mira-export/2');
  expect(typeof line.task).toBe('string');
  expect(line.task.length).toBeGreaterThan(0);
  expect(line.observation).toMatch(/\[\d+\] /);
  expect(line.observation_format).toBe('axtree');
  expect(line.previous_actions).toHaveLength(line.t);
  if (line.action !== null) expect(() => parseWebRlAction(line.action!)).not.toThrow();
  for (const key of ['progress_label', 'value', 'potential', 'shaped_reward', 'advantage', 'local_policy_ref_logprob', 'outcome_reward', 'subgoals_done'] as const) {
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
    expect(lines.every((l) => l.mira.critic_source === null && l.mira.advantage === null && l.mira.local_policy_ref_logprob === null)).toBe(true);
  });

  it('with a checkpoint, fills V, P, shaped rewards, advantages and log π_ref of in-space actions', async () => {
    const lines = await exported(runIds.oracle, checkpointDir);
    lines.forEach(checkFields);
    expect(lines.every((l) => l.mira.critic_source === 'checkpoint' && l.mira.advantage !== null && l.mira.shaped_reward !== null)).toBe(true);
    const scored = lines.filter((l) => l.mira.local_policy_ref_logprob !== null);
    expect(scored.length).toBeGreaterThan(0);
    expect(scored.every((l) => l.mira.local_policy_ref_logprob! <= 0)).toBe(true);
    expect(lines.at(-1)!.mira.local_policy_ref_logprob).not.toBeNull(); // stop is always a candidate
  });

  it("exports the 'wrong' policy's failed episode with rewards 0 and the trainer's labels for failures", async () => {
    const lines = await exported(runIds.wrong);
    const episode = (await core.store.episodes.list({ runId: runIds.wrong }))[0];
    expect(episode.success).toBe(false);
    expect(lines).toHaveLength(episode.stepCount);
    lines.forEach(checkFields);
    expect(lines.every((l) => l.trajectory_reward === 0 && l.mira.outcome_reward === 0)).toBe(true);
    // Failed episodes get P's labels too (issue 16): flat at m/K after the last completed milestone, so never
    // above the share of subgoals done and, without subgoals, null.
    const last = lines.at(-1)!;
    if (last.mira.subgoals_total === null) expect(lines.every((l) => l.mira.progress_label === null)).toBe(true);
    else expect(last.mira.progress_label!).toBeLessThanOrEqual(last.mira.subgoals_done! / last.mira.subgoals_total);
    expect(lines.at(-1)!.done).toBe(true);
  });

  it('the CLI writes a mira folder: steps.jsonl and a manifest that validates against docs/schemas/mira-export.schema.json', async () => {
    const out = join(exportsDir.path, 'mira-oracle');
    const logged: string[] = [];
    const spy = vi.spyOn(console, 'log').mockImplementation((line: string) => void logged.push(line));
    try {
      const flags = { run: runIds.oracle, out, checkpoint: checkpointDir, alpha: '0.2', lambda: '0.7', gamma: '0.95', return: 'raw' };
      expect(await exportCommand({ command: 'export', positionals: [], flags }, core)).toBe(0);
    } finally {
      spy.mockRestore();
    }
    const lines = (await readFile(join(out, 'steps.jsonl'), 'utf8')).trim().split('\n').map((l) => JSON.parse(l) as ExportLine);
    lines.forEach(checkFields);
    expect(logged.some((l) => /: success, \d+ step\(s\), critics checkpoint/.test(l))).toBe(true);
    expect(logged.at(-1)).toBe(`Exported 1 episode(s), ${lines.length} step(s); skipped 0 episode(s) without an outcome.`);

    // Round trip: the manifest read back from disk conforms to the schema file read from disk...
    const manifest = JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8')) as MiraManifest;
    const schema = JSON.parse(await readFile(join(ROOT, 'docs/schemas/mira-export.schema.json'), 'utf8')) as JsonSchema;
    expect(schemaErrors(manifest, schema)).toEqual([]);
    expect(manifest).toMatchObject({
      schema_version: 'mira-export/2',
      run: { id: runIds.oracle, policy: 'oracle', grammar: 'webarena', observation_format: 'axtree' },
      mira: { alpha: 0.2, lambda: 0.7, gamma: 0.95, beta: MiraDefaults.beta, return_kind: 'raw' },
      critic_checkpoints: [{ role: 'export', path: expect.stringContaining('ckpt'), phase: 0, variant: 'test' }],
      files: { steps: 'steps.jsonl' },
      counts: { episodes: 1, steps: lines.length, skipped: 0 },
    });
    const [episode] = await core.store.episodes.list({ runId: runIds.oracle });
    const task = (await core.store.tasks.get(episode.taskId))!;
    expect(manifest.task_split).toEqual({ [episode.taskId]: task.split });
    expect(manifest.subgoal_versions).toEqual([expect.objectContaining({ task_id: episode.taskId, episodes: 1 })]);
    // ...and the signals survive: the file's lines are exportRun's lines with the same settings, number for
    // number, and the milestones are the stored progress vectors.
    const direct: ExportLine[] = [];
    for await (const line of exportRun(core.store, runIds.oracle, { format: 'mira', checkpoint: checkpointDir, mira: { alpha: 0.2, lambda: 0.7, gamma: 0.95, returnKind: 'raw' } })) direct.push(JSON.parse(line));
    expect(lines.map((l) => l.mira)).toEqual(direct.map((l) => l.mira));
    const steps = await core.store.steps.list(episode.id);
    expect(lines.map((l) => l.mira.milestones)).toEqual(steps.map((s) => s.progress));
    expect(lines.every((l) => l.mira.advantage !== null && l.mira.value !== null && l.mira.potential !== null && l.mira.shaped_reward !== null)).toBe(true);
    expect(lines.map((l) => l.reply)).toEqual(await Promise.all(steps.map((s) => core.store.blobs.getText(s.responseRef!))));
    expect(lines.every((l) => l.policy_observation_format === 'axtree')).toBe(true);
  });

  it('a manifest that breaks the schema is refused with the place it breaks', () => {
    expect(() => assertManifest({ schema_version: 'mira-export/2' })).toThrow(/\$: missing required "run"/);
  });
});
