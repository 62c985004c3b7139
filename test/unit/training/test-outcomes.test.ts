import { describe, expect, it } from 'vitest';
import type { EpisodeRecord, StepRecord } from '../../../main/api/types';
import { testOutcomes, type StoredEpisodes } from '../../../main/training/study/test-outcomes';

// A phase's test episodes become study outcomes: the failure analyzer's category on the stored episode
// (docs/design/MIRA.md §1.1) and the milestones reached by the last recorded progress vector.
const click = (id: string) => ({ type: 'click', elementId: id }) as StepRecord['action'];
const episode = (id: string, success: boolean, stopReason: EpisodeRecord['stopReason']) => ({ id, taskId: `task-${id}`, success, stopReason, answer: null }) as EpisodeRecord;
const step = (episodeId: string, t: number, action: StepRecord['action']) => ({ episodeId, t, url: 'http://127.0.0.1/x', action, actionText: 'click', progress: null, value: null }) as StepRecord;

const store: StoredEpisodes = {
  episodes: { get: async (id) => ({ stuck: episode('stuck', false, 'max_steps'), stopped: episode('stopped', false, 'agent_stop') } as Record<string, EpisodeRecord>)[id] },
  steps: {
    list: async (id) => (id === 'stuck' ? [step(id, 0, click('4')), step(id, 1, click('7')), step(id, 2, click('7')), step(id, 3, click('7'))]
      : [step(id, 0, click('4')), step(id, 1, { type: 'stop', text: 'wrong' } as StepRecord['action'])]),
  },
};

describe('test outcomes of a phase', () => {
  it('classifies failures with the analyzer and counts milestones from the last progress vector', async () => {
    const out = await testOutcomes(store, [
      { taskId: 'a', success: true, episodeId: 'ok', steps: [{ progressAfter: [1, 0, 0] }, { progressAfter: [1, 1, 1] }] },
      { taskId: 'b', success: false, episodeId: 'stuck', steps: [{ progressAfter: [1, 0, 0] }, { progressAfter: null }] },
      { taskId: 'c', success: false, episodeId: 'stopped', steps: [{ progressAfter: null }] },
      { taskId: 'd', success: false, steps: [] },
    ]);
    expect(out).toEqual([
      { taskId: 'a', success: true, failureMode: null, milestones: 3, milestonesTotal: 3, steps: 2 },
      { taskId: 'b', success: false, failureMode: 'stuck_midway', milestones: 1, milestonesTotal: 3, steps: 2 },
      { taskId: 'c', success: false, failureMode: 'wrong_termination', milestones: 0, milestonesTotal: 0, steps: 1 },
      // No stored episode to analyse: counted, as "others".
      { taskId: 'd', success: false, failureMode: 'others', milestones: 0, milestonesTotal: 0, steps: 0 },
    ]);
  });
});
