import { describe, expect, it } from 'vitest';
import { explainLaunchFailure } from '../../../main/browser/launch-failure';

// Playwright's messages for a browser that did not start (shortened copies of what it printed for a script
// that exits at once and for one that never answers).
const exited = `browserType.launch: Target page, context or browser has been closed
Browser logs:

<launching> /opt/chrome --headless --remote-debugging-pipe
<launched> pid=3842
[pid=3842][err] error while loading shared libraries: libnss3.so: cannot open shared object file
Call log:
\u001b[2m  - <launching> /opt/chrome --headless --remote-debugging-pipe\u001b[22m
\u001b[2m  - [pid=3842][err] error while loading shared libraries: libnss3.so: cannot open shared object file\u001b[22m
\u001b[2m  - [pid=3842] <process did exit: exitCode=127, signal=null>\u001b[22m`;
const hung = `browserType.launch: Timeout 60000ms exceeded.
Call log:
\u001b[2m  - <launching> /opt/chrome --headless\u001b[22m
\u001b[2m  - <launched> pid=3877\u001b[22m`;

describe('explainLaunchFailure', () => {
  it('says how the browser ended and what it printed, once per line, and how to fix it', () => {
    expect(explainLaunchFailure('/opt/chrome', new Error(exited))).toBe(
      'The browser /opt/chrome exited with code 127 as it started. It printed: error while loading shared libraries: libnss3.so: cannot open shared object file. ' +
        'Check the browser path (--browser, MIRA_BROWSER or Settings) or install Chromium (`npx playwright install chromium`).',
    );
  });

  it('names the wait of a browser that never answered, and a signal that killed one', () => {
    expect(explainLaunchFailure('/opt/chrome', new Error(hung))).toMatch(/^The browser \/opt\/chrome did not start within 60 s\. Check the browser path/);
    const killed = 'browserType.launch: Target page, context or browser has been closed\n  - [pid=9] <process did exit: exitCode=null, signal=SIGSEGV>';
    expect(explainLaunchFailure('/opt/chrome', new Error(killed))).toMatch(/^The browser \/opt\/chrome was killed by SIGSEGV as it started\. Check/);
  });

  it('keeps the first line of any other error', () => {
    expect(explainLaunchFailure('/opt/chrome', new Error('spawn EACCES\nmore'))).toMatch(/^The browser \/opt\/chrome could not be started: spawn EACCES\. Check/);
  });
});
