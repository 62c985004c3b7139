import type { CoreInfo } from '../../../../main/api/contract';

/** The browser path, read-only: the browser runs as the user's own program, so no page and no API call may
 * choose it. It is set when the workbench starts (--browser, MIRA_BROWSER) or, in the desktop app, with the
 * native file dialog. */
export function BrowserField({ saved, info }: { saved: string | null; info: CoreInfo | null }) {
  const inUse = info?.browser.executablePath ?? null;
  return (
    <div className="field" data-testid="browser-path">
      <label htmlFor="browser-path">Browser path</label>
      <input id="browser-path" readOnly aria-readonly="true" value={inUse ?? saved ?? ''} placeholder="found automatically" />
      <span className="small muted" data-testid="browser-path-how">
        {inUse ? `In use (${info?.browser.source}). ` : info?.browser.problem ? `${info.browser.problem} ` : ''}
        Read-only here: start the workbench with --browser &lt;path&gt; or MIRA_BROWSER=&lt;path&gt;{info?.mode === 'desktop' ? ', or pick it in the desktop app\'s file dialog' : ''}.
      </span>
    </div>
  );
}
