import { beforeAll, describe, expect, it } from 'vitest';
import type { GrammarName } from '../../main/actions/grammars';
import type { ObservationFormat } from '../../main/agent/observation-view';
import type { EpisodeRecord, StepRecord } from '../../main/api/types';
import { useCore } from '../helpers/use-core';

// Issue 3 "Must show": a WebRL-format reply and a BrowserGym-format reply drive the same sandbox episode to
// the same result. The oracle replays shop/add-to-cart (search = type + Enter, click, select, type, stop:
// actions all three grammars have; WebRL has no goto or tab actions) in each grammar, each with the
// observation format its models read: WebArena + AX tree, WebRL + its HTML with sequential ids (mapped
// back before acting), BrowserGym + set-of-marks. Every episode must succeed with the same score and the
// same normalised action sequence, ids included.
const FAMILY = 'shop/add-to-cart';
const SETUPS: { grammar: GrammarName; observationFormat: ObservationFormat }[] = [
  { grammar: 'webarena', observationFormat: 'axtree' },
  { grammar: 'webrl', observationFormat: 'webrl-html' },
  { grammar: 'browsergym', observationFormat: 'som' },
];

const core = useCore({ sandbox: { instancesPerFamily: 1 } });
const results = new Map<GrammarName, { episode: EpisodeRecord; steps: StepRecord[]; replies: string[] }>();

beforeAll(async () => {
  const task = core.catalog!.all().find((i) => i.family === FAMILY)!;
  for (const setup of SETUPS) {
    const { runId, done } = await core.run({ taskIds: [task.id], policy: 'oracle', ...setup });
    const [episode] = await done;
    const steps = await core.store.steps.list(episode.id);
    const replies = await Promise.all(steps.map((s) => core.store.blobs.getText(s.responseRef!)));
    results.set(setup.grammar, { episode, steps, replies });
    expect((await core.store.runs.get(runId))!.config).toMatchObject(setup);
  }
}, 400_000);

describe('the same sandbox episode in three grammars', () => {
  it('each grammar\'s replies are written in that grammar', () => {
    expect(results.get('webarena')!.replies[0]).toMatch(/```type \[\d+\] \[.+\] \[1\]```/);
    expect(results.get('webrl')!.replies[0]).toMatch(/^do\(action="Search", argument=".+", element="\d+"\)$/m);
    expect(results.get('browsergym')!.replies[0]).toMatch(/fill\("\d+", ".+"\)\npress\("\d+", "Enter"\)/);
    expect(results.get('webrl')!.replies.at(-1)).toMatch(/^exit\(message=""\)$/m);
    expect(results.get('browsergym')!.replies.at(-1)).toContain('send_msg_to_user("")');
  });

  it('every episode succeeds with the same score and stop reason', () => {
    for (const { episode } of results.values()) {
      expect(episode).toMatchObject({ status: 'finished', success: true, score: 1, stopReason: 'agent_stop' });
    }
    const [a, b, c] = [...results.values()].map((r) => r.episode.evaluation?.checks.map((k) => [k.rule, k.expected, k.actual, k.passed]));
    expect(b).toEqual(a);
    expect(c).toEqual(a);
  });

  it('records the same normalised actions, with the same stable ids, step by step', () => {
    // Without each grammar's own execution record (how its reference runs the action, docs/design/WEBARENA.md §4.6).
    const normalised = (action: StepRecord['action']) => {
      if (!action) return action;
      const { execution: _execution, ...rest } = action;
      return rest;
    };
    const [reference, ...others] = [...results.values()].map((r) => r.steps.map((s) => normalised(s.action)));
    expect(reference.map((a) => a?.type)).toEqual(['type', 'click', 'select', ...reference.slice(3, -2).map(() => expect.any(String)), 'click', 'stop']);
    for (const actions of others) expect(actions).toEqual(reference);
    for (const { steps } of results.values()) expect(steps.every((s) => s.actionError === null)).toBe(true);
  });

  it('WebRL wrote its own sequential ids, which were mapped back to ours before acting', () => {
    const webrl = results.get('webrl')!;
    const written = webrl.replies.map((r) => /element="(\d+)"/.exec(r)?.[1]).filter((id): id is string => id !== undefined);
    const executed = webrl.steps.map((s) => s.action?.elementId).filter((id): id is string => id !== undefined);
    expect(written.length).toBe(executed.length);
    expect(written).not.toEqual(executed);
  });
});
