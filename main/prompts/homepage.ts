// The policy prompts' {{homepage}} slot: WebArena tells agents of cross-site tasks about a page listing every
// site. A benchmark without one (MiniWoB++, WebArena without HOMEPAGE set) must not show the agent a
// placeholder URL (issue 20), so the template's lines that mention the slot are left out instead.

const HOMEPAGE_LINE = /^.*\{\{\s*homepage\s*\}\}.*(?:\r?\n|$)/gm;

/** The template as it is rendered for these slots: unchanged when a homepage is given, else without the lines
 * that use {{homepage}} (and the slot set to '' so nothing else can print a placeholder). */
export function fitHomepage(template: string, slots: Record<string, string>): { template: string; slots: Record<string, string> } {
  if (!('homepage' in slots) || slots.homepage) return { template, slots };
  return { template: template.replace(HOMEPAGE_LINE, ''), slots: { ...slots, homepage: '' } };
}
