// The desktop app's output kept in a file (electron/log-file.ts): what the app writes to stdout and stderr also
// lands in <logs>/main.log, the previous session's file is kept as main.old.log, and a log file that cannot be
// written never breaks the console itself.
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { keepOutputInFile } from '../../../electron/log-file';

/** A stream that records what reaches it, as the terminal would. */
function fakeStream() {
  const seen: string[] = [];
  return { seen, write: (chunk: string | Uint8Array) => (seen.push(Buffer.from(chunk).toString('utf8')), true) };
}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'mira-log-file-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('keepOutputInFile', () => {
  it('copies stdout and stderr into main.log, in order, and still writes them to the console', () => {
    const out = fakeStream();
    const err = fakeStream();
    const logs = join(dir, 'logs');
    const file = keepOutputInFile(logs, [out, err]);
    expect(file).toBe(join(logs, 'main.log'));
    out.write('MiRA Workbench resources (asar layout)\n');
    err.write(Buffer.from('Analysis of run r1 failed: boom\n'));
    out.write('done\n');
    expect(out.seen).toEqual(['MiRA Workbench resources (asar layout)\n', 'done\n']);
    expect(err.seen).toEqual(['Analysis of run r1 failed: boom\n']);
    const text = readFileSync(file, 'utf8').split('\n');
    expect(text[0]).toMatch(/^--- MiRA Workbench started \d{4}-\d\d-\d\dT.* \(pid \d+\)$/);
    expect(text.slice(1)).toEqual(['MiRA Workbench resources (asar layout)', 'Analysis of run r1 failed: boom', 'done', '']);
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it("keeps the previous session's log as main.old.log", () => {
    writeFileSync(join(dir, 'main.old.log'), 'two sessions ago\n');
    writeFileSync(join(dir, 'main.log'), 'last session\n');
    const out = fakeStream();
    keepOutputInFile(dir, [out]);
    out.write('this session\n');
    expect(readFileSync(join(dir, 'main.old.log'), 'utf8')).toBe('last session\n');
    expect(readFileSync(join(dir, 'main.log'), 'utf8')).toMatch(/^--- MiRA Workbench started .*\nthis session\n$/);
  });

  it('leaves the console working when the log file cannot be written, at start or later', () => {
    writeFileSync(join(dir, 'logs'), 'a file where the folder should be');
    const out = fakeStream();
    keepOutputInFile(join(dir, 'logs'), [out]);
    expect(out.write('still shown\n')).toBe(true);
    expect(out.seen).toEqual(['still shown\n']);
    expect(readFileSync(join(dir, 'logs'), 'utf8')).toBe('a file where the folder should be');

    const later = fakeStream();
    const folder = join(dir, 'removed-later');
    keepOutputInFile(folder, [later]);
    rmSync(folder, { recursive: true });
    expect(later.write('after the folder went away\n')).toBe(true);
    expect(later.seen).toEqual(['after the folder went away\n']);
    expect(existsSync(folder)).toBe(false);
  });
});
