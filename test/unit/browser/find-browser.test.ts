import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findBrowser } from '../../../main/browser/find-browser';

// Which Chromium runs the episodes (issue 22): for headless runs a headless shell comes before the full
// browser of the same place (Playwright's, then the system's); a visible browser is always a full one; a
// configured path always wins. The choice is reported as `source`. Fake executables in a temporary folder.

let dir: string;
const file = (...parts: string[]) => {
  const path = join(dir, ...parts);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, '');
  return path;
};
const missing = () => join(dir, 'not-installed');
let systemChromium: string;
let systemShell: string;
let pwChromium: string;
let pwShell: string;
const configuredBefore = process.env.MIRA_BROWSER;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'mira-find-browser-'));
  systemChromium = file('usr/bin/chromium');
  systemShell = file('usr/bin/chromium-headless-shell');
  pwChromium = file('ms-playwright/chromium-1200/chrome-linux64/chrome');
  pwShell = file('ms-playwright/chromium_headless_shell-1200/chrome-headless-shell-linux64/chrome-headless-shell');
  delete process.env.MIRA_BROWSER;
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  if (configuredBefore !== undefined) process.env.MIRA_BROWSER = configuredBefore;
});

describe('findBrowser', () => {
  it("prefers Playwright's headless shell, next to its Chromium, for headless runs", () => {
    const found = findBrowser(null, { playwrightChromium: () => pwChromium, headlessShellCandidates: [systemShell], systemCandidates: [systemChromium] });
    expect(found).toEqual({ executablePath: pwShell, source: 'playwright-headless-shell', problem: null });
  });

  it("takes Playwright's full Chromium for a visible browser", () => {
    const found = findBrowser(null, { headless: false, playwrightChromium: () => pwChromium, headlessShellCandidates: [systemShell], systemCandidates: [systemChromium] });
    expect(found).toEqual({ executablePath: pwChromium, source: 'playwright', problem: null });
  });

  it("prefers the system's headless shell over its full browser when Playwright has none", () => {
    const options = { playwrightChromium: () => null, headlessShellCandidates: [missing(), systemShell], systemCandidates: [systemChromium] };
    expect(findBrowser(null, options)).toEqual({ executablePath: systemShell, source: 'system-headless-shell', problem: null });
    expect(findBrowser(null, { ...options, headless: false })).toEqual({ executablePath: systemChromium, source: 'system', problem: null });
    expect(findBrowser(null, { ...options, headlessShellCandidates: [missing()] })).toEqual({ executablePath: systemChromium, source: 'system', problem: null });
  });

  it('keeps a configured path above everything, and says what to install when nothing is found', () => {
    expect(findBrowser(systemChromium, { playwrightChromium: () => pwChromium, headlessShellCandidates: [systemShell] }).source).toBe('configured');
    const none = findBrowser(null, { playwrightChromium: () => null, headlessShellCandidates: [], systemCandidates: [missing()] });
    expect(none.executablePath).toBeNull();
    expect(none.source).toBe('none');
    expect(none.problem).toMatch(/apt-get install chromium/);
  });
});
