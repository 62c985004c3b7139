#!/usr/bin/env node
import { homedir } from 'node:os';
import { createCore, defaultDataDir } from '../core';
import { isMiniWobSuccessRule } from '../eval/miniwob-reward';
import { parseArgs, flagNumber, flagString, type ParsedArgs } from './args';
import { importCommand } from './import-command';
import { analyzeCommand } from './analyze-command';
import { exportCommand } from './export-command';
import { listCommand } from './list-command';
import { resumeCommand, runCommand } from './run-command';
import { serveCommand } from './serve-command';
import { trainCommand } from './train-command';

const HELP = `MiRA Workbench CLI

  run    --policy oracle|wrong|random|do-nothing|react|sgo|local [--family <id>|--tasks <id,id>|--all] [--instances N] [--split train|test]
         [--grammar webarena|webrl|browsergym] [--observation axtree|webrl-html|som]
         [--stop-rules webarena|vab-lite] [--max-steps N]
         [--concurrency N] [--episode-timeout SECONDS] [--infra-retries N]
         [--provider gemini|openai-compatible] [--model NAME] [--thinking-budget N|dynamic|off]
         [--subgoals generate|latest|reference] [--subgoal-count K] [--replan-after N]   (react, sgo)
         Run episodes and print one progress line per episode. Imported WebArena tasks read their site URLs
         from SHOPPING=… SHOPPING_ADMIN=… REDDIT=… GITLAB=… MAP=… WIKIPEDIA=… (or WA_SHOPPING=… etc.).
  resume [run-id|latest]                  Run again the unfinished tasks of an interrupted run.
  import <file-or-dir> [--variant webarena|webarena-lite]
         Load WebArena / WebArena-Lite task configs; print every rejected config and a per-site summary.
  serve  [--port N] [--host 127.0.0.1]   Serve the workbench UI and API on 127.0.0.1 and print the URL.
  list   tasks|families|runs|episodes    List what the data directory holds.
  analyze [run-id|latest]                 Failure modes, key decision steps, success rates, pass@k.
  train  [--families <id,id>] [--variants full,kl,…|--ablation] [--phases N] [--train-instances N] [--seed N]
         [--sft-demos N] [--rollouts N] [--tasks-per-phase N]   (demos per family for SFT, rollouts per task)
         Train the local policy: SFT on oracle demonstrations, then MiRA phases; test SR per phase per variant.
         Run a checkpoint with: run --policy local --checkpoint <dataDir>/training/<job>/<variant>
  export --run <id|latest> [--checkpoint <file|dir>] [--out file.jsonl] [--alpha A] [--lambda L] [--gamma G] [--return shaped|raw]
         A run as WebRL-compatible JSONL with MiRA's per-step milestones, potentials, values and advantages
         (fields in docs/export.md).

Common: --data <dir> (default $MIRA_DATA_DIR or ~/.mira-workbench), --browser <path>, --seed N,
        --miniwob-dir <checkout> (default $MINIWOB_DIR), --miniwob-success browsergym|miniwob (raw reward > 0 or = 1).`;

async function main(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  if (args.command === 'help' || args.flags.help) {
    console.log(HELP);
    return 0;
  }
  const dataDir = flagString(args, 'data') ?? process.env.MIRA_DATA_DIR ?? defaultDataDir(homedir());
  const miniwobSuccess = flagString(args, 'miniwob-success');
  if (miniwobSuccess !== undefined && !isMiniWobSuccessRule(miniwobSuccess)) throw new Error(`--miniwob-success must be browsergym or miniwob, not "${miniwobSuccess}".`);
  const core = await createCore({
    dataDir,
    browserPath: flagString(args, 'browser') ?? null,
    sandbox: { datasetSeed: flagNumber(args, 'dataset-seed', 1), instancesPerFamily: flagNumber(args, 'instances', 5) },
    mode: args.command === 'serve' ? 'web' : 'cli',
    miniwob: { dir: flagString(args, 'miniwob-dir'), successRule: miniwobSuccess },
  });
  const shutdown = () => void core.close().finally(() => process.exit(130));
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  try {
    return await dispatch(args, core);
  } finally {
    if (args.command !== 'serve') await core.close();
  }
}

function dispatch(args: ParsedArgs, core: Awaited<ReturnType<typeof createCore>>): Promise<number> {
  switch (args.command) {
    case 'run': return runCommand(args, core);
    case 'resume': return resumeCommand(args, core);
    case 'serve': return serveCommand(args, core);
    case 'list': return listCommand(args, core);
    case 'import': return importCommand(args, core);
    case 'analyze': return analyzeCommand(args, core);
    case 'train': return trainCommand(args, core);
    case 'export': return exportCommand(args, core);
    default:
      console.error(`Unknown command "${args.command}".\n\n${HELP}`);
      return Promise.resolve(2);
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code !== -1) process.exitCode = code;
  },
  (err) => {
    console.error(`error: ${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 1;
  },
);
