import { useState } from 'react';
import type { CoreInfo } from '../../../../main/api/contract';

/** First run without a Chromium (issue 18): instead of runs that fail one by one, say what to install.
 * The desktop app adds a button that picks a browser in a native file dialog (after a confirmation); in
 * web mode the browser is chosen where the workbench is started (--browser / MIRA_BROWSER), never by a
 * page. "Check again" looks for a browser installed meanwhile; the screen can be set aside to look at
 * earlier runs, which need no browser. */
export function NoBrowserScreen({ info, onCheckAgain, onDismiss }: { info: CoreInfo; onCheckAgain(): Promise<boolean>; onDismiss(): void }) {
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const desktop = window.miraDesktop;

  const pick = async () => {
    setMessage(null);
    try {
      const result = await desktop!.pickBrowser();
      if (result.status === 'invalid') setMessage({ ok: false, text: result.message });
      else if (result.status === 'saved' && !(await onCheckAgain())) setMessage({ ok: false, text: `Saved, but the workbench still finds no browser: ${result.browser.problem ?? ''}` });
    } catch (err) {
      setMessage({ ok: false, text: (err as Error).message });
    }
  };
  const checkAgain = async () => {
    setMessage(null);
    if (!(await onCheckAgain())) setMessage({ ok: false, text: 'Still no Chromium found.' });
  };

  return (
    <section className="panel no-browser" aria-labelledby="no-browser-title" data-testid="no-browser">
      <h1 id="no-browser-title">No Chromium found</h1>
      <p>The workbench runs agents in a real Chromium-based browser, and none was found on this computer. Install one, then check again:</p>
      <ul className="install-options">
        <li>Debian / Ubuntu: <code>sudo apt-get install chromium</code></li>
        <li>Google Chrome (Linux, macOS, Windows) in its usual place is found on its own.</li>
        <li>Playwright's Chromium, where Node.js is installed: <code>npx playwright install chromium</code></li>
        <li>Elsewhere: start the workbench with <code>--browser /path/to/chrome</code> or <code>MIRA_BROWSER=/path/to/chrome</code>.</li>
      </ul>
      {/* The core's reason, first sentence only: its install hint repeats the list above. */}
      {info.browser.problem && <p className="small muted" data-testid="no-browser-problem">{info.browser.problem.split(/(?<=\.)\s/)[0]}</p>}
      <div className="save-bar">
        {desktop && (
          <button type="button" className="primary" onClick={() => void pick()}>Choose a browser…</button>
        )}
        <button type="button" onClick={() => void checkAgain()}>Check again</button>
        <button type="button" onClick={onDismiss}>Continue without a browser</button>
      </div>
      {!desktop && <p className="small muted">In the browser version the browser is chosen where the workbench is started, never from this page.</p>}
      {message && <p role="status" className={message.ok ? 'ok-text' : 'error'}>{message.text}</p>}
    </section>
  );
}
