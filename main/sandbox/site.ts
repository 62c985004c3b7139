// What the sandbox server needs from a site: a seeded dataset, a fresh copy of its mutable state per episode,
// a request handler and (optionally) named state checks for `site_state` subgoal predicates.
import { SANDBOX_SITE_SLOTS, type SandboxSiteId } from '../api/registries';
import type { TaskFamily } from './types';

export type { SandboxSiteId };

/** Where each site lives under the server and which WebArena placeholder stands for it: the registry's slots
 * (main/api/registries.ts). */
export const SITE_SLOTS = SANDBOX_SITE_SLOTS;

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

/** What every site folder's index.ts exports as `site` (one shape for all): its module and its task families. */
export interface SandboxSite<D = unknown, S = unknown> {
  module: SiteModule<D, S>;
  families: TaskFamily[];
}
