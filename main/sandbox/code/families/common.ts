// The code site's binding of the family kit (../../family-kit.ts), plus the oracle paths and URL patterns
// that several code families share.
import { clickLink, defineFamily, escapeRegex, typeInto, type FamilySpec } from '../../family-kit';
import { SITE_SLOTS } from '../../site';
import type { OracleStep, TaskFamily } from '../../types';
import { getCodeData, type CodeData, type Project } from '../data';

export * from '../../family-kit';
export const GITLAB = SITE_SLOTS.code.placeholder;
const PREFIX = SITE_SLOTS.code.prefix;

export function defineCodeFamily<P>(spec: FamilySpec<CodeData, P>): TaskFamily {
  return defineFamily('code', getCodeData, spec);
}

/** The project's URL with the placeholder, plus an optional sub-path such as `/-/issues`. */
export const projectUrl = (p: Project, sub = ''): string => `${GITLAB}/${p.fullPath}${sub}`;

/** Regex for a project page (after the prefix): `sub` '' is the overview, else e.g. '/-/issues'. */
export const projectPattern = (p: Project, sub = ''): string => `${PREFIX}/${escapeRegex(p.fullPath)}${escapeRegex(sub)}([?#]|$)`;

/** Regex for any issue page of the project. */
export const issuePagePattern = (p: Project): string => `${PREFIX}/${escapeRegex(p.fullPath)}/-/issues/\\d+([?#]|$)`;

/** Regex for a page under `path` whose query has key=value (a space may be encoded as + or %20). */
export const queryPattern = (path: string, key: string, value: string | number): string =>
  `${PREFIX}${escapeRegex(path)}\\?(.*&)?${escapeRegex(key)}=${encodeURIComponent(String(value)).split('%20').map(escapeRegex).join('(\\+|%20)')}(&|#|$)`;

/** From any page: the top bar's project search, then the project's link in the results. */
export function openProject(p: Project): OracleStep[] {
  return [typeInto('Search projects', p.name, true), clickLink(p.name)];
}

/** Display name of a user. */
export const nameOf = (data: CodeData, username: string): string => data.userByName.get(username)?.name ?? username;

/** The unique maximum of `items` by `score`, or undefined when the top is tied or the list is empty. */
export function uniqueMax<T>(items: T[], score: (x: T) => number): T | undefined {
  if (items.length === 0) return undefined;
  const sorted = items.slice().sort((a, b) => score(b) - score(a));
  return sorted.length === 1 || score(sorted[0]) > score(sorted[1]) ? sorted[0] : undefined;
}
