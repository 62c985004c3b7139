// The web host's access token on the page's side (main/host/host-guard.ts says why it is never a cookie).
// `serve` prints `http://127.0.0.1:<port>/?token=…`; the first load moves the token out of the address bar
// (and so out of history and anything the URL is copied into) into this origin's localStorage. Storage is
// separated by origin, port included, so no other local listener's page can read it; it is sent only in the
// WebSocket subprotocol. localStorage rather than sessionStorage: a second tab on the same workbench, or a
// link opened in a new window, works without the printed URL; the token dies with the process anyway.

const STORAGE_KEY = 'mira-token';
const TOKEN_PARAM = 'token';

/** Moves `?token=` from the address bar into storage (once per load), then returns the stored token, or null
 * when this origin has none (a host running with --no-token, or a tab opened without the printed URL). */
export function webAccessToken(): string | null {
  const url = new URL(location.href);
  const offered = url.searchParams.get(TOKEN_PARAM);
  if (offered !== null) {
    storeToken(offered);
    url.searchParams.delete(TOKEN_PARAM);
    history.replaceState(history.state, '', url.pathname + url.search + url.hash);
  }
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    // Storage disabled by the browser's settings: the token lives as long as this page's memory.
    return memoryToken;
  }
}

let memoryToken: string | null = null;

function storeToken(token: string): void {
  memoryToken = token;
  try {
    localStorage.setItem(STORAGE_KEY, token);
  } catch {
    // Kept in memory only (see webAccessToken).
  }
}
