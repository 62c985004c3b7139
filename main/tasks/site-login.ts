// The per-site login step for WebArena tasks: logs into each site a task needs, once per site and base URL,
// and hands the session cookies to every episode's fresh browser context. A task whose config names a
// storage_state file that exists (the original harness's ./.auth/*.json) uses that file instead.
import { readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { BrowserContext, Locator, Page } from 'playwright';
import type { TaskRecord } from '../api/types';
import type { BrowserPool, SessionCookie } from '../browser/pool';
import { accountFor, recipeFor, type LoginLocator, type LoginRecipe } from './login-recipes';
import { SITE_PLACEHOLDERS, type SiteProfile } from './site-profile';
import { loginNeedOf } from './webarena-loader';

export class LoginError extends Error {}

/** Session cookies stay valid far longer than a run; re-login after this to be safe. */
const COOKIE_TTL_MS = 30 * 60_000;

function locate(page: Page, at: LoginLocator): Locator {
  if ('label' in at) return page.getByLabel(at.label, { exact: true });
  if ('placeholder' in at) return page.getByPlaceholder(at.placeholder, { exact: true });
  if ('testId' in at) return page.getByTestId(at.testId);
  return page.getByRole(at.role, { name: at.name, exact: true });
}

/** Runs one recipe in a context; throws LoginError saying which site, which step and what was seen. */
export async function performLogin(context: BrowserContext, recipe: LoginRecipe, baseUrl: string, env?: Record<string, string | undefined>): Promise<void> {
  const account = accountFor(recipe, env);
  const page = await context.newPage();
  const step = async (what: string, run: () => Promise<unknown>) => {
    try {
      await run();
    } catch (err) {
      throw new LoginError(`Logging into ${recipe.site} at ${baseUrl} failed at "${what}" (page ${page.url()}): ${(err as Error).message.split('\n')[0]}`);
    }
  };
  try {
    await step('open the login page', () => page.goto(baseUrl + recipe.loginPath, { timeout: 30_000 }));
    if (recipe.open) await step('open the login form', () => locate(page, recipe.open!).click({ timeout: 10_000 }));
    await step('fill the username', () => locate(page, recipe.username).fill(account.username, { timeout: 10_000 }));
    await step('fill the password', () => locate(page, recipe.password).fill(account.password, { timeout: 10_000 }));
    await step('submit', () => Promise.all([page.waitForLoadState('load'), locate(page, recipe.submit).click({ timeout: 10_000 })]));
    await page.waitForLoadState('load');
    if (page.url().includes(recipe.failedIfUrlContains)) {
      throw new LoginError(`Logging into ${recipe.site} at ${baseUrl} as ${account.username} failed: still on the login page (${page.url()}). ` +
        `Check the account (${recipe.env}_USERNAME / ${recipe.env}_PASSWORD).`);
    }
  } finally {
    await page.close().catch(() => undefined);
  }
}

/** Logs into sites on demand and remembers the cookies per (site, base URL). */
export class SiteLogins {
  private readonly cache = new Map<string, { at: number; cookies: Promise<SessionCookie[]> }>();

  constructor(private readonly pool: BrowserPool, private readonly env: Record<string, string | undefined> = process.env) {}

  /** The cookies an episode of this task starts with (empty when it needs no login). */
  async cookiesFor(task: TaskRecord, profile: SiteProfile): Promise<SessionCookie[]> {
    const need = loginNeedOf(task);
    if (need.storageState) {
      const fromFile = await readStorageState(need.storageState, this.env);
      if (fromFile) return fromFile;
    }
    const sites = need.requireLogin ? need.loginSites : need.storageStateSites;
    const lists = await Promise.all(sites.map((site) => this.cookiesForSite(site, profile)));
    return lists.flat();
  }

  private cookiesForSite(site: string, profile: SiteProfile): Promise<SessionCookie[]> {
    const recipe = recipeFor(site);
    const placeholder = SITE_PLACEHOLDERS.find((p) => p.site === site)?.placeholder;
    const baseUrl = placeholder ? profile[placeholder] : undefined;
    if (!recipe || !baseUrl) return Promise.resolve([]);
    const key = `${site} ${baseUrl}`;
    const hit = this.cache.get(key);
    if (hit && Date.now() - hit.at < COOKIE_TTL_MS) return hit.cookies;
    const cookies = this.login(recipe, baseUrl);
    this.cache.set(key, { at: Date.now(), cookies });
    cookies.catch(() => this.cache.delete(key)); // a failed login is retried by the next episode
    return cookies;
  }

  private async login(recipe: LoginRecipe, baseUrl: string): Promise<SessionCookie[]> {
    const session = await this.pool.newSession();
    try {
      await performLogin(session.context, recipe, baseUrl, this.env);
      return await session.context.cookies();
    } finally {
      await session.close();
    }
  }
}

/** Larger than any login state (cookies and local storage of a few sites). */
const MAX_STORAGE_STATE_BYTES = 16 * 1024 * 1024;

/** Cookies from a Playwright storage_state file in the auth folder (WEBARENA_AUTH_DIR, else ./.auth under the working
 * directory, where the original harness writes them); null when the file is absent, so the recipes log in instead. */
async function readStorageState(path: string, env: Record<string, string | undefined>): Promise<SessionCookie[] | null> {
  // The folder itself, not the working directory: a desktop app started from a launcher runs in / or $HOME, where
  // "inside the working directory" would admit any file of the user's.
  const base = resolve(env.WEBARENA_AUTH_DIR ?? join(process.cwd(), '.auth'));
  const full = resolve(base, path.replace(/^(\.\/)?\.auth\//, ''));
  // The path is the task file's: only the auth folder's files, never any JSON file of the user's (its cookies
  // would go to the pages the task drives). resolve(base, 'x') minus the x is the folder with its separator.
  if (!full.startsWith(resolve(base, 'x').slice(0, -1))) {
    throw new LoginError(`storage_state "${path}" names a file outside the auth folder ${base}; keep login states there (WEBARENA_AUTH_DIR).`);
  }
  const info = await stat(full).catch(() => null);
  if (!info) return null;
  // A device or FIFO would never finish reading; a login state is a few kilobytes.
  if (!info.isFile() || info.size > MAX_STORAGE_STATE_BYTES) {
    throw new LoginError(`storage_state "${path}" is not a login state file (${info.isFile() ? `${info.size} bytes` : 'not a regular file'}).`);
  }
  let text: string;
  try {
    text = await readFile(full, 'utf8');
  } catch {
    return null;
  }
  try {
    const parsed = JSON.parse(text) as { cookies?: SessionCookie[] };
    return Array.isArray(parsed.cookies) ? parsed.cookies : [];
  } catch (err) {
    throw new LoginError(`The storage_state file ${full} is not valid JSON: ${(err as Error).message}`);
  }
}
