import { execFile } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GRAMMARS } from '../../../main/actions/grammars';
import { OBSERVATION_FORMATS } from '../../../main/agent/observation-view';
import { DEFAULT_SGO_SETTINGS } from '../../../main/agent/sgo-settings';
import { STOP_RULE_PROFILES } from '../../../main/agent/stop-rules';
import { TRAINING_VARIANTS } from '../../../main/api/training-types';
import { COMMANDS, COMMON_FLAGS, commandText, findCommand, helpReply, overviewText, type CommandUsage } from '../../../main/cli/usage';
import { DEFAULT_MAX_ACTIVE_RUNS } from '../../../main/runs/active-runs';
import { DEFAULT_REMOTE_MAX } from '../../../main/api/endpoint-spec';
import { BUILT_IN_POLICIES } from '../../../main/runs/policies';
import { DEFAULT_SCHEDULER } from '../../../main/runs/scheduler';
import { MiraDefaults } from '../../../main/training/defaults';
import { defaultConcurrency } from '../../../main/browser/default-concurrency';

// `npm run cli -- --help` and `help <command>` print the usage and exit 0; an unknown command prints it on
// stderr and exits 2 (issue 15). The usage must stay truthful: it lists exactly the flags the CLI reads.
const ROOT = resolve(import.meta.dirname, '../../..');
const CLI_DIR = join(ROOT, 'main', 'cli');

const cmd = (name: string): CommandUsage => findCommand(name)!;
const flagNames = (flags: readonly { name: string }[]) => flags.map((f) => f.name);
const flag = (command: string, name: string) => cmd(command).flags.find((f) => f.name === name)!;
const common = (name: string) => COMMON_FLAGS.find((f) => f.name === name)!;

/** The flags a CLI source file reads: flagString(s)/flagNumber/optionalNumber(args, 'x'), flags.x, flags['x']. */
function flagsRead(file: string): Set<string> {
  const text = readFileSync(join(CLI_DIR, file), 'utf8');
  const names = new Set<string>();
  for (const m of text.matchAll(/\b(?:flagString|flagStrings|flagNumber|optionalNumber)\(args, '([a-z-]+)'/g)) names.add(m[1]);
  for (const m of text.matchAll(/\bflags\.([a-zA-Z]+)\b/g)) names.add(m[1]);
  for (const m of text.matchAll(/\bflags\['([a-z-]+)'\]/g)) names.add(m[1]);
  return names;
}

describe('helpReply', () => {
  it('answers no command, help, --help and -h with the overview on stdout', () => {
    for (const argv of [[], ['help'], ['--help'], ['-h'], ['help', '--data', '/x']]) {
      expect(helpReply(argv), argv.join(' ')).toEqual({ text: overviewText(), exitCode: 0 });
    }
  });

  it('answers help <command> and <command> --help with that command’s usage', () => {
    expect(helpReply(['help', 'train'])).toEqual({ text: commandText(cmd('train')), exitCode: 0 });
    expect(helpReply(['run', '--policy', 'sgo', '--help'])).toEqual({ text: commandText(cmd('run')), exitCode: 0 });
    expect(helpReply(['export', '-h'])).toEqual({ text: commandText(cmd('export')), exitCode: 0 });
  });

  it('refuses an unknown command or help topic with exit code 2, naming it', () => {
    for (const [argv, name] of [[['frobnicate'], 'frobnicate'], [['help', 'nope'], 'nope'], [['--data', '/x'], '--data']] as const) {
      const reply = helpReply(argv);
      expect(reply?.exitCode).toBe(2);
      expect(reply?.text.startsWith(`Unknown command "${name}".\n\n${overviewText()}`)).toBe(true);
    }
  });

  it('lets a real command run', () => {
    expect(helpReply(['run', '--policy', 'oracle'])).toBeNull();
    expect(helpReply(['list', 'tasks'])).toBeNull();
  });
});

describe('the usage text', () => {
  it('lists every command in the overview and every flag of a command in its usage', () => {
    const overview = overviewText();
    for (const c of COMMANDS) {
      expect(overview).toMatch(new RegExp(`^  ${c.name} `, 'm'));
      const text = commandText(c);
      expect(text.startsWith(`Usage: npm run cli -- ${c.name}`)).toBe(true);
      for (const f of c.flags) expect(text, `${c.name} --${f.name}`).toContain(`--${f.name}${f.value ? ` ${f.value}` : ''}`);
    }
    for (const f of COMMON_FLAGS) expect(overview).toContain(`--${f.name}`);
    // As the store records a cut episode (test/integration/ctrl-c-run.test.ts): status interrupted, stop reason cancelled.
    expect(overview).toContain('cut episodes are kept as interrupted, stop reason cancelled;');
  });

  it('lists exactly the flags the CLI reads, each under the command that reads it', () => {
    const commonNames = new Set(flagNames(COMMON_FLAGS));
    const owners: Record<string, string[]> = {
      'run-command.ts': ['run'], 'run-options.ts': ['run'], 'import-command.ts': ['import'], 'serve-command.ts': ['serve'],
      'train-command.ts': ['train'], 'train-critics-command.ts': ['train'], 'export-command.ts': ['export'], 'list-command.ts': ['list'], 'analyze-command.ts': ['analyze'],
    };
    const sources = readdirSync(CLI_DIR).filter((f) => f.endsWith('.ts') && f !== 'usage.ts');
    const readAnywhere = new Set<string>();
    const unlisted: string[] = [];
    for (const file of sources) {
      const listed = new Set([...commonNames, ...(owners[file] ?? []).flatMap((c) => flagNames(cmd(c).flags))]);
      for (const name of flagsRead(file)) {
        readAnywhere.add(name);
        if (file === 'index.ts' ? !commonNames.has(name) : !listed.has(name)) unlisted.push(`${file}: --${name}`);
      }
    }
    expect(unlisted).toEqual([]);
    const listedAnywhere = [...commonNames, ...COMMANDS.flatMap((c) => flagNames(c.flags))];
    expect(listedAnywhere.filter((name) => name !== 'help' && !readAnywhere.has(name))).toEqual([]);
    // resume takes the scheduler flags, which run-options.ts reads.
    const scheduler = flagsRead('run-options.ts');
    expect(flagNames(cmd('resume').flags).filter((name) => !scheduler.has(name))).toEqual([]);
  });

  it('offers the choices and defaults the code has', () => {
    expect(flag('run', 'policy').value).toBe(BUILT_IN_POLICIES.join('|'));
    expect(flag('run', 'grammar').value).toBe(Object.keys(GRAMMARS).join('|'));
    expect(flag('run', 'observation').value).toBe(OBSERVATION_FORMATS.join('|'));
    expect(flag('run', 'stop-rules').value).toBe(Object.keys(STOP_RULE_PROFILES).join('|'));
    expect(flag('run', 'concurrency').text).toContain(`${defaultConcurrency()} here`);
    expect(flag('run', 'episode-timeout').text).toContain(`(default ${DEFAULT_SCHEDULER.episodeTimeoutMs / 1000})`);
    expect(flag('run', 'infra-retries').text).toContain(`(default ${DEFAULT_SCHEDULER.infraRetries})`);
    expect(flag('run', 'subgoal-count').text).toContain(`(default ${DEFAULT_SGO_SETTINGS.subgoalCount})`);
    expect(flag('run', 'replan-after').text).toContain(`(default ${DEFAULT_SGO_SETTINGS.replanAfterSteps})`);
    expect(flag('train', 'variants').value).toBe(TRAINING_VARIANTS.join(','));
    expect(flag('export', 'alpha').text).toContain(`(default ${MiraDefaults.alpha})`);
    // train's MiRA settings (docs/design/MIRA.md §6), each with the trainer's default and the API's range.
    expect(flag('train', 'alpha').text).toBe(`α shaping weight, in [0, 10] (default ${MiraDefaults.alpha})`);
    expect(flag('train', 'beta').text).toBe(`β log-ratio scale, in (0, 100] (default ${MiraDefaults.beta})`);
    expect(flag('train', 'curriculum-band').text).toContain(`(default ${MiraDefaults.curriculumBand.join(',')})`);
    expect(flag('train', 'return').value).toBe('shaped|raw');
    expect(flag('export', 'lambda').text).toContain(`(default ${MiraDefaults.lambda})`);
    expect(flag('export', 'gamma').text).toContain(`(default ${MiraDefaults.gamma})`);
    expect(common('max-runs').text).toContain(`(default ${DEFAULT_MAX_ACTIVE_RUNS})`);
    expect(common('browser-endpoint').text).toContain(`(default ${DEFAULT_REMOTE_MAX})`);
  });
});

describe('npm run cli', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = join(await mkdtemp(join(tmpdir(), 'mira-cli-help-')), 'data');
  });
  afterAll(async () => {
    await rm(resolve(dataDir, '..'), { recursive: true, force: true });
  });

  // The CLI as `npm run cli` starts it (node --import tsx main/cli/index.ts), with a data directory that must
  // stay untouched: help is answered before anything is opened.
  const cli = (...args: string[]) =>
    new Promise<{ code: number; stdout: string; stderr: string }>((done) => {
      execFile(process.execPath, ['--import', 'tsx', 'main/cli/index.ts', ...args, '--data', dataDir], { cwd: ROOT, timeout: 120_000 }, (err, stdout, stderr) => {
        done({ code: err ? (typeof err.code === 'number' ? err.code : -1) : 0, stdout, stderr });
      });
    });

  it('--help prints the overview and exits 0', async () => {
    const r = await cli('--help');
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout.trimEnd()).toBe(overviewText());
  });

  it('help <command> prints that command’s usage and exits 0', async () => {
    const r = await cli('help', 'run');
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout.trimEnd()).toBe(commandText(cmd('run')));
    expect(r.stdout).toContain('--policy oracle|react|sgo|local|random|wrong|do-nothing');
  });

  it('an unknown command prints the usage on stderr and exits 2', async () => {
    const r = await cli('frobnicate');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('Unknown command "frobnicate".');
    expect(r.stderr).toContain('Commands:');
    expect(existsSync(dataDir)).toBe(false);
  });
});
