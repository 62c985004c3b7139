// Site profiles: where a user's WebArena sites live (docs/design/WEBARENA.md §1.2). Task configs name sites
// by placeholders such as __SHOPPING__, replaced as plain text with base URLs. Users set them as
// SHOPPING=… (WebArena's spelling) or WA_SHOPPING=… (BrowserGym's); the sandbox supplies its own profile.

/** Placeholder table. Order matters for replacement: __SHOPPING_ADMIN__ comes before __SHOPPING__. */
export const SITE_PLACEHOLDERS = [
  { placeholder: '__SHOPPING_ADMIN__', env: 'SHOPPING_ADMIN', site: 'shopping_admin', usualPort: 7780 },
  { placeholder: '__SHOPPING__', env: 'SHOPPING', site: 'shopping', usualPort: 7770 },
  { placeholder: '__REDDIT__', env: 'REDDIT', site: 'reddit', usualPort: 9999 },
  { placeholder: '__GITLAB__', env: 'GITLAB', site: 'gitlab', usualPort: 8023 },
  { placeholder: '__MAP__', env: 'MAP', site: 'map', usualPort: 3000 },
  { placeholder: '__WIKIPEDIA__', env: 'WIKIPEDIA', site: 'wikipedia', usualPort: 8888 },
  { placeholder: '__HOMEPAGE__', env: 'HOMEPAGE', site: null, usualPort: 4399 },
] as const;

export type Placeholder = (typeof SITE_PLACEHOLDERS)[number]['placeholder'];

/** Placeholder → base URL (no trailing slash). Sites a user has not deployed are simply absent. */
export type SiteProfile = Partial<Record<Placeholder, string>>;

export class SiteProfileError extends Error {}

/** Reads a profile from environment variables. The plain spelling (SHOPPING) wins over BrowserGym's
 * (WA_SHOPPING) when both are set. Trailing slashes are dropped so "__SHOPPING__/path" stays clean. */
export function siteProfileFromEnv(env: Record<string, string | undefined> = process.env): SiteProfile {
  const profile: SiteProfile = {};
  for (const { placeholder, env: name } of SITE_PLACEHOLDERS) {
    const [source, raw] = [[name, env[name]], [`WA_${name}`, env[`WA_${name}`]]].find(([, v]) => v !== undefined && v.trim() !== '') ?? [];
    if (raw === undefined || source === undefined) continue;
    const value = raw.trim().replace(/\/+$/, '');
    if (!/^https?:\/\/[^/\s]+/.test(value)) {
      throw new SiteProfileError(`${source}="${raw}" is not an http(s) URL (expected something like http://localhost:${portOf(placeholder)})`);
    }
    profile[placeholder] = value;
  }
  return profile;
}

const portOf = (p: Placeholder) => SITE_PLACEHOLDERS.find((s) => s.placeholder === p)?.usualPort;

/** The placeholders a text mentions, in table order. */
export function findPlaceholders(text: string): Placeholder[] {
  return SITE_PLACEHOLDERS.map((s) => s.placeholder).filter((p) => text.includes(p));
}

export class UnresolvedPlaceholderError extends Error {
  constructor(readonly placeholders: Placeholder[], readonly text: string) {
    const how = placeholders.map((p) => {
      const row = SITE_PLACEHOLDERS.find((s) => s.placeholder === p)!;
      return `${row.env}=… (or WA_${row.env}=…)`;
    });
    super(`unresolved placeholders ${placeholders.join(', ')} in "${text.length > 120 ? `${text.slice(0, 120)}…` : text}": ` +
      `the site profile has no URL for them; set ${how.join(', ')}`);
  }
}

/** Replaces every placeholder the profile knows; throws UnresolvedPlaceholderError listing the ones left. */
export function applyPlaceholders(text: string, profile: SiteProfile): string {
  let out = text;
  for (const { placeholder } of SITE_PLACEHOLDERS) {
    const url = profile[placeholder];
    if (url !== undefined) out = out.replaceAll(placeholder, url);
  }
  const left = findPlaceholders(out);
  if (left.length > 0) throw new UnresolvedPlaceholderError(left, text);
  return out;
}

/** The resolver evaluateEpisode takes as ctx.placeholders. */
export function placeholderResolver(profile: SiteProfile): (s: string) => string {
  return (s) => applyPlaceholders(s, profile);
}
