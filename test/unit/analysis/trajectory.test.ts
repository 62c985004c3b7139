import { describe, expect, it } from 'vitest';
import type { EpisodeRecord, StepRecord } from '../../../main/api/types';
import { actionKey, actionLabel, assertAnalyzedEpisode, toAnalyzedEpisode, urlPath } from '../../../main/analysis/trajectory';
import { click, episode } from './build';

describe('actionKey', () => {
  it('gives identical keys for the same action however its optional defaults are spelled', () => {
    // WebArena's `type` presses Enter unless told otherwise: undefined and true are the same action.
    expect(actionKey({ type: 'type', elementId: '3', text: 'shoes' })).toBe(actionKey({ type: 'type', elementId: '3', text: 'shoes', pressEnter: true }));
    // Whitespace in text is normalised; the key lists fields in a fixed order.
    expect(actionKey({ type: 'type', elementId: '3', text: '  red   shoes ' })).toBe('type id=3 text="red shoes" enter=1');
    expect(actionKey({ type: 'click', elementId: '12' })).toBe('click id=12');
    expect(actionKey({ type: 'goto', url: ' http://x/a ' })).toBe('goto url=http://x/a');
    expect(actionKey({ type: 'scroll', direction: 'down' })).toBe('scroll dir=down');
    expect(actionKey({ type: 'tab_focus', tabIndex: 1 })).toBe('tab_focus tab=1');
    expect(actionKey({ type: 'press', key: 'Control+a' })).toBe('press key=Control+a');
  });

  it('distinguishes actions that do different things', () => {
    expect(actionKey(click('12'))).not.toBe(actionKey(click('13')));
    expect(actionKey({ type: 'type', elementId: '3', text: 'x', pressEnter: false })).not.toBe(actionKey({ type: 'type', elementId: '3', text: 'x' }));
    expect(actionKey({ type: 'type', elementId: '3', text: 'Foo' })).not.toBe(actionKey({ type: 'type', elementId: '3', text: 'foo' }));
    expect(actionKey({ type: 'scroll', direction: 'up' })).not.toBe(actionKey({ type: 'scroll', direction: 'down' }));
    expect(actionKey(null)).toBe('(unparsed)');
  });
});

describe('urlPath', () => {
  it('keeps the path only: no origin, query, fragment or trailing slash', () => {
    expect(urlPath('http://127.0.0.1:9000/search/?q=shoes#top')).toBe('/search');
    expect(urlPath('http://127.0.0.1:9111/search')).toBe('/search'); // another port, same page
    expect(urlPath('http://host/')).toBe('/');
    expect(urlPath('about:blank')).toBe('about:blank');
    expect(urlPath('/relative/path/?x=1')).toBe('/relative/path');
  });
});

describe('actionLabel', () => {
  it('prefers the raw text and falls back to the key', () => {
    expect(actionLabel({ t: 0, url: '', action: click('4'), actionText: ' click  [4] ' })).toBe('click [4]');
    expect(actionLabel({ t: 0, url: '', action: click('4'), actionText: '' })).toBe('click id=4');
  });
});

describe('assertAnalyzedEpisode', () => {
  it('rejects malformed episodes with the function and field named', () => {
    const ok = episode({ steps: [['/a', click('1')]] });
    expect(() => assertAnalyzedEpisode('f', ok)).not.toThrow();
    expect(() => assertAnalyzedEpisode('f', { ...ok, success: null as unknown as boolean })).toThrow(/f: episode task-1 has success = null/);
    expect(() => assertAnalyzedEpisode('f', { ...ok, taskId: '' })).toThrow(/taskId must be a non-empty string/);
    const twice = { ...ok, steps: [ok.steps[0], ok.steps[0]] };
    expect(() => assertAnalyzedEpisode('f', twice)).toThrow(/strictly increasing, got 0 then 0/);
    expect(() => assertAnalyzedEpisode('f', { ...ok, steps: [{ ...ok.steps[0], t: -1 }] })).toThrow(/steps\[0\]\.t = -1/);
  });
});

describe('toAnalyzedEpisode', () => {
  const record: EpisodeRecord = {
    id: 'e1', runId: null, taskId: 'task-9', policy: 'p', seed: 0, status: 'finished', success: false, score: 0,
    answer: null, stopReason: 'max_steps', outcome: null, failureMode: null, evaluation: null, analysis: null, stepCount: 3,
    createdAt: '', finishedAt: null,
  };
  const stepRecord = (t: number, progress: number[] | null): StepRecord => ({
    episodeId: 'e1', t, url: `http://x/${t}`, observationRef: null, screenshotRef: null, promptRef: null, responseRef: null,
    action: click(String(t)), actionText: `click [${t}]`, actionError: null, targetBox: null, progress, value: null,
    potential: null, latencyMs: 0, timings: { observeMs: 0, policyMs: 0, actMs: 0, storeMs: 0 },
  });

  it('sorts steps by t and carries progress forward (leading gaps = zero vector)', () => {
    // Stored out of order; progress null at t = 0 (before the plan) and t = 2 (not rated).
    const ep = toAnalyzedEpisode(record, [stepRecord(2, null), stepRecord(0, null), stepRecord(1, [1, 0])], 'shop');
    expect(ep.steps.map((s) => s.t)).toEqual([0, 1, 2]);
    expect(ep.progress).toEqual([[0, 0], [1, 0], [1, 0]]);
    expect(ep.site).toBe('shop');
    expect(ep.taskId).toBe('task-9');
  });

  it('leaves progress absent when no step recorded one', () => {
    expect(toAnalyzedEpisode(record, [stepRecord(0, null)]).progress).toBeUndefined();
  });

  it('refuses unevaluated episodes and foreign steps', () => {
    expect(() => toAnalyzedEpisode({ ...record, success: null }, [])).toThrow(/episode e1 has no evaluated outcome/);
    expect(() => toAnalyzedEpisode(record, [{ ...stepRecord(0, null), episodeId: 'other' }])).toThrow(/belongs to episode other/);
  });
});
