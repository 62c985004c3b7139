// Prompts and subgoal sets are versioned data (docs/design/MIRA.md §2.2; issue 5 "Prompts as data"): saving adds a
// version, lists come newest first, slots are checked, and the API validates its arguments.
import { beforeAll, describe, expect, it } from 'vitest';
import { PROMPT_NAMES } from '../../main/api/inference-types';
import { validateRequest } from '../../main/api/schemas';
import { MIGRATIONS } from '../../main/store/migrations';
import { useCore } from '../helpers/use-core';

const core = useCore({ sandbox: false });
const TASK = 'local/versions/1';

beforeAll(async () => {
  await core.store.tasks.upsert({ id: TASK, source: 'webarena', sites: ['shopping'], intent: 'Buy a lamp', startUrl: '__SHOPPING__', config: {}, split: null, family: null });
});

describe('prompt versions', () => {
  it('ships a default version 1 of every prompt', async () => {
    expect(MIGRATIONS.length).toBeGreaterThanOrEqual(4);
    const prompts = await core.api.listPrompts();
    expect(prompts.map((p) => p.name)).toEqual([...PROMPT_NAMES]);
    expect(prompts.every((p) => p.version === 1 && p.isDefault && p.text.length > 100)).toBe(true);
    expect(prompts.find((p) => p.name === 'autorater')!.slots).toContain('subgoal');
  });

  it('saving adds a version; the latest is listed and every version is kept, newest first', async () => {
    const v1 = (await core.api.listPromptVersions('autorater'))[0];
    const v2 = await core.api.savePrompt('autorater', `${v1.text}\nBe strict.`, 'stricter');
    const v3 = await core.api.savePrompt('autorater', '[user]\nIs "{{subgoal}}" done? {{observation}}');
    expect([v2.version, v3.version]).toEqual([2, 3]);
    expect(v2).toMatchObject({ note: 'stricter', isDefault: false, kind: 'autorater' });
    expect((await core.api.listPromptVersions('autorater')).map((p) => p.version)).toEqual([3, 2, 1]);
    expect((await core.api.listPrompts()).find((p) => p.name === 'autorater')!.text).toBe(v3.text);
    expect((await core.api.listPrompts()).find((p) => p.name === 'policy-sgo')!.version).toBe(1);
  });

  it('refuses a template with a slot the prompt does not offer, and adds no version', async () => {
    await expect(core.api.savePrompt('policy-react', 'Do {{intent}} with {{subgoals}}')).rejects.toThrow(/Unknown slot\(s\) \{\{subgoals\}\}/);
    expect(await core.api.listPromptVersions('policy-react')).toHaveLength(1);
  });
});

describe('subgoal set versions', () => {
  it('hand edits add versions, newest first, with predicates kept', async () => {
    expect(await core.api.listSubgoalSets(TASK)).toEqual([]);
    const first = await core.api.saveSubgoalSet(TASK, [{ text: 'Lamp search results shown' }, { text: 'Lamp in cart', predicate: { kind: 'text_present', text: 'Lamp' } }]);
    const second = await core.api.saveSubgoalSet(TASK, [{ text: 'Lamp page open' }], 'shorter');
    expect(first).toMatchObject({ taskId: TASK, version: 1, origin: 'hand', note: null, model: null, promptName: null });
    expect(second).toMatchObject({ version: 2, origin: 'hand', note: 'shorter' });
    const sets = await core.api.listSubgoalSets(TASK);
    expect(sets.map((s) => s.version)).toEqual([2, 1]);
    expect(sets[1].items[1].predicate).toEqual({ kind: 'text_present', text: 'Lamp' });
  });

  it('reference sets are stored once per distinct text, and episodes link to the set they used', async () => {
    const ref = [{ text: 'Cart open', predicate: { kind: 'url_matches' as const, pattern: '/cart' } }];
    const a = await core.inference.referenceSet(TASK, ref);
    const b = await core.inference.subgoalSets.ensureReference(TASK, ref);
    expect(b.id).toBe(a.id);
    expect(a).toMatchObject({ origin: 'reference', version: 3 });
    await core.inference.subgoalSets.linkEpisode('episode-x', a.id);
    expect((await core.inference.subgoalSets.forEpisode('episode-x'))!.id).toBe(a.id);
  });

  it('saving for an unknown task says so', async () => {
    await expect(core.api.saveSubgoalSet('nope/1', [{ text: 'x' }])).rejects.toThrow(/No task with id nope\/1/);
  });
});

describe('argument validation of the new methods', () => {
  it('accepts good calls and names the bad argument', () => {
    expect(validateRequest('saveSubgoalSet', [TASK, [{ text: 'a' }], 'note'])).toHaveLength(3);
    expect(validateRequest('tryAutoRater', ['ep', 2, 0])).toEqual(['ep', 2, 0]);
    expect(() => validateRequest('saveSubgoalSet', [TASK, []])).toThrow(/saveSubgoalSet: argument 1/);
    expect(() => validateRequest('savePrompt', ['nonsense', 'text'])).toThrow(/savePrompt: argument 0/);
    expect(() => validateRequest('previewPrompt', ['autorater', 'ep', -1])).toThrow(/previewPrompt: argument 2/);
    expect(() => validateRequest('startRun', [{ taskIds: ['a'], policy: 'sgo', llm: { provider: 'claude' } }])).toThrow(/startRun/);
    expect(validateRequest('startRun', [{ taskIds: ['a'], policy: 'sgo', llm: { provider: 'gemini', thinkingBudget: 8192 } }])).toHaveLength(1);
  });
});
