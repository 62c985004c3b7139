import { expect, test } from '@playwright/test';
import { contentSecurityPolicy } from '../../renderer/csp';
import { e2eState } from './state';

// One Content-Security-Policy per build mode (issue 14): the built page carries exactly one, the production
// policy, and Chromium enforces it (an inline script does not run).
test('the built renderer carries exactly the production CSP, and Chromium enforces it', async ({ page }) => {
  const { url } = e2eState();
  const violations: string[] = [];
  page.on('console', (m) => m.type() === 'error' && /Content Security Policy/.test(m.text()) && violations.push(m.text()));
  await page.goto(`${url}/`);
  const policies = await page.locator('meta[http-equiv="Content-Security-Policy"]').evaluateAll((metas) => metas.map((m) => m.getAttribute('content')));
  expect(policies).toEqual([contentSecurityPolicy('prod')]);
  await expect(page.getByRole('navigation', { name: 'Sections' })).toBeVisible();
  expect(violations).toEqual([]); // the app itself needs nothing the policy forbids
  const ranInline = await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.__inlineRan = true';
    document.body.append(script);
    return (window as unknown as { __inlineRan?: boolean }).__inlineRan === true;
  });
  expect(ranInline).toBe(false);
});
