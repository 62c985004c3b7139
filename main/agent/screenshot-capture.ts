// Which steps of an episode keep a screenshot. Replay and runs started from the UI keep every frame
// ('all', the default); sweeps keep the opening and closing frames ('first-last'), enough to see where an
// episode started and ended; training rollouts keep a small low-quality frame per step ('low', browser/scaled-frames.ts:
// replayable at a fraction of the cost); 'none' keeps none. The observation
// text is stored for every step whatever the setting, so replay and export still work.
import type { ObservationFormat } from './observation-view';

import type { ScreenshotCapture } from '../api/run-options';
export { SCREENSHOT_CAPTURES, type ScreenshotCapture } from '../api/run-options';

/** Whether step t's observation screenshot is stored. 'first-last' stores step 0's here; the closing frame is
 * taken when the episode ends (episode-loop.ts), since only then is it known which step was the last. */
export function keepsScreenshotAt(capture: ScreenshotCapture, t: number): boolean {
  return capture === 'all' || (capture === 'first-last' && t === 0);
}

/** Whether the observation must take a screenshot: stored, or read by the policy (set-of-marks draws on it). */
export function takesScreenshotAt(capture: ScreenshotCapture, t: number, format: ObservationFormat | undefined): boolean {
  return keepsScreenshotAt(capture, t) || format === 'som';
}
