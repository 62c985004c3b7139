import { describe, expect, it } from 'vitest';
import type { TaskRecord } from '../../../main/api/types';
import { scoreTask, scoringPlanFor } from '../../../main/eval/score-task';
import { recordTaskStart } from '../../../main/tasks/miniwob/task-page';
import { placeholders, task } from './helpers';

// eval/score-task.ts is the one place that picks a task's scorer (issue 19). Hand-picked tasks, one per kind.
const stringMatch = task({ eval_types: ['string_match'], reference_answers: { exact_match: 'Yes' } });
const sandboxTask: Pick<TaskRecord, 'source' | 'config'> = { source: 'sandbox', config: stringMatch };
const importedFull: Pick<TaskRecord, 'source' | 'config'> = { source: 'webarena', config: stringMatch };
// WebArena-Lite configs keep their original id as old_task_id; they score under the vab-lite profile.
const importedLite: Pick<TaskRecord, 'source' | 'config'> = { source: 'webarena', config: { ...stringMatch, old_task_id: 7 } };
const miniwobTask: Pick<TaskRecord, 'source' | 'config'> = { source: 'miniwob', config: { miniwob_task: 'click-button' } };

/** A MiniWoB++ task page as the scorer reads it: its reward globals. */
function miniwobPage(done: boolean, raw: number) {
  return {
    url: () => 'http://127.0.0.1/miniwob/click-button.html',
    goto: async () => undefined,
    content: async () => '',
    async evaluate<T>(expression: string): Promise<T> {
      if (expression.includes('WOB_DONE_GLOBAL')) return { done, raw, reason: null } as T;
      return 'Click on the button.' as T;
    },
  };
}
const noPage = { url: () => 'http://shop.test:7770/', goto: async () => undefined, content: async () => '', evaluate: async <T>() => undefined as T };
const answered = (answer: string | null) => ({ answer, finalUrl: 'http://shop.test:7770/', page: noPage, resolveUrl: placeholders });

describe('scoringPlanFor', () => {
  it('scores a sandbox task with the original WebArena rules and no settle wait', () => {
    expect(scoringPlanFor(sandboxTask, 'browsergym')).toEqual({ scorer: 'webarena', profile: 'webarena', settleMs: 0 });
  });

  it("scores a MiniWoB++ task by the page's reward under the run's success rule", () => {
    expect(scoringPlanFor(miniwobTask, 'browsergym')).toEqual({ scorer: 'miniwob', rule: 'browsergym' });
    expect(scoringPlanFor(miniwobTask, 'miniwob')).toEqual({ scorer: 'miniwob', rule: 'miniwob' });
  });

  it("scores an imported WebArena task by its own profile, with the evaluator's settle wait", () => {
    expect(scoringPlanFor(importedFull, 'browsergym')).toEqual({ scorer: 'webarena', profile: 'webarena' });
    expect(scoringPlanFor(importedLite, 'browsergym')).toEqual({ scorer: 'webarena', profile: 'vab-lite' });
  });
});

describe('scoreTask', () => {
  it('runs the WebArena evaluator on a sandbox task and records the profile it used', async () => {
    const right = await scoreTask(sandboxTask, answered('Yes'), 'browsergym');
    expect(right).toMatchObject({ profile: 'webarena', success: true, score: 1 });
    expect((await scoreTask(sandboxTask, answered('No'), 'browsergym')).success).toBe(false);
  });

  it('scores an imported WebArena-Lite task under vab-lite', async () => {
    expect(await scoreTask(importedLite, answered('Yes'), 'browsergym')).toMatchObject({ profile: 'vab-lite', success: true });
  });

  it('hands a fuzzy_match task to the judge it is given; without one the check says a judge is required', async () => {
    const fuzzy: Pick<TaskRecord, 'source' | 'config'> = { source: 'webarena', config: { ...task({ eval_types: ['string_match'], reference_answers: { fuzzy_match: ['blue'] } }), old_task_id: 1 } };
    const asked: string[] = [];
    const judge = { judge: async (p: { reference: string }) => { asked.push(p.reference); return 'correct' as const; } };
    expect(await scoreTask(fuzzy, { ...answered('Blue'), judge }, 'browsergym')).toMatchObject({ success: true });
    expect(asked).toEqual(['blue']);
    const unjudged = await scoreTask(fuzzy, answered('Blue'), 'browsergym');
    expect(unjudged.success).toBe(false);
    expect(unjudged.checks[0].note).toContain('an LLM judge is required');
  });

  it('reads the MiniWoB++ reward: 0.5 passes under BrowserGym, not under the miniwob package', async () => {
    const page = miniwobPage(true, 0.5);
    // The episode started the task in this tab (BrowserGym scores only that tab, on the task's URL).
    recordTaskStart(page, { url: page.url(), seed: 1, pageSeed: 1 });
    const ctx = { answer: null, finalUrl: page.url(), page, resolveUrl: (s: string) => s };
    expect(await scoreTask(miniwobTask, ctx, 'browsergym')).toMatchObject({ profile: 'miniwob/browsergym', success: true, score: 0.5 });
    expect(await scoreTask(miniwobTask, ctx, 'miniwob')).toMatchObject({ profile: 'miniwob/miniwob', success: false, score: 0.5 });
  });
});
