import { useEffect, useState } from 'react';
import type { BrowserEndpointStatus } from '../../../../main/api/contract';
import { getClient } from '../../api/client';

/** Endpoint health changes without an event (a remote server dies between episodes): read it this often. */
const REFRESH_MS = 5_000;

const KIND_NAMES: Record<BrowserEndpointStatus['kind'], string> = { local: 'Local', ws: 'Playwright server', cdp: 'CDP' };

/** What the health column says: connected, resting after a failure (with why), or not yet used. */
function health(e: BrowserEndpointStatus): string {
  if (e.restingUntil) return `down — retried after ${new Date(e.restingUntil).toLocaleTimeString()}`;
  if (e.connected) return 'connected';
  return e.lastError ? 'disconnected' : 'not used yet';
}

/** Where episodes' browsers run (issue 23 "Remote browsers"): each endpoint's health and load. Shown only when
 * remote endpoints are configured; with the local browser alone there is nothing to compare. */
export function BrowserEndpointTable() {
  const [endpoints, setEndpoints] = useState<BrowserEndpointStatus[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const client = getClient();
    let stopped = false;
    const load = () => client.browserEndpoints().then((list) => !stopped && (setEndpoints(list), setError(null)), (err: Error) => !stopped && setError(err.message));
    void load();
    const timer = setInterval(load, REFRESH_MS);
    const unsubscribe = client.on('progress', () => void load());
    return () => {
      stopped = true;
      clearInterval(timer);
      unsubscribe();
    };
  }, []);
  if (error) return <p role="alert" className="error">Browser endpoints: {error}</p>;
  if (!endpoints || endpoints.every((e) => e.kind === 'local')) return null;
  return (
    <section aria-labelledby="endpoints-heading" style={{ marginTop: 24 }}>
      <h2 id="endpoints-heading">Browser endpoints</h2>
      <table className="grid" data-testid="endpoint-table">
        <thead>
          <tr>
            <th scope="col">Endpoint</th><th scope="col">Kind</th><th scope="col">Health</th>
            <th scope="col">Contexts</th><th scope="col">Opened</th><th scope="col">Failures</th><th scope="col">Last error</th>
          </tr>
        </thead>
        <tbody>
          {endpoints.map((e) => (
            <tr key={e.endpoint} data-testid="endpoint-row">
              <td>{e.endpoint}</td>
              <td>{KIND_NAMES[e.kind]}</td>
              <td data-testid="endpoint-health">{health(e)}</td>
              <td data-testid="endpoint-load">{e.activeContexts} / {e.limit}</td>
              <td>{e.contextsOpened}</td>
              <td>{e.failures}</td>
              <td className="muted">{e.lastError ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
