// Security: a page the agent browses cannot make the workbench keep files. Playwright accepts downloads by
// default and holds them in a temporary folder until the context closes — and with context reuse a context
// lives for many episodes — so any page could fill the disk (or /tmp in memory) with files of its choosing.
// No benchmark task needs a download, so episode contexts refuse them.
import { describe, expect, it } from 'vitest';
import { useLoopback, useSession } from '../helpers/fixture-pages';

const site = useLoopback((req, res) => {
  if (req.url === '/file') {
    res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-disposition': 'attachment; filename="payload.bin"' });
    res.end(Buffer.alloc(64 * 1024, 65));
    return;
  }
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  res.end('<!doctype html><a id="d" href="/file">get</a>');
});
const pages = useSession();

describe('downloads in episode contexts', () => {
  it('a page-started download is cancelled, nothing is written', async () => {
    const page = pages.session.page;
    await page.goto(`${site.url}/`);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#d')]);
    // Playwright reports the refusal as the download's failure (its wording names acceptDownloads).
    expect(await download.failure()).toMatch(/acceptDownloads/);
    await expect(download.path()).rejects.toThrow();
  });
});
