import { parseEndpointList } from '../api/endpoint-spec';
import { UsageError } from './args';

/** The environment variable listing browser endpoints, comma-separated (flags win over it). */
export const BROWSER_ENDPOINTS_ENV = 'MIRA_BROWSER_ENDPOINTS';

/** This process's browser endpoints (main/api/endpoint-spec.ts): the `--browser-endpoint` flags, else
 * MIRA_BROWSER_ENDPOINTS, else undefined (settings.json's list applies). A wrong one is refused naming where
 * it came from, before anything is opened (a flag's with exit code 2). */
export function browserEndpointsOf(fromFlags: readonly string[], env: string | undefined): string[] | undefined {
  const [source, values] = fromFlags.length ? ['--browser-endpoint', fromFlags] : env?.trim() ? [BROWSER_ENDPOINTS_ENV, [env]] : [null, []];
  if (source === null) return undefined;
  try {
    parseEndpointList(values);
  } catch (err) {
    throw UsageError.forSource(source, `${source}: ${(err as Error).message}`);
  }
  return values.flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
}
