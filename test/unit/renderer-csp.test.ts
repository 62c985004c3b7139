// One Content-Security-Policy per build mode (issue 14): the production page may run only its own scripts;
// the dev server adds what Vite's Fast Refresh needs; index.html holds exactly one policy tag to fill.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, CSP_PLACEHOLDER, cspPlugin } from '../../renderer/csp';

const directive = (policy: string, name: string) => policy.split('; ').find((d) => d.startsWith(`${name} `));

type HtmlHook = { handler(html: string, ctx: { server?: unknown }): string };
const fill = (html: string, server: boolean) => (cspPlugin().transformIndexHtml as unknown as HtmlHook).handler(html, server ? { server: {} } : {});

describe('renderer CSP', () => {
  it('production runs only its own scripts and frames, embeds and submits nothing', () => {
    const prod = contentSecurityPolicy('prod');
    expect(directive(prod, 'script-src')).toBe("script-src 'self'");
    expect(prod).not.toContain('unsafe-eval');
    expect(directive(prod, 'object-src')).toBe("object-src 'none'");
    expect(directive(prod, 'frame-src')).toBe("frame-src 'none'");
    expect(directive(prod, 'base-uri')).toBe("base-uri 'none'");
    expect(directive(prod, 'form-action')).toBe("form-action 'none'");
    expect(directive(prod, 'connect-src')).toBe("connect-src 'self' ws://127.0.0.1:* ws://localhost:*");
  });

  it('dev differs only by the inline preamble Fast Refresh injects', () => {
    const dev = contentSecurityPolicy('dev');
    expect(directive(dev, 'script-src')).toBe("script-src 'self' 'unsafe-inline'");
    const others = (policy: string) => policy.split('; ').filter((d) => !d.startsWith('script-src '));
    expect(others(dev)).toEqual(others(contentSecurityPolicy('prod')));
  });

  it('fills the one placeholder in index.html per mode, and refuses a page without exactly one', () => {
    const html = readFileSync(resolve(import.meta.dirname, '../../renderer/index.html'), 'utf8');
    expect(html.split(CSP_PLACEHOLDER).length - 1).toBe(1);
    expect(fill(html, false)).toContain(`content="${contentSecurityPolicy('prod')}"`);
    expect(fill(html, true)).toContain(`content="${contentSecurityPolicy('dev')}"`);
    expect(() => fill('<html></html>', false)).toThrow(`index.html must hold exactly one ${CSP_PLACEHOLDER}`);
    expect(() => fill(`${html}${html}`, false)).toThrow('found 2');
  });
});
