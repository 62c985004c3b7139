import { UsageError } from './args';

/** How every command names a run: its id, a prefix of exactly one id, or `latest` where the command has one. */
export interface RunChoice<R> {
  /** What `latest` means here (and the message when nothing is), or absent when `latest` is not offered. */
  latest?: { pick: (runs: readonly R[]) => R | undefined; none: string };
}

const SHOWN_MATCHES = 8;

/** `latest` for analyze, export and train critics: the latest run a person started, not a training job's (issue 21). */
export function latestPersonRun<R extends { id: string; kind: string }>(): NonNullable<RunChoice<R>['latest']> {
  return { pick: (runs) => runs.find((r) => r.kind !== 'rollout'), none: 'There are no runs yet.' };
}

/** The one run `wanted` names. An empty name or a prefix several runs share is refused (a wrong run would be
 * analysed, exported or resumed without a word), listing the candidates. */
export function resolveRun<R extends { id: string }>(runs: readonly R[], wanted: string, choice: RunChoice<R> = {}): R {
  const name = wanted.trim();
  if (name === '') throw new UsageError(`A run id cannot be empty: give a run id, a unique start of one${choice.latest ? ', or latest' : ''} (see \`list runs\`).`);
  if (name === 'latest' && choice.latest) {
    const run = choice.latest.pick(runs);
    if (!run) throw new Error(choice.latest.none);
    return run;
  }
  const exact = runs.find((r) => r.id === name);
  if (exact) return exact;
  const matches = runs.filter((r) => r.id.startsWith(name));
  if (matches.length === 1) return matches[0];
  if (matches.length === 0) throw new UsageError(`No run matches "${name}" (see \`list runs\`).`);
  const shown = matches.slice(0, SHOWN_MATCHES).map((r) => r.id).join(', ');
  const more = matches.length > SHOWN_MATCHES ? ` and ${matches.length - SHOWN_MATCHES} more` : '';
  throw new UsageError(`"${name}" matches ${matches.length} runs (${shown}${more}); give more of the id.`);
}
