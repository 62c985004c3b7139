// `npm run bench`: speed figures, printed (never asserted in tests). Sections can be chosen by name:
// `npm run bench -- harness`.
import { benchCriticFitLoop } from './bench/critic-fit-loop';
import { benchHarness } from './bench/harness';
import { benchLists } from './bench/lists';
import { benchObserveParts } from './bench/observe-parts';
import { benchRollouts } from './bench/rollouts';
import { benchSandbox } from './bench/sandbox';
import { benchScheduler } from './bench/scheduler';
import { benchStart } from './bench/start';
import { benchTrainer } from './bench/trainer';
import { benchTrainerBackends } from './bench/trainer-backends';
import { benchUi } from './bench/ui';
import { pickSections } from './bench/sections';

// `trainer --backend wasm,cpu` compares backends in one run (issue 17).
const args = process.argv.slice(2);
const backendAt = args.indexOf('--backend');
const trainerBackends = backendAt >= 0 ? args.splice(backendAt, 2)[1]?.split(',').map((b) => b.trim()).filter(Boolean) : undefined;

const SECTIONS: Record<string, () => Promise<unknown>> = {
  harness: () => benchHarness(Number(process.env.BENCH_INSTANCES ?? 2)),
  scheduler: () => benchScheduler(Number(process.env.BENCH_EPISODES ?? 24)),
  'observe-parts': () => benchObserveParts(Number(process.env.BENCH_PAGES ?? 10)),
  sandbox: () => benchSandbox(Number(process.env.BENCH_PAGES ?? 20)),
  ui: () => benchUi(Number(process.env.BENCH_UI_STEPS ?? 100)),
  trainer: () => (trainerBackends ? benchTrainerBackends(trainerBackends, Number(process.env.BENCH_TRAINER_STEPS ?? 10)) : benchTrainer(Number(process.env.BENCH_TRAINER_STEPS ?? 10))),
  rollouts: () => benchRollouts(Number(process.env.BENCH_ROUNDS ?? 3)),
  lists: () => benchLists(Number(process.env.BENCH_LIST_EPISODES ?? 10_000)),
  start: () => benchStart(Number(process.env.BENCH_START_SAMPLES ?? 3)),
  'critic-fit': () => benchCriticFitLoop(Number(process.env.BENCH_CRITIC_TASKS ?? 4), Number(process.env.BENCH_CRITIC_ROUNDS ?? 3)),
};

const picked = pickSections(args, Object.keys(SECTIONS));
if ('error' in picked) {
  console.error(picked.error);
  process.exit(2);
}
for (const name of picked.sections) {
  console.log(`\n## ${name}`);
  await SECTIONS[name]();
}
