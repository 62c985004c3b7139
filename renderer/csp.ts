// The renderer's Content-Security-Policy: one per build mode, written into index.html's meta tag at build
// time (vite.config.ts), and the only one — the desktop shell loads the page from file:// and adds none.
// The production page may run only its own scripts; it talks to the core over IPC (desktop) or a
// same-origin WebSocket on loopback (web mode), shows screenshots from data:/blob:/mira-blob: URLs, and
// frames nothing. The dev server additionally needs React Fast Refresh's inline preamble and Vite's HMR
// socket.
import type { Plugin } from 'vite';

export type CspMode = 'dev' | 'prod';

const LOOPBACK_SOCKETS = 'ws://127.0.0.1:* ws://localhost:*';

export function contentSecurityPolicy(mode: CspMode): string {
  const dev = mode === 'dev';
  return [
    "default-src 'self'",
    `script-src 'self'${dev ? " 'unsafe-inline'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob: mira-blob:",
    "font-src 'self' data:",
    "worker-src 'self' blob:",
    `connect-src 'self' ${LOOPBACK_SOCKETS}`,
    "object-src 'none'",
    "frame-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

export const CSP_PLACEHOLDER = '__MIRA_CSP__';

/** Fills index.html's CSP meta tag: the dev policy under `vite` (serve), the production one in `vite build`. */
export function cspPlugin(): Plugin {
  return {
    name: 'mira-csp',
    transformIndexHtml: {
      order: 'pre',
      handler(html, ctx) {
        const found = html.split(CSP_PLACEHOLDER).length - 1;
        if (found !== 1) throw new Error(`index.html must hold exactly one ${CSP_PLACEHOLDER} (the CSP meta tag); found ${found}.`);
        return html.replace(CSP_PLACEHOLDER, contentSecurityPolicy(ctx.server ? 'dev' : 'prod'));
      },
    },
  };
}
