// The folder order inside main/ (docs/design/ARCHITECTURE.md §4.1), lowest first: a folder may import its own
// layer and the layers below it, never one above. test/unit/layering.test.ts checks it on every run.

export const MAIN_LAYERS: readonly (readonly string[])[] = [
  // The contract main, electron and the renderer share: it can lean on nothing of main.
  ['api'],
  // Leaves that know no domain: seeded random numbers, the paths of bundled files, the event bus.
  ['random', 'resources', 'events'],
  // Prompts as data and templating over the bundled files.
  ['prompts'],
  // SQLite, blobs and every repository; it seeds the prompt table from prompts/.
  ['store'],
  // The page-level world: a Chromium pool and the built-in sites.
  ['browser', 'sandbox'],
  // What a task is, what an agent may do on a page, how an outcome is scored.
  ['tasks', 'actions', 'eval'],
  // Model clients and the settings and keys they read (peers: checking a key calls the provider).
  ['llm', 'settings'],
  // Reasoning over pages and episodes with LLMs and predicates.
  ['analysis', 'subgoals'],
  // The episode loop and the policies.
  ['agent'],
  // Runs: environments, scheduler, forks, the run's policies.
  ['runs'],
  // Learning from episodes that runs/ executes.
  ['training'],
  // Composition roots of long-lived services: inference, training jobs, the start-page read.
  ['services'],
  // createCore: wires one data directory.
  ['core'],
  // Entries.
  ['host', 'cli'],
];

export interface LayerException {
  /** Files or folders (prefixes of paths under main/) the import starts from. */
  from: readonly string[];
  /** Prefixes of the imported paths. */
  to: readonly string[];
  why: string;
}

/** The imports allowed to run against the order (≤ 2, issue 19), each with its reason. */
export const LAYER_EXCEPTIONS: readonly LayerException[] = [
  {
    from: ['agent/local-policy.ts', 'runs/policies.ts'],
    to: ['training/model/', 'training/answer/'],
    why: 'running the trained local policy needs its network and its action space, which are trained code and live with the trainer',
  },
];

export function isException(edge: { from: string; to: string }, exceptions: readonly LayerException[] = LAYER_EXCEPTIONS): LayerException | undefined {
  return exceptions.find((e) => e.to.some((t) => edge.to.startsWith(t)) && e.from.some((f) => edge.from.startsWith(f)));
}
