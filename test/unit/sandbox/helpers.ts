// Small helpers for the sandbox unit tests: HTTP with an episode cookie, and a rough text extraction of an
// element by id (enough to check what a program_html locator would read, without a browser).
import type { SandboxServer } from '../../../main/sandbox/server';

export function client(server: SandboxServer, cookie?: { name: string; value: string }) {
  const headers: Record<string, string> = cookie ? { cookie: `${cookie.name}=${cookie.value}` } : {};
  return {
    async get(path: string): Promise<{ status: number; html: string }> {
      const res = await fetch(server.baseUrl + path, { headers, redirect: 'manual' });
      return { status: res.status, html: await res.text() };
    },
    async post(path: string, form: Record<string, string | number>): Promise<{ status: number; location: string | null }> {
      const body = new URLSearchParams(Object.entries(form).map(([k, v]) => [k, String(v)])).toString();
      const res = await fetch(server.baseUrl + path, {
        method: 'POST', redirect: 'manual', body, headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' },
      });
      await res.text();
      return { status: res.status, location: res.headers.get('location') };
    },
  };
}

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };

/** The visible text of the element with this id (its tag must not nest inside itself), one line per block. */
export function textOfId(html: string, id: string): string | null {
  const open = new RegExp(`<(\\w+)[^>]*\\sid="${id}"[^>]*>`).exec(html);
  if (!open) return null;
  const close = html.indexOf(`</${open[1]}>`, open.index);
  const inner = html.slice(open.index + open[0].length, close);
  return inner
    .replace(/<br\s*\/?>|<\/(li|div|p|h\d|tr|section)>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&(amp|lt|gt|quot|#39);/g, (e) => ENTITIES[e])
    .split('\n').map((l) => l.replace(/\s+/g, ' ').trim()).filter(Boolean).join('\n');
}

/** Replaces WebArena placeholders with the server's URLs, then drops the base URL (for `client` paths). */
export function localPath(server: SandboxServer, url: string): string {
  let out = url;
  for (const [key, value] of Object.entries(server.placeholders())) out = out.split(key).join(value);
  return out.startsWith(server.baseUrl) ? out.slice(server.baseUrl.length) : out;
}
