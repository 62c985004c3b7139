import { describe, expect, it } from 'vitest';
import { describeAction as describeWith } from '../../renderer/src/features/replay/action-label';
import { findElement } from '../../main/services/acted-element';
import type { Action } from '../../main/api/types';
import { frameOfVerdict, verdictsAtFrame } from '../../renderer/src/features/replay/milestones';
import type { StepRecord } from '../../main/api/types';
import type { VerdictRecord } from '../../main/api/contract';

const OBSERVATION = [
  "RootWebArea 'One Stop Market'",
  "\t[12] textbox 'Search' required: False",
  "\t[58] link 'My Cart'",
  "\t\t[59] button 'Sam\\'s pick'",
  "\t[60] StaticText ''",
].join('\n');

// The core finds the acted element in the step's observation (main/services/acted-element.ts) and sends it with
// the step; the replay labels the action with it.
const describeAction = (text: string, action: Action | null, observation: string | null) =>
  describeWith(text, action, observation !== null && action?.elementId !== undefined ? findElement(observation, action.elementId) : null);

describe('describeAction', () => {
  it('names the element by the role and name the observation gives its id', () => {
    expect(findElement(OBSERVATION, '58')).toEqual({ role: 'link', name: 'My Cart' });
    expect(describeAction('click [58]', { type: 'click', elementId: '58' }, OBSERVATION)).toBe("click [58] link 'My Cart'");
  });

  it('keeps typed text, unescapes quotes in names and does not match an id that is a prefix of another', () => {
    expect(describeAction('type [12] [shoes] [1]', { type: 'type', elementId: '12', text: 'shoes' }, OBSERVATION)).toBe(`type [12] textbox 'Search' "shoes"`);
    expect(describeAction('hover [59]', { type: 'hover', elementId: '59' }, OBSERVATION)).toBe("hover [59] button 'Sam's pick'");
    expect(findElement(OBSERVATION, '5')).toBeNull();
    expect(describeAction('click [60]', { type: 'click', elementId: '60' }, OBSERVATION)).toBe('click [60] StaticText');
  });

  it('leaves the text as written when there is no element, no observation or the id is not in it', () => {
    expect(describeAction('scroll [down]', { type: 'scroll', direction: 'down' }, OBSERVATION)).toBe('scroll [down]');
    expect(describeAction('click [58]', { type: 'click', elementId: '58' }, null)).toBe('click [58]');
    expect(describeAction('click [999]', { type: 'click', elementId: '999' }, OBSERVATION)).toBe('click [999]');
    expect(describeAction('garbage', null, OBSERVATION)).toBe('garbage');
  });
});

describe('verdicts beside the frame after the action they judge', () => {
  const steps = [0, 1, 2].map((t) => ({ t }) as StepRecord);
  const verdict = (t: number, k: number) => ({ t, subgoalIndex: k }) as VerdictRecord;
  const byStep = new Map([[0, [verdict(0, 0)]], [2, [verdict(2, 1)]]]);

  it('shows a verdict on step t at frame t + 1, and the last action\'s verdicts on the last frame', () => {
    expect(frameOfVerdict(0, 3)).toBe(1);
    expect(frameOfVerdict(2, 3)).toBe(2);
    expect(verdictsAtFrame(steps, byStep, 0)).toEqual([]);
    expect(verdictsAtFrame(steps, byStep, 1)).toEqual([verdict(0, 0)]);
    expect(verdictsAtFrame(steps, byStep, 2)).toEqual([verdict(2, 1)]);
  });
});
