import { useMemo, useRef } from 'react';
import type { StepRecord } from '../../../../main/api/types';

/** Steps read ahead in the direction a person is stepping, beyond the next one (issue 22: a held → key keeps
 * finding frames already decoded even when key presses come faster than one frame loads). */
const AHEAD = 2;

/** The steps whose frames and texts are fetched ahead of the step shown: the one before and the one after,
 * and once the person has stepped, `AHEAD` more in that direction. Opening an episode reads only the two
 * next to it (bytes per open), the read-ahead starts with the first step taken. */
export function useLookahead(frames: readonly (StepRecord | undefined)[], index: number): StepRecord[] {
  const last = useRef({ index, direction: 0 });
  if (last.current.index !== index) last.current = { index, direction: Math.sign(index - last.current.index) };
  const direction = last.current.direction;
  const wanted = [index - 1, index + 1];
  // Always the same number of slots (a hook's dependency list keeps its length); -1 names no step.
  for (let k = 2; k <= AHEAD; k++) wanted.push(direction === 0 ? -1 : index + k * direction);
  const picked = wanted.map((t) => (t >= 0 ? frames[t] : undefined));
  // A new array only when a step in it changes, so the prefetch effects run once per step.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  return useMemo(() => picked.filter((s): s is StepRecord => !!s), picked);
}
