import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseWebArenaJson } from '../../main/tasks';
import { accountFor, LOGIN_RECIPES, recipeFor } from '../../main/tasks/login-recipes';
import { startLoginSites, type LoginSites } from '../fixtures/login-sites';
import { openTestCore, useCore } from '../helpers/use-core';

// Issue 3: require_login / storage_state are handled by a per-site login step. Against a loopback stand-in
// for the storefront and GitLab login pages, a task that requires a login starts on a protected page
// already logged in (one login per site, shared by every episode), and a wrong account is reported clearly.
let sites: LoginSites;
beforeAll(async () => {
  sites = await startLoginSites();
});
afterAll(async () => {
  await sites?.close();
});
// Registered after the login sites' hooks: opened once they listen, closed before they stop.
const core = useCore(() => ({ sandbox: false, siteProfile: { __SHOPPING__: `${sites.url}/shop`, __GITLAB__: `${sites.url}/gitlab` } }));

const task = (id: number, site: string, startUrl: string, requireLogin: boolean) => ({
  task_id: id, sites: [site], require_login: requireLogin, storage_state: requireLogin ? `./.auth/${site}_state.json` : null, start_url: startUrl,
  intent: 'Open the page.', eval: { eval_types: ['url_match'], reference_answers: null, reference_url: startUrl, url_note: 'GOLD in PRED' },
});

async function importTasks(configs: unknown[]): Promise<string[]> {
  const { tasks, errors } = parseWebArenaJson(JSON.stringify(configs), 'login.json');
  expect(errors).toEqual([]);
  for (const t of tasks) await core.store.tasks.upsert(t);
  return tasks.map((t) => t.id);
}

describe('per-site login for WebArena tasks', () => {
  it('has a recipe and a default account for every site with accounts, overridable from the environment', () => {
    expect(LOGIN_RECIPES.map((r) => r.site).sort()).toEqual(['gitlab', 'reddit', 'shopping', 'shopping_admin']);
    expect(accountFor(recipeFor('gitlab')!, {})).toEqual({ username: 'byteblaze', password: 'hello1234' });
    expect(accountFor(recipeFor('shopping')!, { WA_SHOPPING_USERNAME: 'me@x.org', SHOPPING_PASSWORD: 'pw' })).toEqual({ username: 'me@x.org', password: 'pw' });
  });

  it('logs in once per site and starts every episode on the protected page already signed in', { timeout: 120_000 }, async () => {
    const ids = await importTasks([
      task(801, 'shopping', '__SHOPPING__/wishlist/', true),
      task(802, 'shopping', '__SHOPPING__/wishlist/', true),
      task(803, 'gitlab', '__GITLAB__/dashboard/todos', true),
    ]);
    const { done } = await core.run({ taskIds: ids, policy: 'do-nothing', scheduler: { concurrency: 1 } });
    const episodes = await done;
    for (const episode of episodes) {
      const [first] = await core.store.steps.list(episode.id);
      const text = await core.store.blobs.getText(first.observationRef!);
      expect(text).toMatch(episode.taskId.endsWith('803') ? /Signed in as @byteblaze/ : /Welcome, Emma Lopez!/);
      expect(first.url).not.toMatch(/login|sign_in/);
    }
    expect(sites.logins).toEqual({ shopping: 1, gitlab: 1 });
  });

  it('without require_login the protected page bounces to the login form', { timeout: 60_000 }, async () => {
    const ids = await importTasks([task(804, 'shopping', '__SHOPPING__/wishlist/', false)]);
    const [episode] = await (await core.run({ taskIds: ids, policy: 'do-nothing' })).done;
    const [first] = await core.store.steps.list(episode.id);
    expect(first.url).toMatch(/customer\/account\/login/);
  });

  it('reports a login that fails with the site, the account and what to set', { timeout: 60_000 }, async () => {
    process.env.GITLAB_PASSWORD = 'wrong';
    try {
      const other = await openTestCore({ sandbox: false, siteProfile: { __GITLAB__: `${sites.url}/gitlab` } });
      try {
        const { tasks } = parseWebArenaJson(JSON.stringify([task(805, 'gitlab', '__GITLAB__/dashboard/todos', true)]), 'x.json');
        await other.store.tasks.upsert(tasks[0]);
        const [episode] = await (await other.run({ taskIds: [tasks[0].id], policy: 'do-nothing', scheduler: { infraRetries: 0 } })).done;
        expect(episode.stopReason).toBe('browser_error');
        expect(episode.outcome).toContain('Logging into gitlab at');
        expect(episode.outcome).toContain('as byteblaze failed: still on the login page');
        expect(episode.outcome).toContain('GITLAB_USERNAME / GITLAB_PASSWORD');
      } finally {
        await other.close();
      }
    } finally {
      delete process.env.GITLAB_PASSWORD;
    }
  });
});
