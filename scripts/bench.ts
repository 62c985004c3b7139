// `npm run bench`: speed figures, printed (never asserted in tests). Sections can be chosen by name:
// `npm run bench -- harness`.
import { benchHarness } from './bench/harness';
import { benchLists } from './bench/lists';
import { benchSandbox } from './bench/sandbox';
import { benchScheduler } from './bench/scheduler';
import { benchStart } from './bench/start';
import { benchTrainer } from './bench/trainer';
import { benchUi } from './bench/ui';

const SECTIONS: Record<string, () => Promise<void>> = {
  harness: () => benchHarness(Number(process.env.BENCH_INSTANCES ?? 2)),
  scheduler: () => benchScheduler(Number(process.env.BENCH_EPISODES ?? 12)),
  sandbox: () => benchSandbox(Number(process.env.BENCH_PAGES ?? 20)),
  ui: () => benchUi(Number(process.env.BENCH_UI_STEPS ?? 100)),
  trainer: () => benchTrainer(Number(process.env.BENCH_TRAINER_STEPS ?? 10)),
  lists: () => benchLists(Number(process.env.BENCH_LIST_EPISODES ?? 10_000)),
  start: () => benchStart(Number(process.env.BENCH_START_SAMPLES ?? 3)),
};

const wanted = process.argv.slice(2);
for (const [name, run] of Object.entries(SECTIONS)) {
  if (wanted.length && !wanted.includes(name)) continue;
  console.log(`\n## ${name}`);
  await run();
}
