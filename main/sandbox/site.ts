// What the sandbox server needs from a site: a seeded dataset, a fresh copy of its mutable state per episode,
// a request handler and (optionally) named state checks for `site_state` subgoal predicates.

export type SandboxSiteId = 'shop' | 'admin' | 'forum' | 'code' | 'map';

/** Where each site lives under the server and which WebArena placeholder stands for it. Sites not yet
 * implemented keep their slot so configs and URLs do not change when they arrive. */
export const SITE_SLOTS: Record<SandboxSiteId, { prefix: string; placeholder: string; webarenaSite: string }> = {
  shop: { prefix: '/shop', placeholder: '__SHOPPING__', webarenaSite: 'shopping' },
  admin: { prefix: '/admin', placeholder: '__SHOPPING_ADMIN__', webarenaSite: 'shopping_admin' },
  forum: { prefix: '/forum', placeholder: '__REDDIT__', webarenaSite: 'reddit' },
  code: { prefix: '/code', placeholder: '__GITLAB__', webarenaSite: 'gitlab' },
  map: { prefix: '/map', placeholder: '__MAP__', webarenaSite: 'map' },
};

export interface SiteRequest<D, S> {
  method: string;
  /** Path below the site's prefix, always starting with '/' ('/' for the site root). */
  path: string;
  query: URLSearchParams;
  /** Parsed application/x-www-form-urlencoded body (empty for GET). */
  form: URLSearchParams;
  data: D;
  state: S;
  /** The site's absolute root URL, e.g. http://127.0.0.1:1234/shop. */
  siteUrl: string;
}

export interface SiteResponse {
  status?: number;
  /** A full HTML document. */
  html?: string;
  /** Path or URL for a 303 See Other (every POST answers with one on success). */
  redirect?: string;
  /** Other bodies (plain text, CSS). */
  body?: string;
  contentType?: string;
}

export interface SiteModule<D, S> {
  id: SandboxSiteId;
  title: string;
  /** The seeded dataset (memoised per seed by the site). */
  load(datasetSeed: number): D;
  /** A fresh, independent copy of the mutable state; must be cheap (it runs at every episode reset). */
  freshState(data: D): S;
  handle(req: SiteRequest<D, S>): SiteResponse;
  /** Named checks of the site state, used by `site_state` subgoal predicates. */
  checkState?(data: D, state: S, check: string, args: Record<string, unknown>): boolean;
}
