// Closed lists a run's config names, as data in the contract (issue 19): the run config schema (run-config.ts)
// validates against them, and the modules that implement each option (agent/observation-view.ts,
// agent/screenshot-capture.ts, eval/miniwob-reward.ts) take their types from here, so the two cannot drift.

/** Observation formats a policy can ask for (docs/design/WEBARENA.md §3). */
export const OBSERVATION_FORMATS = ['axtree', 'webrl-html', 'som'] as const;
export type ObservationFormat = (typeof OBSERVATION_FORMATS)[number];

/** Which steps of an episode keep a screenshot. */
export const SCREENSHOT_CAPTURES = ['all', 'first-last', 'low', 'none'] as const;
export type ScreenshotCapture = (typeof SCREENSHOT_CAPTURES)[number];

/** When a MiniWoB++ episode counts as a success (docs/design/WEBARENA.md §5). */
export const MINIWOB_SUCCESS_RULES = ['browsergym', 'miniwob'] as const;
export type MiniWobSuccessRule = (typeof MINIWOB_SUCCESS_RULES)[number];
