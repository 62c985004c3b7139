// Which sandbox families the oracle + baselines sweep runs (issue 15 "Fast and sturdy tests"). `npm test`
// runs a rotating third of the families, so every family runs at least once in any three consecutive commits,
// plus the families whose files the change touches (at most one more shard of them); `npm run test:full`
// (MIRA_TEST_FULL=1) runs them all.
import { execFileSync } from 'node:child_process';
import { basename, join } from 'node:path';
import { SANDBOX_FAMILIES } from '../../main/sandbox/families';
import type { TaskFamily } from '../../main/sandbox/types';

export const SHARDS = 3;
/** Instances per family the full sweep runs (the shard runs one, rotating through them). */
export const FULL_INSTANCES = 3;

export interface SweepSelection {
  full: boolean;
  /** The rotating shard (0 … SHARDS−1), null in a full sweep. */
  shard: number | null;
  /** Which instance (index) of each family the shard runs; the full sweep runs 0 … FULL_INSTANCES−1. */
  instances: number[];
  families: TaskFamily[];
  /** Why each family is in: 'shard k', 'changed: <file>', or 'full'. */
  reasons: Map<string, string>;
  /** Families the change touches that this run leaves to the full sweep (the cap on an npm test run). */
  deferred: number;
}

const ROOT = join(import.meta.dirname, '../..');

/** The sandbox folder of a family: `shop/add-to-cart` → main/sandbox/shop, `cross/…` → main/sandbox/cross-site. */
export function familyFolder(family: TaskFamily): string {
  const prefix = family.id.split('/')[0];
  return `main/sandbox/${prefix === 'cross' ? 'cross-site' : prefix}/`;
}

/** Families a set of changed files touches: a family's own file selects it; any other file in a site's
 * folder (data, views, routes, shared family helpers) selects every family of that folder. Files of the
 * sandbox's shared kit (main/sandbox/*.ts) select none: after those, run the full sweep. */
export function familiesTouchedBy(files: readonly string[], families: readonly TaskFamily[] = SANDBOX_FAMILIES): Map<string, string> {
  const touched = new Map<string, string>();
  for (const file of files) {
    const inFolder = families.filter((f) => file.startsWith(familyFolder(f)));
    if (inFolder.length === 0) continue;
    const own = inFolder.filter((f) => basename(file) === `${f.id.split('/')[1]}.ts`);
    for (const f of own.length ? own : inFolder) if (!touched.has(f.id)) touched.set(f.id, `changed: ${file}`);
  }
  return touched;
}

export function sweepSelection(env: NodeJS.ProcessEnv = process.env, git: GitFacts = readGit()): SweepSelection {
  if (env.MIRA_TEST_FULL === '1') {
    return {
      full: true, shard: null, instances: Array.from({ length: FULL_INSTANCES }, (_, i) => i), families: [...SANDBOX_FAMILIES],
      reasons: new Map(SANDBOX_FAMILIES.map((f) => [f.id, 'full'])), deferred: 0,
    };
  }
  const forced = env.MIRA_SWEEP_SHARD;
  if (forced !== undefined && !/^[0-9]+$/.test(forced)) throw new Error(`MIRA_SWEEP_SHARD must be a whole number (0–${SHARDS - 1}), not "${forced}".`);
  // Consecutive commits have consecutive counts, so the shards rotate 0, 1, 2 commit by commit.
  const position = forced !== undefined ? Number(forced) : git.commitCount;
  const shard = position % SHARDS;
  const reasons = new Map<string, string>();
  SANDBOX_FAMILIES.forEach((f, i) => {
    if (i % SHARDS === shard) reasons.set(f.id, `shard ${shard}`);
  });
  // A change to a whole site folder touches every family of it; at most one more shard's worth of them is added,
  // so npm test stays within its time budget however wide the change (the rest wait for test:full).
  let deferred = 0;
  for (const [id, why] of familiesTouchedBy(git.changedFiles)) {
    if (reasons.has(id)) continue;
    if (reasons.size < 2 * shardSize()) reasons.set(id, why);
    else deferred++;
  }
  const instance = Math.floor(position / SHARDS) % FULL_INSTANCES;
  return { full: false, shard, instances: [instance], families: SANDBOX_FAMILIES.filter((f) => reasons.has(f.id)), reasons, deferred };
}

/** Families in one rotating shard (the last shard may hold one fewer). */
function shardSize(): number {
  return Math.ceil(SANDBOX_FAMILIES.length / SHARDS);
}

export interface GitFacts {
  /** Commits reachable from HEAD (0 outside a git checkout). */
  commitCount: number;
  /** Sandbox files whose code changed against origin/main (or, when HEAD is origin/main, against HEAD~1),
   * committed or not; edits to comments alone do not count. */
  changedFiles: string[];
}

/** The files of a unified diff (`git diff -U0`) with a changed line that is not blank or a comment: a reworded
 * comment or citation changes no family's behaviour, so it sends no family to the sweep. */
export function filesWithCodeChanges(patch: string): string[] {
  const files = new Set<string>();
  let file: string | null = null;
  for (const line of patch.split('\n')) {
    const header = /^diff --git a\/(.+?) b\/(.+)$/.exec(line);
    if (header) file = header[2];
    else if (file && /^[+-]/.test(line) && !/^(\+\+\+|---) /.test(line)) {
      const text = line.slice(1).trim();
      if (text && !/^(\/\/|\/\*|\*)/.test(text)) files.add(file);
    }
  }
  return [...files];
}

function git(args: string[]): string | null {
  try {
    return execFileSync('git', args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
}

export function readGit(): GitFacts {
  const head = git(['rev-parse', 'HEAD']);
  if (!head) return { commitCount: 0, changedFiles: [] };
  const upstream = git(['rev-parse', '--verify', '-q', 'origin/main']);
  const base = upstream && upstream !== head ? 'origin/main' : 'HEAD~1';
  const committed = filesWithCodeChanges(git(['diff', '-U0', `${base}...HEAD`, '--', 'main/sandbox']) ?? '');
  const uncommitted = filesWithCodeChanges(git(['diff', '-U0', 'HEAD', '--', 'main/sandbox']) ?? '');
  const untracked = (git(['ls-files', '--others', '--exclude-standard', 'main/sandbox']) ?? '').split('\n').filter(Boolean);
  return {
    commitCount: Number(git(['rev-list', '--count', 'HEAD']) ?? 0),
    changedFiles: [...new Set([...committed, ...uncommitted, ...untracked])],
  };
}

/** One line for the test log: what this run sweeps and why. */
export function describeSelection(s: SweepSelection): string {
  if (s.full) return `sweep: full, ${s.families.length} families × ${s.instances.length} instances, all baselines`;
  const changed = [...s.reasons.values()].filter((r) => r.startsWith('changed')).length;
  return `sweep: shard ${s.shard} of ${SHARDS} (instance ${s.instances[0]}), ${s.families.length} of ${SANDBOX_FAMILIES.length} families` +
    `${changed ? ` incl. ${changed} touched by the change` : ''}` +
    `${s.deferred ? ` (${s.deferred} more touched: run npm run test:full)` : ''}; do-nothing on all, wrong on these; MIRA_TEST_FULL=1 for everything`;
}
