import type { Core } from '../core';
import { RESOURCES } from '../resources/resource-paths';
import { startWebHost, type WebHost, type WebHostOptions } from './web-host';

export type CoreHostOptions = Omit<WebHostOptions, 'api' | 'subscribe' | 'blobPath' | 'staticDir'> & { staticDir?: string };

/** The web host over one core: its API, its event stream, its blobs, and the built renderer unless another
 * folder is given. `serve`, the e2e specs and the UI bench all wire a core to a host this one way. */
export function startCoreHost(core: Pick<Core, 'api' | 'events' | 'store'>, options: CoreHostOptions = {}): Promise<WebHost> {
  return startWebHost({
    ...options,
    api: core.api,
    subscribe: (listener) => core.events.subscribe(listener),
    staticDir: options.staticDir ?? RESOURCES.rendererDir,
    blobPath: (hash) => core.store.blobs.pathOf(hash),
  });
}
