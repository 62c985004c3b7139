// `npm run miniwob:solve`: runs the scripted correct answers (scripts/miniwob/solutions.ts) through the real
// episode runtime (main/runs/episode-runtime.ts) on the MiniWoB++ checkout in MINIWOB_DIR and reads each
// episode's reward under both success rules (docs/design/WEBARENA.md §5): browsergym (raw reward > 0) and
// miniwob (raw reward = 1). Scored under browsergym, whose score is the raw reward of a finished page, so the
// miniwob rule's verdict is score = 1.
//
// Usage: MINIWOB_DIR=<checkout> npm run miniwob:solve [-- --seeds 3] [-- task-name …]
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Policy } from '../main/agent/policy';
import { createCore } from '../main/core';
import { EpisodeRuntime } from '../main/runs/episode-runtime';
import { SOLUTIONS, type Solution } from './miniwob/solutions';

function scripted(name: string, solution: Solution): Policy {
  return {
    name: `script:${name}`,
    async decide({ intent, t, observation }) {
      const action = solution({ intent, t, nodes: observation.nodes });
      return { reply: `\`\`\`${action ?? 'stop [the script cannot go on]'}\`\`\`` };
    },
  };
}

const USAGE = 'Usage: MINIWOB_DIR=<checkout> npm run miniwob:solve [-- --seeds 3] [-- task-name …]';

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  // Solving every task takes minutes: asking for help, or a flag it does not know, must not start it.
  if (args.includes('--help') || args.includes('-h')) return void console.log(USAGE);
  const unknown = args.filter((a) => a.startsWith('-') && a !== '--seeds');
  if (unknown.length) throw new Error(`Unknown option ${unknown.join(', ')}. ${USAGE}`);
  if (!process.env.MINIWOB_DIR) throw new Error('Set MINIWOB_DIR to a miniwob-plusplus checkout.');
  const at = args.indexOf('--seeds');
  const seeds = at >= 0 ? Number(args[at + 1]) : 3;
  const only = args.filter((a, i) => !a.startsWith('--') && (at < 0 || i !== at + 1));
  const dataDir = await mkdtemp(join(tmpdir(), 'miniwob-solve-'));
  const core = await createCore({ dataDir, sandbox: false });
  const rows: { task: string; seed: number; raw: number; browsergym: boolean; miniwob: boolean; steps: number; note: string }[] = [];
  try {
    if (!core.miniwob.server) throw new Error(core.miniwob.problem ?? 'no MiniWoB++ server');
    const runtime = new EpisodeRuntime({ store: core.store, pool: core.pool, sandbox: null, catalog: null, miniwob: core.miniwob, siteProfile: () => ({}), logins: null });
    const tasks = Object.keys(SOLUTIONS).filter((t) => !only.length || only.includes(t));
    for (const name of tasks) {
      const task = await core.store.tasks.get(`miniwob/${name}`);
      if (!task) { console.log(`${name}: not in the checkout`); continue; }
      for (let seed = 1; seed <= seeds; seed++) {
        const episode = await runtime.run({ task, seed, policy: () => scripted(name, SOLUTIONS[name]), miniwobSuccess: 'browsergym' });
        const row = { task: name, seed, raw: episode.score ?? NaN, browsergym: episode.success === true, miniwob: episode.score === 1, steps: episode.stepCount, note: episode.outcome ?? '' };
        rows.push(row);
        console.log(`${row.browsergym && row.miniwob ? '✓' : '✗'} ${name} seed ${seed}: raw reward ${row.raw}, browsergym ${row.browsergym ? 'success' : 'fail'}, miniwob ${row.miniwob ? 'success' : 'fail'}, ${row.steps} step(s)${row.browsergym && row.miniwob ? '' : ` — ${row.note}`}`);
      }
    }
  } finally {
    await core.close();
    await rm(dataDir, { recursive: true, force: true });
  }
  const byTask = new Map<string, boolean>();
  for (const r of rows) byTask.set(r.task, (byTask.get(r.task) ?? true) && r.browsergym && r.miniwob);
  const solved = [...byTask].filter(([, ok]) => ok).map(([t]) => t);
  console.log(`\n${rows.filter((r) => r.browsergym && r.miniwob).length}/${rows.length} episodes scored +1 under both rules; ` +
    `${solved.length}/${byTask.size} tasks on every seed (1–${seeds}): ${solved.join(', ')}`);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
