#!/usr/bin/env node
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { createCore, defaultDataDir } from '../core';
import { isMiniWobSuccessRule } from '../eval/miniwob-reward';
import { parseArgs, flagInteger, flagString, flagStrings, UsageError, type ParsedArgs } from './args';
import { checkCommandLine, switchesOf } from './flag-check';
import { browserEndpointsOf } from './browser-endpoints';
import { importCommand } from './import-command';
import { analyzeCommand } from './analyze-command';
import { listCommand } from './list-command';
import { llmCacheModeOf, llmSettingsOverrides } from './llm-settings';
import { resumeCommand, runCommand } from './run-command';
import { serveCommand } from './serve-command';
import { helpReply, overviewText } from './usage';
import { exitOnSignals, exitWithParent } from './signals';
import { isWritableDir } from '../store/data-dir';

async function main(argv: string[]): Promise<number> {
  // Usage (and an unknown command) is answered before anything is opened.
  const help = helpReply(argv);
  if (help) {
    (help.exitCode === 0 ? console.log : console.error)(help.text);
    return help.exitCode;
  }
  // The whole command line is checked before anything is opened or stored (exit code 2).
  const args = parseArgs(argv, switchesOf(argv[0]));
  checkCommandLine(args);
  const limits = { maxActiveRuns: optionalNumber(args, 'max-runs', 1), maxBrowserContexts: optionalNumber(args, 'max-contexts', 1) };
  const sandbox = { datasetSeed: optionalNumber(args, 'dataset-seed') ?? 1, instancesPerFamily: optionalNumber(args, 'instances', 1) ?? 5 };
  const dataDir = flagString(args, 'data') ?? process.env.MIRA_DATA_DIR ?? defaultDataDir(homedir());
  const miniwobSuccess = flagString(args, 'miniwob-success');
  if (miniwobSuccess !== undefined && !isMiniWobSuccessRule(miniwobSuccess)) throw new UsageError(`--miniwob-success must be browsergym or miniwob, not "${miniwobSuccess}".`);
  const llmCache = llmCacheModeOf(args);
  // `list` and `analyze` only read: on a data directory this process cannot write they open it read-only. One
  // that does not exist yet is created, as any command does: `list` then shows the catalog.
  const readOnly = (args.command === 'list' || args.command === 'analyze') && existsSync(dataDir) && !(await isWritableDir(dataDir));
  const core = await createCore({
    dataDir,
    readOnly,
    limits,
    // The browser runs as the user's program: chosen at start (flag, environment), never over the API.
    browserPath: flagString(args, 'browser') ?? process.env.MIRA_BROWSER ?? null,
    // Remote browsers: flags, else MIRA_BROWSER_ENDPOINTS, else settings.json (checked here, named by source).
    browserEndpoints: browserEndpointsOf(flagStrings(args, 'browser-endpoint'), process.env.MIRA_BROWSER_ENDPOINTS),
    sandbox,
    mode: args.command === 'serve' ? 'web' : 'cli',
    miniwob: { dir: flagString(args, 'miniwob-dir'), successRule: miniwobSuccess },
    llm: {
      allowEnvKeyForCustomEndpoint: args.flags['allow-env-key-for-custom-endpoint'] !== undefined || process.env.MIRA_ALLOW_ENV_KEY_CUSTOM_ENDPOINT === '1',
      // A reply cached before a fix, or one a person wants re-drawn, is asked again with --llm-cache refresh.
      ...(llmCache === undefined ? {} : { cacheMode: llmCache }),
    },
    settingsOverrides: llmSettingsOverrides(args),
    // Failed episodes of a run get a short LLM summary when a provider is configured (the "analyzer" prompt).
    summarizer: 'configured',
  });
  exitOnSignals(core);
  exitWithParent();
  // `serve` keeps the core open while it serves (it returns -1); a serve that failed to start closes it too.
  let serving = false;
  try {
    const code = await dispatch(args, core, dataDir);
    serving = code === -1;
    return code;
  } finally {
    if (!serving) await core.close();
  }
}

/** A whole-number common flag (at least `min`), or undefined when absent. */
function optionalNumber(args: ParsedArgs, name: string, min?: number): number | undefined {
  return flagInteger(args, name, min);
}

function dispatch(args: ParsedArgs, core: Awaited<ReturnType<typeof createCore>>, dataDir: string): Promise<number> {
  switch (args.command) {
    case 'run': return runCommand(args, core);
    case 'resume': return resumeCommand(args, core);
    case 'serve': return serveCommand(args, core);
    case 'list': return listCommand(args, core);
    case 'import': return importCommand(args, core);
    case 'analyze': return analyzeCommand(args, core);
    // Loaded on use: train and export reach TensorFlow.js, which no other command (serve included) may load.
    case 'train': return import('./train-command').then((m) => m.trainCommand(args, core, dataDir));
    case 'export': return import('./export-command').then((m) => m.exportCommand(args, core));
    default:
      console.error(`Unknown command "${args.command}".\n\n${overviewText()}`);
      return Promise.resolve(2);
  }
}

// A reader that stops early (`list tasks | head -3`) closes the pipe: not an error, so no stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(0);
    throw err;
  });
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code !== -1) process.exitCode = code;
  },
  (err) => {
    console.error(`error: ${err instanceof Error ? err.message : String(err)}`);
    // Exit now: a core that failed half-way through starting (a sandbox server already listening) has no
    // handle to close, and would keep the process alive forever.
    process.exit(err instanceof UsageError ? 2 : 1);
  },
);
