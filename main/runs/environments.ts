import type { EpisodeEnvironment } from '../agent/episode-loop';
import type { SandboxServer } from '../sandbox/server';

/** Replaces WebArena's site placeholders (`__SHOPPING__`, …) in a URL or text. Longest first, so
 * `__SHOPPING_ADMIN__` is never read as `__SHOPPING__` + `ADMIN__`. */
export function placeholderResolver(placeholders: Record<string, string>): (text: string) => string {
  const keys = Object.keys(placeholders).sort((a, b) => b.length - a.length);
  return (text) => keys.reduce((out, key) => out.split(key).join(placeholders[key]), text);
}

/** A sandbox episode: its own copy of the site state, bound to the browser context by a cookie. */
export function sandboxEnvironment(server: SandboxServer): EpisodeEnvironment {
  const state = server.createEpisodeState();
  return {
    resolveUrl: placeholderResolver(server.placeholders()),
    cookies: [state.cookie],
    checkState: (check, args) => server.checkState(state.stateId, check, args),
    dispose: async () => server.dropEpisodeState(state.stateId),
  };
}
