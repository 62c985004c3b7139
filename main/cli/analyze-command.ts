import { analyzeRun } from '../runs/analyze-run';
import type { Core } from '../core';
import type { RunRecord } from '../api/types';
import type { ParsedArgs } from './args';
import { latestPersonRun, resolveRun } from './run-resolver';
import { llmUsageLines } from './llm-usage-text';
import { stepNumber } from '../analysis/step-number';
import type { RunSubgoalQuality } from '../api/run-report';
import { runHeaderLines } from './run-header';

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

/** `analyze <run-id|latest>`: the run report in the terminal — the same numbers the run report page plots —
 * under a header naming what the run was; `--json`: the run as stored, its report and LLM usage, as JSON. */
export async function analyzeCommand(args: ParsedArgs, core: Core): Promise<number> {
  const run = resolveRun(await core.api.listRuns(), args.positionals[0] ?? 'latest', { latest: latestPersonRun() });
  if (args.flags.json === true) {
    // A run with nothing scored yet still gives its stored record, with why there is no report (exit 1, as without --json).
    const report = await analyzeRun(core.store, run.id).catch((err: Error) => err);
    const reportPart = report instanceof Error ? { report: null, reportError: report.message } : { report };
    console.log(JSON.stringify({ run, ...reportPart, llmUsage: await core.api.getRunLlmUsage(run.id) }, null, 2));
    return report instanceof Error ? 1 : 0;
  }
  // The header first: a run with nothing to report yet (no scored episode) still says what it was.
  for (const line of await headerOf(core, run)) console.log(line);
  const report = await analyzeRun(core.store, run.id);
  const o = report.success.overall;
  console.log(`Success rate: ${pct(o.rate)} (${o.successes}/${o.total})`);
  if (report.infrastructureFailures) console.log(`  not counted: ${report.infrastructureFailures} task(s) whose episode ended in an infrastructure failure; \`resume ${run.id}\` runs them again`);
  if (report.unscoredEpisodes) console.log(`  not counted: ${report.unscoredEpisodes} finished episode${report.unscoredEpisodes === 1 ? '' : 's'} that could not be scored`);
  for (const s of report.success.perSite) console.log(`  ${s.site.padEnd(16)} ${pct(s.rate).padStart(6)} (${s.successes}/${s.total})`);
  if (report.passAtK.length) console.log(`pass@k: ${report.passAtK.map((p) => `pass@${p.k}=${pct(p.value)}`).join('  ')} over ${report.passAtK[0].tasks} task(s)`);
  if (report.failureModes) {
    console.log(`Failure modes (${report.failureModes.total} failed episodes):`);
    for (const [category, count] of Object.entries(report.failureModes.counts)) {
      console.log(`  ${category.padEnd(24)} ${String(count).padStart(4)}  ${pct(report.failureModes.fractions[category as keyof typeof report.failureModes.fractions])}`);
    }
    const k = report.keyDecisions;
    console.log(`Key decision steps: ${k.semantic_deviation} semantic deviation, ${k.loop_onset} loop onset, ${k.value_drop} value drop, ${k.none} not found`);
    for (const [id, a] of Object.entries(report.analyses)) {
      // Steps are numbered from 1, as in the explanations and the replay (analysis/step-number.ts).
      const key = a.keyDecision ? `; key step ${stepNumber(a.keyDecision.t)} (${a.keyDecision.type})` : '';
      console.log(`  ${id.slice(0, 8)} ${a.category} [${a.rule}]${key}: ${a.explanation}`);
    }
  } else {
    console.log('No failed episodes.');
  }
  if (report.heatmap) console.log(`Subgoal heatmap: K=${report.heatmap.K}, steps 1–${stepNumber(report.heatmap.maxT)} (see the run report page).`);
  for (const line of subgoalQualityLines(report.subgoalQuality)) console.log(line);
  for (const line of llmUsageLines(await core.api.getRunLlmUsage(run.id))) console.log(line);
  return 0;
}

async function headerOf(core: Core, run: RunRecord): Promise<string[]> {
  const taskIds = Array.isArray(run.config.taskIds) ? (run.config.taskIds as unknown[]).filter((id): id is string => typeof id === 'string') : [];
  const families = new Map<string, string | null>();
  for (const id of new Set(taskIds)) families.set(id, (await core.store.tasks.get(id))?.family ?? null);
  const episodes = await core.store.episodes.list({ runId: run.id, limit: 100_000 });
  const finished = episodes.map((e) => e.finishedAt).filter((at): at is string => at !== null).sort();
  const summary = (await core.api.listRunSummaries()).find((r) => r.id === run.id);
  return runHeaderLines(run, { familyOf: (id) => families.get(id) ?? null, lastFinishedAt: finished.at(-1) ?? null, model: summary?.model ?? null });
}

/** The run report page's "Subgoals as a progress signal" section in text: each number with its explanation. */
export function subgoalQualityLines(quality: RunSubgoalQuality): string[] {
  if (!quality.available) return [`Subgoal quality: not available. ${quality.reason}`];
  const bins = quality.byCompleted.filter((b) => b.total > 0).map((b) => `${b.completed} done ${b.successes}/${b.total}`);
  return [
    `Subgoal quality (does completing subgoals predict success?) over ${quality.sample}`,
    ...quality.stats.map((s) => `  ${s.label.padEnd(12)} ${(s.value === null ? '—' : s.value.toFixed(2)).padStart(5)}  ${s.explanation}`),
    `  Success by subgoals completed: ${bins.join(', ')}`,
  ];
}
