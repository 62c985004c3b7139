// The CLI's usage: one entry per command with every flag it reads, and the flags every command takes
// (read in index.ts). Plain data importing only the registries (themselves plain data) and the default
// concurrency (a formula over the core count), so `--help` loads nothing else. test/unit/cli/usage.test.ts
// checks it against the code both ways: every flag the CLI reads is listed here, every flag listed is read,
// and the listed choices match the constants they come from.
import { LLM_PROVIDER_IDS, POLICY_IDS } from '../api/registries';
import { DEFAULT_RETURN_KIND, MIRA_BAND_FIELDS, MIRA_NUMBER_FIELDS, RETURN_KINDS, rangeText } from '../api/mira-overrides';
import { defaultConcurrency } from '../browser/default-concurrency';

export interface FlagUsage {
  /** Without the leading dashes. */
  name: string;
  /** The value's shape (`N`, `<dir>`, `a|b`); absent for a switch. */
  value?: string;
  text: string;
}

export interface CommandUsage {
  name: string;
  /** Positional arguments, e.g. `[run-id|latest]`. */
  args?: string;
  summary: string;
  /** Further lines printed under the command's own usage. */
  details?: string[];
  flags: FlagUsage[];
}

/** `train`'s MiRA settings (docs/design/MIRA.md §6), their ranges and defaults from the API's one table. */
const MIRA_FLAGS: FlagUsage[] = [
  ...MIRA_NUMBER_FIELDS.map((f) => ({ name: f.flag, value: 'X', text: `${f.label}, in ${rangeText(f.range)} (default ${f.default})` })),
  ...MIRA_BAND_FIELDS.map((f) => ({ name: f.flag, value: 'LO,HI', text: `${f.label}, both in ${rangeText(f.range)} (default ${f.default.map((x) => +x.toFixed(4)).join(',')})` })),
  { name: 'return', value: RETURN_KINDS.join('|'), text: `rewards the Monte-Carlo return G_t sums (default ${DEFAULT_RETURN_KIND})` },
  { name: 'no-perplexity-filter', text: 'train each MiRA phase on all its new data (default: the perplexity filter keeps the band)' },
];

const SCHEDULER_FLAGS: FlagUsage[] = [
  { name: 'concurrency', value: 'N', text: `episodes run at once, each in its own browser context (default: from the machine's cores, ${defaultConcurrency()} here; resume: the run's own)` },
  { name: 'episode-timeout', value: 'SECONDS', text: 'time limit of one episode (default 600)' },
  { name: 'infra-retries', value: 'N', text: 'retries of an episode that failed for infrastructure reasons (default 2)' },
];

export const COMMANDS: readonly CommandUsage[] = [
  {
    name: 'run',
    summary: 'Run episodes and print one progress line per episode, then the success rate.',
    details: [
      'Without --family, --tasks or --all it runs every sandbox task of the catalog (see --instances).',
      'Imported WebArena tasks read their site URLs from SHOPPING=… SHOPPING_ADMIN=… REDDIT=… GITLAB=… MAP=…',
      'WIKIPEDIA=… HOMEPAGE=… (or WA_SHOPPING=… etc.). LLM policies read GEMINI_API_KEY / OPENAI_API_KEY.',
    ],
    flags: [
      { name: 'policy', value: POLICY_IDS.join('|'), text: 'who acts (default oracle)' },
      { name: 'family', value: '<id>', text: 'the tasks of one family, e.g. shop/add-to-cart (`list families`)' },
      { name: 'tasks', value: '<id,id,…>', text: 'these tasks (`list tasks`)' },
      { name: 'all', text: 'every stored task, imported ones included' },
      { name: 'split', value: 'train|test', text: 'only tasks of this split (of the catalog, --family or --all; not with --tasks or --suite)' },
      { name: 'suite', value: 'miniwob|miniwob-all', text: "MiniWoB++: BrowserGym's 125 tasks, or every page (the 5 it leaves out and flight.* too)" },
      { name: 'seed', value: 'N', text: 'episode seed (default 0)' },
      { name: 'seeds', value: 'N', text: 'run every task with seeds seed … seed+N−1, whatever the task list (default: one seed per task, seed + its index)' },
      { name: 'grammar', value: 'webarena|webrl|browsergym', text: 'the action grammar the policy writes (default webarena)' },
      { name: 'observation', value: 'axtree|webrl-html|som', text: 'how the policy sees the page (default axtree)' },
      { name: 'stop-rules', value: 'webarena|vab-lite', text: 'early-stop rules: 30 steps, 3 unparseable, 3 (vab-lite: 5) repeats (default webarena)' },
      { name: 'max-steps', value: 'N', text: 'override the step limit of the stop rules' },
      ...SCHEDULER_FLAGS,
      { name: 'model', value: 'NAME', text: 'LLM model of react and sgo (default: Settings)' },
      { name: 'thinking-budget', value: 'N|dynamic|off', text: "Gemini's thinking budget in tokens (default: Settings)" },
      { name: 'judge-provider', value: 'run|gemini|openai-compatible', text: "the LLM that judges fuzzy_match checks (run: the run's own; default: Settings' judge)" },
      { name: 'judge-model', value: 'NAME', text: "the judge's model at --judge-provider (default: that provider's model in Settings)" },
      { name: 'judge-base-url', value: 'URL', text: "the judge's own server at --judge-provider, with the key MIRA_JUDGE_API_KEY or Settings' judge key (default: the provider's base URL and key)" },
      { name: 'subgoals', value: 'generate|latest|reference', text: "where sgo's milestones come from (default generate)" },
      { name: 'subgoal-count', value: 'K', text: 'milestones per task for sgo (default 4)' },
      { name: 'replan-after', value: 'N', text: 'sgo re-plans after N steps without progress (default 5)' },
      { name: 'checkpoint', value: '<file|dir>', text: 'the trained checkpoint --policy local acts with (inside <dataDir>/training)' },
    ],
  },
  {
    name: 'resume',
    args: '[run-id|latest]',
    summary: 'Run again the unfinished tasks of an interrupted run, or those that ended in infrastructure failures (LLM down, bad checkpoint, disk full); default: the latest.',
    flags: [...SCHEDULER_FLAGS],
  },
  {
    name: 'import',
    args: '<file-or-dir>',
    summary: 'Load WebArena / WebArena-Lite task configs; print every rejected config and a per-site summary.',
    details: ['Exit code 1 when any config was rejected; the others are imported.'],
    flags: [
      { name: 'variant', value: 'webarena|webarena-lite', text: 'which benchmark the configs are (default: webarena-lite when they carry old_task_id)' },
      { name: 'replace', text: 'overwrite a task already imported with a different config (default: keep it, with a warning)' },
    ],
  },
  {
    name: 'serve',
    summary: 'Serve the workbench UI and API on 127.0.0.1 and print the URL to open (it carries an access token).',
    details: ['Runs until interrupted. Build the UI first with `npm run build`.'],
    flags: [
      { name: 'port', value: 'N', text: 'port (default 5175; a busy port given explicitly is an error)' },
      { name: 'host', value: 'ADDRESS', text: 'address to listen on (default 127.0.0.1; a non-loopback host always needs the token)' },
      { name: 'no-token', text: 'serve without an access token (loopback hosts only)' },
      { name: 'static', value: '<dir>', text: 'the built UI to serve (default dist/renderer)' },
    ],
  },
  {
    name: 'list',
    args: '[tasks|families|runs|episodes]',
    summary: 'List what the data directory holds (default: tasks).',
    flags: [
      { name: 'training', text: "tasks and families: with the instances stored only for training jobs (their rollouts and test splits); episodes: with the training jobs' episodes, each marked with its job, variant, phase and stage" },
      { name: 'only-training', text: "episodes: only the training jobs' episodes, marked" },
    ],
  },
  {
    name: 'analyze',
    args: '[run-id|latest]',
    summary: 'A run report: success rates, pass@k, failure modes and key decision steps (default: the latest run).',
    flags: [{ name: 'json', text: 'print the run as stored (its config), its report and its LLM usage as one JSON object' }],
  },
  {
    name: 'train',
    summary: 'Train the local policy: SFT on oracle demonstrations, then MiRA phases; test SR per phase per variant.',
    args: '[critics]',
    details: [
      'Act with a checkpoint: run --policy local --checkpoint <dataDir>/training/<job>/<variant>',
      'train critics --runs <id,id>: fit V and P on recorded runs of any policy (held-out losses, calibration; V and P in replay)',
    ],
    flags: [
      { name: 'families', value: '<id,id,…>', text: 'sandbox families to train and test on (default: three shop families)' },
      { name: 'variants', value: 'full,no-potential,kl,awr,awr-filter,no-dr-td,no-dr-mc', text: 'variants to train, same seeds and budget (default full)' },
      { name: 'ablation', text: 'train every variant' },
      { name: 'phases', value: 'N', text: 'MiRA phases after SFT (default 2)' },
      { name: 'train-instances', value: 'N', text: 'instances per family; every fifth is a test task (default 10)' },
      { name: 'seed', value: 'N', text: 'initialisation, sampling and minibatch order (default 1)' },
      { name: 'sft-demos', value: 'N', text: 'oracle demonstrations per family that SFT learns from (default: all)' },
      { name: 'rollouts', value: 'N', text: 'rollouts per task per phase (default 1)' },
      { name: 'tasks-per-phase', value: 'N', text: 'curriculum budget per phase (default: the train split)' },
      { name: 'parallel-variants', value: 'N', text: 'variants trained at once, one worker each (default: one per core)' },
      { name: 'concurrency', value: 'N', text: 'episodes each trainer worker runs at once: demonstrations, rollouts, tests; 1 to 16 (default: as for run, from the cores per worker)' },
      ...MIRA_FLAGS,
      { name: 'seeds', value: '<n,n,…|a-b>', text: 'the same job once per trainer seed; the study report gives 95% intervals over tasks × seeds (default: --seed)' },
      { name: 'study', value: 'default', text: 'a named study (docs/training.md); flags given next to it override its settings' },
      { name: 'report', value: '<file.html>', text: 'where the self-contained HTML study report goes (default <dataDir>/training/<job>/study.html)' },
      { name: 'runs', value: '<id,id,…>', text: 'train critics: the runs whose scored episodes V and P learn from' },
      { name: 'epochs', value: 'N', text: 'train critics: most epochs per critic (default 20; the held-out stop usually ends sooner)' },
      { name: 'patience', value: 'N', text: 'train critics: epochs without a held-out improvement before a critic stops (default 5)' },
    ],
  },
  {
    name: 'export',
    args: '[run-id]',
    summary: 'A run for external training: mira (our signals + manifest), vab-traces (VAB WebRL traces) or webrl-trainer (fields in docs/export.md).',
    details: ['Progress lines go to stdout, skipped episodes with their reason to stderr.'],
    flags: [
      { name: 'run', value: '<id|prefix|latest>', text: 'the run to export (or give it as the argument)' },
      { name: 'format', value: 'mira|vab-traces|webrl-trainer', text: 'what to write (default mira)' },
      { name: 'out', value: '<dir|file.jsonl>', text: 'required: the folder (mira, vab-traces) or the .jsonl file (webrl-trainer)' },
      { name: 'checkpoint', value: '<file|dir>', text: 'mira, inside <dataDir>/training: a policy checkpoint (π_ref; V and P for steps that recorded none) and/or a critics fit of `train critics` (V and P of every step); give it twice for both' },
      { name: 'alpha', value: 'A', text: 'mira: shaping weight α (default 0.3)' },
      { name: 'lambda', value: 'L', text: 'mira: doubly-robust mix λ (default 0.5)' },
      { name: 'gamma', value: 'G', text: 'mira: discount γ (default 1)' },
      { name: 'return', value: 'shaped|raw', text: 'mira: rewards the Monte-Carlo return sums (default shaped)' },
      { name: 'webrl-gamma', value: 'G', text: "webrl-trainer: γ of mc_return (default 0.9, WebRL's trainer's)" },
    ],
  },
  {
    name: 'help',
    args: '[command]',
    summary: 'Print this usage, or one command’s flags.',
    flags: [],
  },
];

export const COMMON_FLAGS: readonly FlagUsage[] = [
  { name: 'data', value: '<dir>', text: 'data directory (default $MIRA_DATA_DIR or ~/.mira-workbench)' },
  { name: 'browser', value: '<path>', text: "Chromium to use (default $MIRA_BROWSER, then Playwright's, then the system's)" },
  { name: 'dataset-seed', value: 'N', text: 'seed of the sandbox dataset (default 1)' },
  { name: 'instances', value: 'N', text: 'sandbox instances per family in the task catalog (default 5)' },
  { name: 'miniwob-dir', value: '<checkout>', text: 'a miniwob-plusplus checkout (default: the Settings page\'s, else $MINIWOB_DIR)' },
  { name: 'miniwob-success', value: 'browsergym|miniwob', text: 'MiniWoB++ success: raw reward > 0 or = 1 (default browsergym)' },
  { name: 'max-runs', value: 'N', text: 'runs active at once; more are refused (default 8)' },
  { name: 'max-contexts', value: 'N', text: 'browser contexts open at once; more wait (default 16)' },
  { name: 'browser-endpoint', value: '<url>', text: 'also run episodes on this browser, repeatable: ws://host:port/… (Playwright server), http(s)://host:port (CDP); #max=N caps its contexts (default 4); local#max=N caps (0: skips) the local one (default $MIRA_BROWSER_ENDPOINTS, comma-separated, then settings.json)' },
  { name: 'provider', value: [...LLM_PROVIDER_IDS, 'none'].join('|'), text: 'LLM provider for this process: react, sgo, AutoRater, subgoals (default $MIRA_LLM_PROVIDER, then Settings)' },
  { name: 'base-url', value: '<url>', text: "that provider's endpoint for this process, settings.json unchanged (default $MIRA_GEMINI_BASE_URL / $MIRA_OPENAI_BASE_URL, then Settings; models: $MIRA_GEMINI_MODEL / $MIRA_OPENAI_MODEL)" },
  { name: 'llm-cache', value: 'readwrite|refresh|off', text: 'the LLM reply cache (<data>/llm-cache): refresh asks again and overwrites what is cached, off neither reads nor writes (default readwrite)' },
  { name: 'allow-env-key-for-custom-endpoint', text: 'send GEMINI_API_KEY / OPENAI_API_KEY to a custom base URL too (or MIRA_ALLOW_ENV_KEY_CUSTOM_ENDPOINT=1)' },
  { name: 'help', text: "print the command's usage and exit" },
];

const INVOCATION = 'npm run cli --';

export function findCommand(name: string): CommandUsage | undefined {
  return COMMANDS.find((c) => c.name === name);
}

function flagLines(flags: readonly FlagUsage[]): string[] {
  const heads = flags.map((f) => `--${f.name}${f.value ? ` ${f.value}` : ''}`);
  // Very long heads (a flag with many choices) go on a line of their own.
  const width = Math.max(0, ...heads.map((h) => h.length).filter((n) => n <= 40));
  return flags.map((f, i) => (heads[i].length > width ? `  ${heads[i]}\n  ${' '.repeat(width)}  ${f.text}` : `  ${heads[i].padEnd(width)}  ${f.text}`));
}

/** The overview: every command with its one-line summary, then the common flags. */
export function overviewText(): string {
  const width = Math.max(...COMMANDS.map((c) => `${c.name} ${c.args ?? ''}`.length));
  return [
    'MiRA Workbench CLI',
    '',
    `Usage: ${INVOCATION} <command> [arguments] [flags]`,
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${`${c.name} ${c.args ?? ''}`.padEnd(width)}  ${c.summary}`),
    '',
    `Flags of one command: ${INVOCATION} help <command>  (or <command> --help)`,
    '',
    'Common flags (every command):',
    ...flagLines(COMMON_FLAGS),
    '',
    'Ctrl-C cancels the active runs (their cut episodes are kept as interrupted, stop reason cancelled; `resume` runs them again), then exits;',
    'a second Ctrl-C exits at once.',
  ].join('\n');
}

/** One command's usage: synopsis, summary, details and every flag it reads. */
export function commandText(command: CommandUsage): string {
  const synopsis = `Usage: ${INVOCATION} ${command.name}${command.args ? ` ${command.args}` : ''}${command.flags.length ? ' [flags]' : ''}`;
  return [
    synopsis,
    '',
    command.summary,
    ...(command.details ?? []),
    ...(command.flags.length ? ['', 'Flags:', ...flagLines(command.flags)] : []),
    '',
    `Common flags: ${COMMON_FLAGS.map((f) => `--${f.name}`).join(', ')} (${INVOCATION} --help)`,
  ].join('\n');
}

export interface HelpReply {
  text: string;
  /** 0: usage was asked for (stdout); 2: the command line was wrong (stderr). */
  exitCode: 0 | 2;
}

const HELP_FLAGS = new Set(['--help', '-h']);

/** What to print instead of running, or null to run: no command, `help [command]`, `--help`/`-h` anywhere,
 * or a command that does not exist. Decided before anything is opened, so help never touches the data. */
export function helpReply(argv: readonly string[]): HelpReply | null {
  const [first, ...rest] = argv;
  const unknown = (name: string): HelpReply => ({ text: `Unknown command "${name}".\n\n${overviewText()}`, exitCode: 2 });
  if (first === undefined || HELP_FLAGS.has(first)) return { text: overviewText(), exitCode: 0 };
  if (first === 'help') {
    const topic = rest[0] !== undefined && !rest[0].startsWith('-') ? rest[0] : undefined;
    if (topic === undefined) return { text: overviewText(), exitCode: 0 };
    const command = findCommand(topic);
    return command ? { text: commandText(command), exitCode: 0 } : unknown(topic);
  }
  const command = findCommand(first);
  if (!command) return unknown(first);
  return rest.some((a) => HELP_FLAGS.has(a)) ? { text: commandText(command), exitCode: 0 } : null;
}
