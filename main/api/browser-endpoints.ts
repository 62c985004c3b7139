// Where episodes' browsers run (issue 23 "Remote browsers"), as the Runs page shows it. Types only.

export interface BrowserEndpointStatus {
  /** The endpoint's URL with query values and user info hidden (tokens stay out of the UI), or 'local'. */
  endpoint: string;
  /** 'local': the workbench's own Chromium; 'ws': a Playwright browser server; 'cdp': a DevTools endpoint. */
  kind: 'local' | 'ws' | 'cdp';
  /** A connection is open now (false before first use, and after the endpoint went away). */
  connected: boolean;
  activeContexts: number;
  /** Contexts it may hold at once (`#max=N`; the local browser: the process-wide cap unless given). */
  limit: number;
  /** Failed connections and lost connections since start. */
  failures: number;
  /** Contexts (episodes, logins, start-page reads) opened there since start. */
  contextsOpened: number;
  /** The latest failure's first line; null when none. */
  lastError: string | null;
  /** After a failure the endpoint is not offered contexts until then (ISO time); null when usable. */
  restingUntil: string | null;
}
