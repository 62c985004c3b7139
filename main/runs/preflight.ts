// Configuration errors fail a run before it is created (issue 14 "Honest outcomes under faults"): a policy
// that does not exist, an oracle asked to solve a task it has no solver for, a checkpoint file that is not
// there, an LLM provider that is not configured or cannot be reached, tasks scored by an LLM judge with no
// usable judge (evaluation-judge.ts), WebArena sites that nothing serves, a browser that cannot start. No run row
// is written for them; the error says what to fix. What fails later, mid-run, is an infrastructure failure
// (agent/infra-failure.ts).
import { stat } from 'node:fs/promises';
import { connect } from 'node:net';
import type { LlmSelection } from '../api/inference-types';
import type { WorkbenchSettings } from '../api/settings';
import type { TaskRecord } from '../api/types';
import type { LlmServices } from '../agent/llm-services';
import { isLlmPolicy, type SgoSettings } from '../agent/sgo-settings';
import { fixRunJudge } from './evaluation-judge';
import type { SandboxCatalog } from './sandbox-catalog';
import { BUILT_IN_POLICIES } from './policies';
import { isMember, POLICIES } from '../api/registries';
import { checkPinnablePolicy, pinnedSubgoalSet } from '../subgoals/pinned-set';
import { SITE_PLACEHOLDERS, type SiteProfile } from '../tasks/site-profile';
import { placeholdersNeeded } from './webarena-environment';

export interface PreflightDeps {
  catalog: SandboxCatalog | null;
  inference?: LlmServices;
  /** The browser pool: its local Chromium must start (browser/pool.ts checkStarts). */
  browser?: { checkStarts(): Promise<void> };
  /** Where the user's WebArena sites are: each one the tasks need must accept a connection. */
  siteProfile?: () => SiteProfile;
  /** The settings in effect, for the judge setting (evaluation-judge.ts). */
  settings?: () => Promise<WorkbenchSettings>;
}

export interface PreflightRequest {
  policy: string;
  checkpoint?: string;
  llm?: LlmSelection;
  /** The judge a resumed run recorded when it started. */
  judge?: LlmSelection;
  sgo?: Partial<SgoSettings>;
}

/** How long the LLM endpoint may take to accept a TCP connection. */
const CONNECT_TIMEOUT_MS = 5000;

/** Throws the first configuration error of a run about to start (or be resumed) on `tasks`; resolves to the
 * judge of its fuzzy_match tasks, provider and model named, to record with the run (undefined: none judged). */
export async function preflightRun(deps: PreflightDeps, request: PreflightRequest, tasks: readonly TaskRecord[]): Promise<LlmSelection | undefined> {
  const { policy } = request;
  if (!isMember(BUILT_IN_POLICIES, policy)) {
    throw new Error(`Unknown policy "${policy}". Available: ${BUILT_IN_POLICIES.join(', ')}.`);
  }
  // What a policy needs follows from its kind in the registry (main/api/registries.ts).
  const { kind } = POLICIES[policy];
  if (kind === 'sandbox') {
    const unsolvable = tasks.filter((t) => !deps.catalog?.get(t.id)).map((t) => t.id);
    if (unsolvable.length) {
      throw new Error(`The ${policy} policy replays a sandbox family's solver; ${unsolvable.join(', ')} ${unsolvable.length === 1 ? 'has' : 'have'} none. Choose sandbox tasks or another policy.`);
    }
  }
  if (kind === 'trained') await checkCheckpoint(request.checkpoint ?? process.env.MIRA_LOCAL_CHECKPOINT);
  if (isLlmPolicy(policy)) {
    if (!deps.inference) throw new Error(`The ${policy} policy needs the LLM services of a core.`);
    await deps.inference.llm(request.llm); // no provider, no key, no model: says which
    const endpoint = await deps.inference.endpoint(request.llm);
    if (endpoint) await checkReachable(endpoint);
  }
  if (request.sgo?.subgoalSetId !== undefined) {
    checkPinnablePolicy(policy, isLlmPolicy(policy));
    await pinnedSubgoalSet(deps.inference!.subgoalSets, request.sgo.subgoalSetId, tasks.map((t) => t.id));
  }
  if (policy === 'sgo' && request.sgo?.subgoalSource === 'reference') {
    const without = tasks.filter((t) => !deps.catalog?.get(t.id)?.subgoals.length).map((t) => t.id);
    if (without.length) throw new Error(`--subgoals reference needs the sandbox's reference subgoals; ${without.join(', ')} ${without.length === 1 ? 'has' : 'have'} none. Use --subgoals generate or latest.`);
  }
  // fuzzy_match checks need a judge LLM (Settings' judge, else the run's): without one those episodes could not
  // be scored. Its endpoint must answer like the policy's.
  const { judge, endpoint } = await fixRunJudge(deps.inference, deps.settings, request, tasks);
  if (endpoint) {
    await checkReachable(endpoint).catch((err: Error) => {
      throw new Error(`The fuzzy_match judge: ${err.message}`);
    });
  }
  if (deps.siteProfile) await checkSites(deps.siteProfile(), tasks);
  // Last, as it may start Chromium: a browser that cannot start would fail every episode of the run, each
  // after its retries (the error says why: browser/launch-failure.ts).
  await deps.browser?.checkStarts();
  return judge;
}

async function checkCheckpoint(path: string | undefined): Promise<void> {
  const hint = 'train one with `train`, then pass --checkpoint <dataDir>/training/<job>/<variant>';
  if (!path) throw new Error(`The local policy needs a checkpoint (a phase-<n>.json file or a checkpoint directory): ${hint}.`);
  try {
    await stat(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new Error(`The checkpoint ${path} ${code === 'ENOENT' ? 'does not exist' : `cannot be read (${code ?? 'unknown error'})`}: ${hint}.`);
  }
}

/** A TCP connection to the provider's host and port: cheap, sends nothing (no key), and tells "nothing is
 * listening" or "no such host" apart from a server that answers badly (that one is a mid-run failure). */
export async function checkReachable(baseUrl: string, timeoutMs = CONNECT_TIMEOUT_MS): Promise<void> {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new Error(`The LLM base URL "${baseUrl}" is not a URL: correct it in Settings.`);
  }
  const problem = await connectProblem(url, timeoutMs);
  if (problem) {
    throw new Error(`The LLM provider at ${url.origin} cannot be reached (${problem}): start the server or correct its base URL in Settings.`);
  }
}

/** Every WebArena site the tasks need must accept a connection: a site that is not running would fail each of
 * the run's episodes at its start page, every retry too (docs/design/WEBARENA.md §1.2). */
async function checkSites(profile: SiteProfile, tasks: readonly TaskRecord[]): Promise<void> {
  const needed = new Set(tasks.filter((t) => t.source === 'webarena').flatMap(placeholdersNeeded));
  const rows = SITE_PLACEHOLDERS.filter((row) => needed.has(row.placeholder) && profile[row.placeholder]);
  const problems = await Promise.all(rows.map(async (row) => {
    const base = profile[row.placeholder]!;
    let url: URL;
    try {
      url = new URL(base);
    } catch {
      return `${row.site ?? 'homepage'} at ${base} (not a URL; set ${row.env})`;
    }
    const problem = await connectProblem(url, CONNECT_TIMEOUT_MS);
    return problem && `${row.site ?? 'homepage'} at ${url.origin} (${problem}; set by ${row.env} or WA_${row.env})`;
  }));
  const down = problems.filter((p): p is string => p !== null);
  if (down.length) {
    throw new Error(`The WebArena site${down.length === 1 ? '' : 's'} ${down.join(', ')} cannot be reached: start ${down.length === 1 ? 'it' : 'them'}, or correct the URL.`);
  }
}

/** Why nothing accepts a TCP connection at the URL's host and port (ECONNREFUSED, ENOTFOUND, no answer), or null. */
function connectProblem(url: URL, timeoutMs: number): Promise<string | null> {
  const port = Number(url.port) || (url.protocol === 'https:' ? 443 : 80);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  return new Promise<string | null>((resolve) => {
    const socket = connect({ host, port });
    const finish = (why: string | null) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(why);
    };
    const timer = setTimeout(() => finish(`no answer within ${timeoutMs / 1000} s`), timeoutMs);
    socket.once('connect', () => finish(null));
    socket.once('error', (err: NodeJS.ErrnoException) => finish(err.code ?? err.message));
  });
}
