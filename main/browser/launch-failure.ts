// Why the local Chromium did not start, in words a user can act on (issue 14 "Honest outcomes under faults").
// Playwright's own message for a browser that exits at once is "Target page, context or browser has been
// closed" followed by its launch log; what the browser printed and its exit code are in that log.

/** The explanation of a failed `chromium.launch` of `executablePath`. */
export function explainLaunchFailure(executablePath: string, err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  const timeout = /Timeout (\d+)ms exceeded/.exec(text);
  const exit = /process did exit: exitCode=(\w+), signal=(\w+)/.exec(text);
  // Lines the browser wrote to stderr ("[pid=123][err] …"), once each, without Playwright's colour codes.
  const printed = [...new Set([...text.matchAll(/\[pid=\d+\]\[err\] (.*)/g)].map((m) => m[1].replace(/\u001b\[\d+m/g, '').trim()))].filter(Boolean);
  const said = printed.length ? ` It printed: ${printed.slice(0, 3).join(' | ')}.` : '';
  const fix = 'Check the browser path (--browser, MIRA_BROWSER or Settings) or install Chromium (`npx playwright install chromium`).';
  if (timeout) return `The browser ${executablePath} did not start within ${Number(timeout[1]) / 1000} s.${said} ${fix}`;
  if (exit) {
    const how = exit[2] !== 'null' ? `was killed by ${exit[2]}` : `exited with code ${exit[1]}`;
    return `The browser ${executablePath} ${how} as it started.${said} ${fix}`;
  }
  return `The browser ${executablePath} could not be started: ${text.split('\n')[0]}.${said} ${fix}`;
}
