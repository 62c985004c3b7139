// `npm run bench -- critic-fit`: how long the core's event loop is blocked while a critic fit on recorded runs
// runs (issue 17 polish), before — the fit computed on the core's own thread, as it did until now (the same
// episode reading and the same fit-and-save, called in-process) — and after — the core reads the episodes and a
// worker thread computes (core.api.startCriticFit). Oracle and wrong-policy runs of a few shop tasks are
// recorded first. While each fit runs: a 10 ms ticker sums the stretches the loop could not run longer than
// 50 ms (what a person sees as a frozen UI), perf_hooks' event-loop delay histogram gives the max and p99, and
// an API call (listRuns) every 100 ms gives the slowest answer; the same watch over 3 s without a fit gives the
// machine's floor. Printed, never asserted.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { createCore, type Core } from '../../main/core';
import { fitAndSave } from '../../main/training/critics/fit-and-save';
import { loadRecordedEpisodes } from '../../main/training/critics/recorded-episodes';
import { DEFAULT_FEATURE_DIMS } from '../../main/training/model/features';
import { median } from './stats';

const TICK_MS = 10;
const FROZEN_MS = 50;

interface LoopFigures {
  wallMs: number;
  frozenMs: number;
  longestGapMs: number;
  maxDelayMs: number;
  p99DelayMs: number;
  slowestApiMs: number;
}

/** Runs `work` while watching the event loop and the API's answer time. */
async function watchLoop(core: Core, work: () => Promise<unknown>): Promise<LoopFigures> {
  const histogram = monitorEventLoopDelay({ resolution: 5 });
  let last = performance.now();
  let frozenMs = 0;
  let longestGapMs = 0;
  const ticker = setInterval(() => {
    const now = performance.now();
    const gap = now - last;
    last = now;
    longestGapMs = Math.max(longestGapMs, gap);
    if (gap > FROZEN_MS) frozenMs += gap - TICK_MS;
  }, TICK_MS);
  let slowestApiMs = 0;
  let polling = true;
  const poll = (async () => {
    while (polling) {
      const asked = performance.now();
      await core.api.listRuns();
      slowestApiMs = Math.max(slowestApiMs, performance.now() - asked);
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  histogram.enable();
  const started = performance.now();
  let wallMs = Number.NaN;
  try {
    await work();
    wallMs = performance.now() - started;
  } finally {
    histogram.disable();
    clearInterval(ticker);
    polling = false;
    await poll;
  }
  return { wallMs, frozenMs, longestGapMs, maxDelayMs: histogram.max / 1e6, p99DelayMs: histogram.percentile(99) / 1e6, slowestApiMs };
}

async function waitForFit(core: Core, fitId: string): Promise<void> {
  for (;;) {
    const job = (await core.api.listCriticFits()).find((j) => j.id === fitId)!;
    if (job.status === 'failed') throw new Error(job.error ?? 'the fit failed');
    if (job.status !== 'running') return;
    await new Promise((r) => setTimeout(r, 100));
  }
}

export async function benchCriticFitLoop(tasks = 4, rounds = 3): Promise<void> {
  const dataDir = await mkdtemp(join(tmpdir(), 'mira-bench-critic-fit-'));
  const core = await createCore({ dataDir, sandbox: { instancesPerFamily: 1 } });
  try {
    const shop = core.catalog!.all().filter((i) => i.site === 'shop');
    const taskIds = [...shop].sort((a, b) => a.oracle.length - b.oracle.length || a.id.localeCompare(b.id)).slice(0, tasks).map((i) => i.id);
    const oracle = await core.run({ taskIds, policy: 'oracle', capture: 'first-last' });
    const wrong = await core.run({ taskIds, policy: 'wrong', seed: 3, capture: 'first-last' });
    await Promise.all([oracle.done, wrong.done]);
    const runIds = [oracle.runId, wrong.runId];
    const backend = 'auto'; // the settings' default, which the core's fits use
    const figures: Record<'idle' | 'before' | 'after', LoopFigures[]> = { idle: [], before: [], after: [] };
    for (let round = 1; round <= rounds; round++) {
      // The floor: the same watch over 3 s without a fit (timer and scheduling noise of a busy machine).
      figures.idle.push(await watchLoop(core, () => new Promise((r) => setTimeout(r, 3000))));
      // Before: the fit's work on this thread, as the core did it.
      figures.before.push(await watchLoop(core, async () => {
        const episodes = await loadRecordedEpisodes(core.store, runIds, { maxElements: DEFAULT_FEATURE_DIMS.maxElements, onSkip: () => undefined });
        await fitAndSave({ fitId: `in-process-${round}`, runIds, seed: 1, episodes, dir: join(dataDir, 'in-process', String(round)), backend }, () => undefined);
      }));
      // After: the core reads the episodes, the worker computes.
      figures.after.push(await watchLoop(core, async () => waitForFit(core, (await core.api.startCriticFit({ runIds, seed: 1 })).fitId)));
    }
    console.log(`  critic fit on ${tasks * 2} recorded episodes (oracle + wrong on ${tasks} shop tasks), ${rounds} rounds, median of rounds (each round: before, then after)`);
    const fmt = (xs: number[]) => median(xs).toFixed(0).padStart(6);
    for (const name of ['idle', 'before', 'after'] as const) {
      const f = figures[name];
      const label = { idle: 'no fit (3 s, floor)  ', before: 'in the core (before) ', after: 'in a worker (after)  ' }[name];
      console.log(`  ${label} wall ${fmt(f.map((x) => x.wallMs))} ms | loop frozen (>${FROZEN_MS} ms stretches) ${fmt(f.map((x) => x.frozenMs))} ms, longest ${fmt(f.map((x) => x.longestGapMs))} ms | delay max ${fmt(f.map((x) => x.maxDelayMs))} ms, p99 ${fmt(f.map((x) => x.p99DelayMs))} ms | slowest listRuns ${fmt(f.map((x) => x.slowestApiMs))} ms`);
      console.log(`    per round: ${f.map((x) => `wall ${x.wallMs.toFixed(0)}, frozen ${x.frozenMs.toFixed(0)}, longest ${x.longestGapMs.toFixed(0)}, max delay ${x.maxDelayMs.toFixed(0)}, slowest API ${x.slowestApiMs.toFixed(0)}`).join(' | ')}`);
    }
  } finally {
    await core.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}
