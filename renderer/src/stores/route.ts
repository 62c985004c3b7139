/** Selection lives in the URL hash so a step can be linked and a reload restores it:
 * `#/` (episode list) or `#/episode/<id>/step/<t>`. */
export type Route =
  | { view: 'episodes' }
  | { view: 'runs' }
  | { view: 'tasks' }
  | { view: 'settings' }
  | { view: 'prompts'; name: string | null }
  | { view: 'subgoals'; taskId: string | null; version?: number }
  | { view: 'training' }
  | { view: 'run'; runId: string }
  | { view: 'replay'; episodeId: string; step: number }
  | { view: 'compare'; left: string; right: string; step: number }
  | { view: 'compare-runs'; left: string; right: string }
  | { view: 'compare-jobs'; left: string; right: string };

export function parseRoute(hash: string): Route {
  const match = /^#\/episode\/([^/]+)(?:\/step\/(\d+))?/.exec(hash);
  if (match) return { view: 'replay', episodeId: decodeURIComponent(match[1]), step: Number(match[2] ?? 0) };
  const compare = /^#\/compare\/([^/]+)\/([^/]+)(?:\/step\/(\d+))?/.exec(hash);
  if (compare) return { view: 'compare', left: decodeURIComponent(compare[1]), right: decodeURIComponent(compare[2]), step: Number(compare[3] ?? 0) };
  const pair = /^#\/compare-(runs|jobs)\/([^/]+)\/([^/]+)/.exec(hash);
  if (pair) return { view: pair[1] === 'runs' ? 'compare-runs' : 'compare-jobs', left: decodeURIComponent(pair[2]), right: decodeURIComponent(pair[3]) };
  const run = /^#\/run\/([^/]+)/.exec(hash);
  if (run) return { view: 'run', runId: decodeURIComponent(run[1]) };
  const prompts = /^#\/prompts(?:\/([^/]+))?/.exec(hash);
  if (prompts) return { view: 'prompts', name: prompts[1] ? decodeURIComponent(prompts[1]) : null };
  // `#/subgoals/<task>?v=<n>` opens that version (the replay lane's "edit").
  const subgoals = /^#\/subgoals(?:\/([^?]+))?(?:\?v=(\d+))?/.exec(hash);
  if (subgoals) return { view: 'subgoals', taskId: subgoals[1] ? decodeURIComponent(subgoals[1]) : null, ...(subgoals[2] ? { version: Number(subgoals[2]) } : {}) };
  if (hash.startsWith('#/training')) return { view: 'training' };
  if (hash.startsWith('#/runs')) return { view: 'runs' };
  if (hash.startsWith('#/tasks')) return { view: 'tasks' };
  if (hash.startsWith('#/settings')) return { view: 'settings' };
  return { view: 'episodes' };
}

export function formatRoute(route: Route): string {
  switch (route.view) {
    case 'replay': return `#/episode/${encodeURIComponent(route.episodeId)}/step/${route.step}`;
    case 'run': return `#/run/${encodeURIComponent(route.runId)}`;
    case 'runs': return '#/runs';
    case 'tasks': return '#/tasks';
    case 'settings': return '#/settings';
    case 'prompts': return route.name ? `#/prompts/${encodeURIComponent(route.name)}` : '#/prompts';
    case 'subgoals': return route.taskId ? `#/subgoals/${encodeURIComponent(route.taskId)}${route.version ? `?v=${route.version}` : ''}` : '#/subgoals';
    case 'training': return '#/training';
    case 'compare': return `#/compare/${encodeURIComponent(route.left)}/${encodeURIComponent(route.right)}/step/${route.step}`;
    case 'compare-runs': return `#/compare-runs/${encodeURIComponent(route.left)}/${encodeURIComponent(route.right)}`;
    case 'compare-jobs': return `#/compare-jobs/${encodeURIComponent(route.left)}/${encodeURIComponent(route.right)}`;
    default: return '#/';
  }
}
