import { existsSync } from 'node:fs';
import { chromium } from 'playwright';

export interface BrowserLocation {
  executablePath: string | null;
  /** Where it was found: 'configured', 'playwright', 'system', or 'none'. */
  source: 'configured' | 'playwright' | 'system' | 'none';
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

export const INSTALL_HINT =
  'No Chromium was found. Install one of: `npx playwright install chromium` (Playwright\'s own build), ' +
  '`sudo apt-get install chromium` (Debian/Ubuntu), or Google Chrome; or start the workbench with ' +
  '`--browser <path>` or MIRA_BROWSER=<path> (the desktop app also offers a file dialog) naming a Chromium-based browser.';

/** Finds a browser in the order of docs/design/ARCHITECTURE.md §7: the configured path, Playwright's own browsers, then the
 * system's Chromium or Chrome. Says exactly what to install when none is found. */
export function findBrowser(configured?: string | null, candidates = SYSTEM_CANDIDATES): BrowserLocation {
  const wanted = configured ?? process.env.MIRA_BROWSER ?? null;
  if (wanted) {
    if (existsSync(wanted)) return { executablePath: wanted, source: 'configured', problem: null };
    return { executablePath: null, source: 'none', problem: `The configured browser path ${wanted} does not exist. ${INSTALL_HINT}` };
  }
  try {
    const own = chromium.executablePath();
    if (own && existsSync(own)) return { executablePath: own, source: 'playwright', problem: null };
  } catch {
    // Playwright knows no browser for this platform; try the system's.
  }
  for (const path of candidates) {
    if (existsSync(path)) return { executablePath: path, source: 'system', problem: null };
  }
  return { executablePath: null, source: 'none', problem: INSTALL_HINT };
}
