// The local servers the agent's browser reaches (the sandbox sites, the MiniWoB++ pages) answer only the loopback
// names they are reached by: a page on another name that resolves here (DNS rebinding) gets nothing, as at the
// web host (main/host/host-guard.ts, which also admits a --host the user bound).

/** 421: the request was not meant for this server (RFC 9110 §15.5.20). */
export const MISDIRECTED_TEXT = 'Misdirected request: this server answers only on this machine.';

/** The Host headers a loopback server on `port` answers. */
export function loopbackHosts(port: number): Set<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]);
}

export function isLoopbackHost(hostHeader: string | undefined, allowed: Set<string>): boolean {
  return allowed.has((hostHeader ?? '').toLowerCase());
}
