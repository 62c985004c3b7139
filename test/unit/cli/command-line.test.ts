import { describe, expect, it } from 'vitest';
import { parseArgs, UsageError } from '../../../main/cli/args';
import { checkCommandLine, closest, switchesOf } from '../../../main/cli/flag-check';
import { importArgs } from '../../../main/cli/import-command';
import { checkTaskSelection } from '../../../main/cli/run-command';
import { resolveRun, latestPersonRun } from '../../../main/cli/run-resolver';
import { checkTrainingFamilies } from '../../../main/cli/train-command';
import { usageRefusal } from '../../helpers/usage-refusal';

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

describe('import arguments', () => {
  it('refuses a missing path and an unknown --variant as usage errors', () => {
    expect(usageRefusal(() => importArgs(parsed('import')))).toBe('import needs a file or a folder of WebArena task configs: `import <file-or-dir>` (see `npm run cli -- help import`).');
    expect(usageRefusal(() => importArgs(parsed('import', 'tasks.json', '--variant', 'lite')))).toBe('--variant must be webarena or webarena-lite, not "lite" (see `npm run cli -- help import`).');
  });

  it('accepts a path with or without a known variant', () => {
    expect(importArgs(parsed('import', 'tasks.json'))).toEqual({ path: 'tasks.json', variant: undefined });
    expect(importArgs(parsed('import', 'dir', '--variant', 'webarena-lite'))).toEqual({ path: 'dir', variant: 'webarena-lite' });
  });
});

describe('run task selection', () => {
  it('refuses a selector --tasks or --suite would silently override', () => {
    expect(usageRefusal(() => checkTaskSelection(parsed('run', '--tasks', 'a,b', '--split', 'test')))).toBe(
      '--tasks names the tasks to run, so --split would be ignored: give --tasks alone, or choose from the catalog without it (see `npm run cli -- help run`).',
    );
    expect(usageRefusal(() => checkTaskSelection(parsed('run', '--tasks', 'a', '--family', 'shop/x', '--all', '--split', 'train')))).toContain('so --family, --all and --split would be ignored');
    expect(usageRefusal(() => checkTaskSelection(parsed('run', '--suite', 'miniwob', '--split', 'test')))).toBe('--suite picks the MiniWoB++ tasks itself, so --split would be ignored: give --suite alone (see `npm run cli -- help run`).');
    expect(usageRefusal(() => checkTaskSelection(parsed('run', '--family', 'shop/x', '--all')))).toContain('--family picks one family\'s tasks, so --all would be ignored');
  });

  it('accepts selectors that combine: --family or --all with --split, and each alone', () => {
    for (const argv of [['--family', 'shop/x', '--split', 'test'], ['--all', '--split', 'train'], ['--tasks', 'a,b'], ['--suite', 'miniwob'], []]) {
      expect(() => checkTaskSelection(parsed('run', ...argv)), argv.join(' ')).not.toThrow();
    }
  });
});

describe('train families', () => {
  const known = ['shop/add-to-cart', 'shop/checkout', 'forum/create-post'];

  it('refuses an unknown family as a usage error naming the nearest and every known family', () => {
    expect(usageRefusal(() => checkTrainingFamilies(['shop/add-to-crt', 'shop/checkout'], known))).toBe(
      '--families: unknown sandbox family "shop/add-to-crt" (did you mean shop/add-to-cart?); training uses the built-in sandbox\'s families: shop/add-to-cart, shop/checkout, forum/create-post (`list families`).',
    );
    expect(usageRefusal(() => checkTrainingFamilies(['zzz', 'yyy'], known))).toMatch(/^--families: unknown sandbox families "zzz", "yyy"; training uses/);
  });

  it('accepts known families, and leaves a core without the sandbox (nothing known) to the core\'s own refusal', () => {
    expect(() => checkTrainingFamilies(['shop/checkout'], known)).not.toThrow();
    expect(() => checkTrainingFamilies(['shop/checkout'], [])).not.toThrow();
  });
});

describe('train critics arguments', () => {
  it('refuses the flags that configure training jobs, naming them (they were ignored)', async () => {
    const { trainCriticsCommand } = await import('../../../main/cli/train-critics-command');
    const args = parsed('train', 'critics', '--runs', 'abc', '--alpha', '0.5', '--phases', '2');
    // Refused before the core is touched: a stub with nothing in it is enough.
    await expect(trainCriticsCommand(args, {} as never)).rejects.toThrow(UsageError);
    await expect(trainCriticsCommand(args, {} as never)).rejects.toThrow('train critics takes --runs, --epochs, --patience and --seed; --alpha, --phases configure training jobs (`train` without `critics`).');
  });
});
