// Site-relative pages for forks across processes (issue 21). A fork replays an episode that another process
// may have recorded (the CLI, or `serve` before a restart): its sandbox listened on another random port, so the
// recorded URLs name another origin. Pages are therefore compared relative to their site: each site's base URL
// (a sandbox prefix, an imported WebArena site from the profile; docs/design/WEBARENA.md §1.2,
// docs/design/SANDBOX.md §1) is replaced by the site's placeholder, in URLs and in observation text alike.
import { SITE_PLACEHOLDERS } from '../tasks/site-profile';
import type { TaskRecord } from '../api/types';

/** One site as an episode's environment resolves it: `__SHOPPING__` ↔ `http://127.0.0.1:41234/shop`. */
export interface SiteBase {
  site: string;
  base: string;
}

/** The sites an environment knows, longest base first (so `/shop` wins over the sandbox's homepage `/`). */
export function siteBases(resolveUrl: (text: string) => string): SiteBase[] {
  const bases: SiteBase[] = [];
  for (const { placeholder } of SITE_PLACEHOLDERS) {
    let base: string;
    try {
      base = resolveUrl(placeholder);
    } catch {
      continue; // an imported site this profile does not have
    }
    if (base !== placeholder && /^https?:\/\//.test(base)) bases.push({ site: placeholder, base: base.replace(/\/+$/, '') });
  }
  return bases.sort((a, b) => b.base.length - a.base.length);
}

/** A URL with its site's base replaced by the site's placeholder; a URL on no known site stays as it is. */
export function siteRelativeUrl(url: string, bases: readonly SiteBase[]): string {
  for (const { site, base } of bases) {
    // Only at a boundary: `/shop` must not claim `/shopping`.
    if (url.startsWith(base) && (url.length === base.length || '/?#'.includes(url[base.length]))) return site + url.slice(base.length);
  }
  return url;
}

/** Text (an observation) with every site base replaced by its placeholder. */
export function siteRelativeText(text: string, bases: readonly SiteBase[]): string {
  return bases.reduce((out, { site, base }) => out.split(base).join(site), text);
}

/** The bases the source episode's process had. Imported sites are where the profile says (the same profile);
 * the sandbox's sites all live on one loopback origin whose port is random per process, so for a sandbox task
 * the live bases move to the origin the source episode recorded. */
export function sourceBases(task: Pick<TaskRecord, 'source'>, live: readonly SiteBase[], recordedUrls: readonly string[]): SiteBase[] {
  if (task.source !== 'sandbox' || live.length === 0) return [...live];
  const liveOrigin = originOf(live[0].base);
  const recorded = recordedUrls.map(originOf).find((o) => o !== null && o !== liveOrigin && sameHost(o, liveOrigin));
  if (!liveOrigin || !recorded) return [...live];
  return live.map(({ site, base }) => ({ site, base: base.startsWith(liveOrigin) ? recorded + base.slice(liveOrigin.length) : base }));
}

function originOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    return /^https?:$/.test(parsed.protocol) ? parsed.origin : null;
  } catch {
    return null;
  }
}

/** Same scheme and host, any port: the sandbox binds one host and takes whichever port is free. */
function sameHost(a: string, b: string | null): boolean {
  if (!b) return false;
  const [x, y] = [new URL(a), new URL(b)];
  return x.protocol === y.protocol && x.hostname === y.hostname;
}
