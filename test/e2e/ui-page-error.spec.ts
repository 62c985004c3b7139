import { expect, test } from '@playwright/test';
import { e2eState } from './state';

// A page that throws while rendering (here: the host answers the runs list with a record the page does not
// expect, as a tab left open across a workbench update sees) must not take the whole app down with it.
test('a page that fails to render says so, keeps the top bar, and the other pages still open', async ({ page }) => {
  const { url } = e2eState();
  let corrupt = true;
  await page.routeWebSocket(/\/api$/, (ws) => {
    const server = ws.connectToServer();
    const runListCalls = new Set<number>();
    ws.onMessage((message) => {
      const data = JSON.parse(String(message));
      if (data.method === 'listRunSummaries' && corrupt) runListCalls.add(data.id);
      server.send(message);
    });
    server.onMessage((message) => {
      const data = JSON.parse(String(message));
      if (typeof data.id === 'number' && runListCalls.has(data.id)) ws.send(JSON.stringify({ id: data.id, result: [{ kind: 'manual', status: 'finished', config: {} }] }));
      else ws.send(message);
    });
  });
  await page.goto(`${url}/#/runs`);

  const problem = page.getByTestId('page-error');
  await expect(problem).toBeVisible();
  await expect(problem.getByRole('heading')).toHaveText('This page could not be shown');
  await expect(problem).toContainText('The other pages still work');
  await expect(page.getByRole('navigation', { name: 'Sections' })).toBeVisible();

  // Another page opens from the top bar; back on the broken one the message shows again, not a blank page.
  const nav = page.getByRole('navigation', { name: 'Sections' });
  await nav.getByRole('link', { name: 'Tasks' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sandbox tasks');
  await expect(problem).toHaveCount(0);
  await nav.getByRole('link', { name: 'Runs' }).click();
  await expect(problem).toBeVisible();

  // Once the host answers as the page expects, "Try again" shows the page, and "Open Episodes" leaves it.
  corrupt = false;
  await problem.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Runs');
  corrupt = true;
  await nav.getByRole('link', { name: 'Tasks' }).click();
  await nav.getByRole('link', { name: 'Runs' }).click();
  await expect(problem).toBeVisible();
  corrupt = false;
  await problem.getByRole('button', { name: 'Open Episodes' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Episodes');
});
