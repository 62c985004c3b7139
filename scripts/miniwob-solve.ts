// `npm run miniwob:solve`: runs the scripted correct answers (scripts/miniwob/solutions.ts) through the real
// episode loop on the MiniWoB++ checkout in MINIWOB_DIR and reads each episode's reward under both success
// rules (docs/design/WEBARENA.md §5): browsergym (raw reward > 0) and miniwob (raw reward = 1).
//
// Usage: MINIWOB_DIR=<checkout> npm run miniwob:solve [-- --seeds 3] [-- task-name …]
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runEpisode } from '../main/agent/episode-loop';
import type { Policy } from '../main/agent/policy';
import { createCore } from '../main/core';
import { scoreMiniWob } from '../main/eval/miniwob-reward';
import { miniwobEnvironment } from '../main/runs/miniwob-environment';
import { readMiniWobState } from '../main/tasks/miniwob/page-protocol';
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

async function main(): Promise<void> {
  if (!process.env.MINIWOB_DIR) throw new Error('Set MINIWOB_DIR to a miniwob-plusplus checkout.');
  const args = process.argv.slice(2);
  const at = args.indexOf('--seeds');
  const seeds = at >= 0 ? Number(args[at + 1]) : 3;
  const only = args.filter((a, i) => !a.startsWith('--') && (at < 0 || i !== at + 1));
  const dataDir = await mkdtemp(join(tmpdir(), 'miniwob-solve-'));
  const core = await createCore({ dataDir, sandbox: false });
  const rows: { task: string; seed: number; raw: number; browsergym: boolean; miniwob: boolean; steps: number; note: string }[] = [];
  try {
    if (!core.miniwob.server) throw new Error(core.miniwob.problem ?? 'no MiniWoB++ server');
    const tasks = Object.keys(SOLUTIONS).filter((t) => !only.length || only.includes(t));
    for (const name of tasks) {
      const task = await core.store.tasks.get(`miniwob/${name}`);
      if (!task) { console.log(`${name}: not in the checkout`); continue; }
      for (let seed = 1; seed <= seeds; seed++) {
        const both: { browsergym?: boolean; miniwob?: boolean } = {};
        const episode = await runEpisode({
          store: core.store,
          pool: core.pool,
          // One reading of the page's reward, scored under both rules.
          async evaluate(_task, ctx) {
            const state = await readMiniWobState(ctx.page);
            both.miniwob = scoreMiniWob(state, 'miniwob').success;
            const result = scoreMiniWob(state, 'browsergym');
            both.browsergym = result.success;
            return result;
          },
        }, { task, policy: scripted(name, SOLUTIONS[name]), environment: miniwobEnvironment(core.miniwob.server, seed), seed });
        const row = { task: name, seed, raw: episode.score ?? NaN, browsergym: both.browsergym === true, miniwob: both.miniwob === true, steps: episode.stepCount, note: episode.outcome ?? '' };
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
