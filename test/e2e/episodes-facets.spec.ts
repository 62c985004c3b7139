import { expect, test } from '@playwright/test';
import { seedManyEpisodes } from '../../scripts/bench/many-episodes';
import { ownHost } from './own-host';

// The study filters offer every family and tag recorded, not only those of the rows loaded so far: the table
// loads 200 rows at a time, and a family whose episodes are all further down was missing from the Family
// filter until a person scrolled to it (the audit of 2026-12-05). Its own host: 250 episodes of three
// families, then one older episode of a fourth, tagged, which sits on the table's second page.
const app = ownHost('mira-e2e-episode-facets-', { sandbox: false }, async (core) => {
  await seedManyEpisodes(core, 250);
  await core.store.tasks.upsert({ id: 'old-post', source: 'sandbox', sites: ['forum'], intent: 'Post about it', startUrl: 'http://x/', config: {}, split: 'test', family: 'forum/create-post' });
  await core.store.episodes.create({ id: 'old-episode', runId: null, taskId: 'old-post', policy: 'oracle', seed: 0, createdAt: '2025-12-31T00:00:00Z' });
  await core.store.episodes.annotate('old-episode', null, ['look-again']);
});

test('the Family and Tag filters offer what only later pages hold, and filter to it', async ({ page }) => {
  await page.goto(app.host.loginUrl);
  await expect(page.getByTestId('filter-count')).toHaveText('251 of 251 episodes');
  const study = page.getByRole('search', { name: 'Study filters' });
  await expect(study.getByLabel('Family').locator('option')).toContainText(['forum/create-post']);
  await expect(study.getByLabel('Tag').locator('option')).toContainText(['look-again']);
  await expect(page.locator('[data-testid="episode-row"][aria-rowindex="252"]')).toHaveCount(0);

  await study.getByLabel('Family').selectOption('forum/create-post');
  await expect(page.getByTestId('episode-row')).toHaveCount(1);
  await expect(page.getByTestId('episode-row').first()).toContainText('forum/create-post');
  // Choosing one family does not take the others off the list.
  await expect(study.getByLabel('Family').locator('option')).toContainText(['admin/bench', 'code/bench', 'forum/create-post', 'shop/bench']);
});
