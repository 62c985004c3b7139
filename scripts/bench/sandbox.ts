import { chromium } from 'playwright';
import { findBrowser } from '../../main/browser/find-browser';
import { SANDBOX_SITES, startSandboxServer } from '../../main/sandbox/server';
import { SITE_SLOTS } from '../../main/sandbox/site';
import { row } from './stats';

/** Sandbox speed (issue 4): episode reset (a fresh copy of every site's state), server-side page render
 * (HTTP round trip on loopback) and browser page load, per site, over pages reached from each site's root. */
export async function benchSandbox(pagesPerSite = 20, resets = 200): Promise<void> {
  const server = await startSandboxServer();
  const browserPath = findBrowser().executablePath;
  const browser = browserPath ? await chromium.launch({ executablePath: browserPath, args: ['--no-sandbox', '--disable-gpu'] }) : null;
  try {
    const resetMs: number[] = [];
    for (let i = 0; i < resets; i++) {
      const { stateId } = server.createEpisodeState();
      resetMs.push(server.resetMs);
      server.dropEpisodeState(stateId);
    }
    console.log(`\nSandbox: ${SANDBOX_SITES.length} sites (${SANDBOX_SITES.map((s) => s.id).join(', ')})`);
    console.log(row('episode reset (all sites\' state copied)', resetMs));

    const state = server.createEpisodeState();
    const context = await browser?.newContext();
    await context?.addCookies([state.cookie]);
    const page = await context?.newPage();
    for (const site of SANDBOX_SITES) {
      const urls = await sitePages(server.siteUrl(site.id), SITE_SLOTS[site.id].prefix, server.baseUrl, pagesPerSite);
      const render: number[] = [];
      const load: number[] = [];
      for (const url of urls) {
        const started = performance.now();
        await (await fetch(url, { headers: { cookie: `${state.cookie.name}=${state.cookie.value}` } })).text();
        render.push(performance.now() - started);
        if (page) {
          const t0 = performance.now();
          await page.goto(url);
          load.push(performance.now() - t0);
        }
      }
      console.log(row(`${site.id}: server render (HTTP, ${urls.length} pages)`, render));
      if (page) console.log(row(`${site.id}: browser page load (goto → load)`, load));
    }
    await context?.close();
  } finally {
    await browser?.close();
    await server.close();
  }
}

/** The site's root and the first same-site links found breadth-first (GET pages only). */
async function sitePages(root: string, prefix: string, base: string, limit: number): Promise<string[]> {
  const seen = new Set<string>([root]);
  const queue = [root];
  while (queue.length && seen.size < limit) {
    const html = await (await fetch(queue.shift()!)).text();
    for (const m of html.matchAll(/href="([^"#]+)"/g)) {
      const url = new URL(m[1].replace(/&amp;/g, '&'), base + prefix + '/').toString();
      if (!url.startsWith(base + prefix) || seen.has(url) || seen.size >= limit) continue;
      seen.add(url);
      queue.push(url);
    }
  }
  return [...seen];
}
