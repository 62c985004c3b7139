import { BACKEND_ORDER, selectBackend, type BackendName } from '../../main/training/backend';
import { benchTrainer, type TrainerBench } from './trainer';

/** `npm run bench -- trainer --backend wasm,cpu` (issue 17): the trainer bench once per named backend in one
 * process, then one table of samples/s per step and backend. A backend that cannot load is reported and
 * skipped (selectBackend would otherwise fall back to the next one and measure that under the wrong name). */
export async function benchTrainerBackends(names: string[], steps: number): Promise<void> {
  const unknown = names.filter((n) => !(BACKEND_ORDER as readonly string[]).includes(n));
  if (unknown.length) throw new Error(`Unknown backend(s) ${unknown.join(', ')}; choose from ${BACKEND_ORDER.join(', ')}.`);
  const runs: TrainerBench[] = [];
  for (const name of names as BackendName[]) {
    const probe = await selectBackend(name);
    if (probe.name !== name) {
      console.log(`\n${name}: not available here (${probe.tried.map((t) => `${t.name}: ${t.error}`).join('; ')}); left out of the comparison.`);
      continue;
    }
    runs.push(await benchTrainer(steps, undefined, undefined, name));
  }
  if (runs.length === 0) return;
  console.log('\n  samples/s (wall-clock) per backend:');
  const header = ['step', ...runs.map((r) => r.device)];
  const rows = runs[0].steps.map((s, i) => [s.label, ...runs.map((r) => `${r.steps[i].samplesPerSecond.toFixed(0)} (${r.steps[i].perCpuSecond.toFixed(0)}/CPU-s)`)]);
  const width = header.map((_, i) => Math.max(...[header, ...rows].map((r) => r[i].length)));
  for (const row of [header, ...rows]) console.log(`  ${row.map((c, i) => c.padEnd(width[i])).join('  ')}`);
}
