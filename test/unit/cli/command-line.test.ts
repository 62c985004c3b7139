import { describe, expect, it } from 'vitest';
import { parseArgs, UsageError } from '../../../main/cli/args';
import { checkCommandLine, closest, switchesOf } from '../../../main/cli/flag-check';
import { resolveRun, latestPersonRun } from '../../../main/cli/run-resolver';

// The command line is checked against cli/usage.ts before anything runs: a mistyped flag or a stray word is a
// usage error (exit code 2) that says what was meant, never silently ignored.
const parsed = (...argv: string[]) => parseArgs(argv, switchesOf(argv[0]));
const refusal = (...argv: string[]): string => {
  try {
    checkCommandLine(parsed(...argv));
  } catch (err) {
    expect(err).toBeInstanceOf(UsageError);
    return (err as Error).message;
  }
  throw new Error(`${argv.join(' ')} was accepted`);
};

describe('checkCommandLine', () => {
  it('refuses an unknown flag and suggests the closest one the command takes', () => {
    expect(refusal('run', '--familly', 'shop/x')).toBe('run has no flag --familly; did you mean --family? (see `npm run cli -- help run`).');
    expect(refusal('run', '--family', 'shop/x', '--concurency', '1')).toContain('run has no flag --concurency; did you mean --concurrency?');
    expect(refusal('resume', '--conc', '2')).toContain('did you mean --concurrency?');
    // A flag of another command is unknown here, without a far-fetched suggestion.
    expect(refusal('list', '--zzzzzz')).toBe('list has no flag --zzzzzz (see `npm run cli -- help list`).');
  });

  it('refuses positional arguments a command does not take (run shop/x used to run the whole catalog)', () => {
    expect(refusal('run', 'shop/x')).toBe('Unexpected "shop/x": run takes no arguments, only flags (see `npm run cli -- help run`).');
    expect(refusal('analyze', 'a', 'b')).toBe('Unexpected "b": analyze takes at most 1 argument ([run-id|latest]) (see `npm run cli -- help analyze`).');
  });

  it('never lets a switch swallow the next word, and refuses a value given to one', () => {
    expect(parsed('list', '--training', 'tasks')).toMatchObject({ positionals: ['tasks'], flags: { training: true } });
    expect(refusal('run', '--all', 'shop/x')).toContain('Unexpected "shop/x"');
    expect(refusal('run', '--all=yes')).toBe('--all takes no value, not "yes" (see `npm run cli -- help run`).');
  });

  it('accepts what the usage lists: own flags, common flags, named arguments', () => {
    expect(() => checkCommandLine(parsed('run', '--family', 'shop/x', '--concurrency', '2', '--data', '/d', '--max-runs', '3'))).not.toThrow();
    expect(() => checkCommandLine(parsed('export', 'abc', '--format', 'mira', '--out', '/o'))).not.toThrow();
    expect(() => checkCommandLine(parsed('train', 'critics', '--runs', 'a,b', '--epochs', '3'))).not.toThrow();
  });

  it('suggests by prefix or by at most two edits', () => {
    expect(closest('familly', ['family', 'families'])).toBe('family');
    expect(closest('train-inst', ['train-instances', 'tasks'])).toBe('train-instances');
    expect(closest('xyz', ['family'])).toBeNull();
  });
});

describe('resolveRun', () => {
  const runs = [
    { id: '5a11-0001', kind: 'eval' }, { id: '5b22-0002', kind: 'eval' }, { id: '7c33-0003', kind: 'rollout' }, { id: '7c33-0004', kind: 'eval' },
  ];
  const refused = (wanted: string) => {
    try {
      resolveRun(runs, wanted, { latest: latestPersonRun() });
    } catch (err) {
      return (err as Error).message;
    }
    throw new Error(`"${wanted}" was accepted`);
  };

  it('takes an exact id, a unique prefix, and latest (a person’s run, not a training job’s)', () => {
    expect(resolveRun(runs, '5b22-0002').id).toBe('5b22-0002');
    expect(resolveRun(runs, '5a').id).toBe('5a11-0001');
    expect(resolveRun([runs[2], runs[3]], 'latest', { latest: latestPersonRun() }).id).toBe('7c33-0004');
  });

  it('refuses an ambiguous prefix listing the matches, an empty name, and a name nothing matches', () => {
    expect(refused('5')).toBe('"5" matches 2 runs (5a11-0001, 5b22-0002); give more of the id.');
    expect(refused('')).toBe('A run id cannot be empty: give a run id, a unique start of one, or latest (see `list runs`).');
    expect(refused('  ')).toContain('cannot be empty');
    expect(refused('zz')).toBe('No run matches "zz" (see `list runs`).');
    expect(() => resolveRun([], 'latest', { latest: latestPersonRun() })).toThrow('There are no runs yet.');
  });
});
