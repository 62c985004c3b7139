import { existsSync, readdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { chromium } from 'playwright';

export interface BrowserLocation {
  executablePath: string | null;
  /** Where it was found: 'configured', Playwright's headless shell or full build, the system's headless shell or
   * full browser, or 'none'. Reported with the browser status so a run's numbers say which Chromium made them. */
  source: 'configured' | 'playwright-headless-shell' | 'playwright' | 'system-headless-shell' | 'system' | 'none';
  problem: string | null;
}

const SYSTEM_CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
];

/** Chromium's headless shell (Debian's `chromium-headless-shell` package): the renderer without the browser UI,
 * which costs less CPU per step than the full browser's headless mode (issue 22, measured by `npm run bench`). */
const SYSTEM_HEADLESS_SHELLS = ['/usr/bin/chromium-headless-shell', '/usr/lib/chromium/chromium-headless-shell'];

export const INSTALL_HINT =
  'No Chromium was found. Install one of: `npx playwright install chromium` (Playwright\'s own build), ' +
  '`sudo apt-get install chromium` (Debian/Ubuntu), or Google Chrome; or start the workbench with ' +
  '`--browser <path>` or MIRA_BROWSER=<path> (the desktop app also offers a file dialog) naming a Chromium-based browser.';

export interface FindBrowserOptions {
  /** Headless runs prefer a headless shell where one is installed; a visible browser needs the full one. */
  headless?: boolean;
  systemCandidates?: readonly string[];
  headlessShellCandidates?: readonly string[];
  /** Playwright's own full Chromium, if installed (a parameter so tests can name one). */
  playwrightChromium?: () => string | null;
}

/** Finds a browser in the order of docs/design/ARCHITECTURE.md §7: the configured path, Playwright's own browsers, then the
 * system's Chromium or Chrome; for headless runs each place's headless shell comes before its full browser.
 * Says exactly what to install when none is found. */
export function findBrowser(configured?: string | null, options: FindBrowserOptions = {}): BrowserLocation {
  const headless = options.headless ?? true;
  const wanted = configured ?? process.env.MIRA_BROWSER ?? null;
  if (wanted) {
    if (existsSync(wanted)) return { executablePath: wanted, source: 'configured', problem: null };
    return { executablePath: null, source: 'none', problem: `The configured browser path ${wanted} does not exist. ${INSTALL_HINT}` };
  }
  const own = (options.playwrightChromium ?? playwrightChromium)();
  if (own && existsSync(own)) {
    const shell = headless ? playwrightHeadlessShell(own) : null;
    if (shell) return { executablePath: shell, source: 'playwright-headless-shell', problem: null };
    return { executablePath: own, source: 'playwright', problem: null };
  }
  if (headless) {
    const shell = (options.headlessShellCandidates ?? SYSTEM_HEADLESS_SHELLS).find((p) => existsSync(p));
    if (shell) return { executablePath: shell, source: 'system-headless-shell', problem: null };
  }
  const system = (options.systemCandidates ?? SYSTEM_CANDIDATES).find((p) => existsSync(p));
  if (system) return { executablePath: system, source: 'system', problem: null };
  return { executablePath: null, source: 'none', problem: INSTALL_HINT };
}

function playwrightChromium(): string | null {
  try {
    return chromium.executablePath() || null;
  } catch {
    return null; // Playwright knows no browser for this platform; try the system's.
  }
}

/** Playwright installs its headless shell next to its Chromium, under the same revision:
 * …/ms-playwright/chromium-<rev>/chrome-<platform>/chrome → …/chromium_headless_shell-<rev>/chrome-headless-shell-<platform>/. */
function playwrightHeadlessShell(chromiumPath: string): string | null {
  const revisionDir = dirname(dirname(chromiumPath));
  const revision = /^chromium-(\d+)$/.exec(basename(revisionDir))?.[1];
  if (!revision) return null;
  const shellDir = join(dirname(revisionDir), `chromium_headless_shell-${revision}`);
  try {
    for (const platformDir of readdirSync(shellDir)) {
      for (const name of ['chrome-headless-shell', 'chrome-headless-shell.exe']) {
        const path = join(shellDir, platformDir, name);
        if (existsSync(path)) return path;
      }
    }
  } catch {
    // Not installed.
  }
  return null;
}
