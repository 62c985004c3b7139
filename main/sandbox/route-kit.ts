// The request plumbing every sandbox site shares: splitting a path into decoded parts and the answers for a
// method or a page the site does not have.
import type { SiteResponse } from './site';

/** Decoded path segments; a malformed escape ("%E0%A4%A") gives one part no route matches, so the site 404s. */
export function pathParts(path: string): string[] {
  try {
    return path.split('/').filter(Boolean).map((s) => decodeURIComponent(s));
  } catch {
    return ['\u0000'];
  }
}

/** The site's own answer when it has one; otherwise 405 for a POST nowhere and the site's 404 page. */
export function orNotFound(method: string, res: SiteResponse | null, notFoundHtml: () => string): SiteResponse {
  if (res) return res;
  if (method === 'POST') return { status: 405, body: 'Method Not Allowed', contentType: 'text/plain; charset=utf-8' };
  return { status: 404, html: notFoundHtml() };
}
