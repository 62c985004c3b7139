/** Selection lives in the URL hash so a step can be linked and a reload restores it:
 * `#/` (episode list) or `#/episode/<id>/step/<t>`. */
export type Route = { view: 'episodes' } | { view: 'replay'; episodeId: string; step: number };

export function parseRoute(hash: string): Route {
  const match = /^#\/episode\/([^/]+)(?:\/step\/(\d+))?/.exec(hash);
  if (match) return { view: 'replay', episodeId: decodeURIComponent(match[1]), step: Number(match[2] ?? 0) };
  return { view: 'episodes' };
}

export function formatRoute(route: Route): string {
  return route.view === 'replay' ? `#/episode/${encodeURIComponent(route.episodeId)}/step/${route.step}` : '#/';
}
