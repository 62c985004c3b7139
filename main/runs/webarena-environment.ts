import type { EpisodeEnvironment } from '../agent/episode-loop';
import type { TaskRecord } from '../api/types';
import type { SiteLogins } from '../tasks/site-login';
import { findPlaceholders, placeholderResolver, SITE_PLACEHOLDERS, type Placeholder, type SiteProfile } from '../tasks/site-profile';

// An imported WebArena / WebArena-Lite task runs against the user's own deployment: its placeholders
// (__SHOPPING__ …) are replaced from a site profile read from the environment, SHOPPING=… or WA_SHOPPING=…
// (docs/design/WEBARENA.md §1.2). Tasks with require_login / storage_state get their sites' session cookies
// from the per-site login step (main/tasks/site-login.ts) before the context opens.

/** Every placeholder a task needs: those its config mentions anywhere, plus those of the sites it names. */
export function placeholdersNeeded(task: TaskRecord): Placeholder[] {
  const fromSites = SITE_PLACEHOLDERS.filter((row) => row.site !== null && task.sites.includes(row.site)).map((row) => row.placeholder);
  const mentioned = findPlaceholders(JSON.stringify(task.config));
  return SITE_PLACEHOLDERS.map((row) => row.placeholder).filter((p) => fromSites.includes(p) || mentioned.includes(p));
}

/** Null when the profile has a URL for everything the task needs; otherwise which sites are missing and how
 * to set them, in one sentence. */
export function missingSitesProblem(task: TaskRecord, profile: SiteProfile): string | null {
  const missing = placeholdersNeeded(task).filter((p) => profile[p] === undefined);
  if (missing.length === 0) return null;
  const how = missing.map((p) => {
    const row = SITE_PLACEHOLDERS.find((r) => r.placeholder === p)!;
    return `${row.site ?? 'homepage'} (${p}: set ${row.env}=http://… or WA_${row.env}=http://…, usually port ${row.usualPort})`;
  });
  return `Task ${task.id} needs site URLs that are not configured: ${how.join('; ')}.`;
}

export function webArenaEnvironment(task: TaskRecord, profile: SiteProfile, logins?: SiteLogins): EpisodeEnvironment {
  const problem = missingSitesProblem(task, profile);
  if (problem) throw new Error(problem);
  return {
    resolveUrl: placeholderResolver(profile),
    cookies: [],
    login: logins ? () => logins.cookiesFor(task, profile) : undefined,
    dispose: async () => undefined,
  };
}
