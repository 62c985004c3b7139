// Prompts as data: {{slot}} rendering, [system]/[user] sections, slot checks, the shipped defaults, and the
// seeded few-shot order (docs/design/MIRA.md §2.1: 2 examples per website category, shown in random order).
import { describe, expect, it } from 'vitest';
import { PROMPT_NAMES } from '../../../main/api/inference-types';
import { sgoSlots } from '../../../main/agent/sgo-policy';
import { PROMPT_DEFINITIONS, readDefaultPrompt } from '../../../main/prompts/definitions';
import { FEW_SHOT_CATEGORIES, loadFewShot, renderFewShot, shuffled } from '../../../main/prompts/few-shot';
import { checkSlots, promptText, renderTemplate, slotsOf } from '../../../main/prompts/template';

describe('templates', () => {
  it('fills slots once, splits system and user, and keeps page text that looks like a marker', () => {
    const out = renderTemplate('[system]\nYou help with {{task}}.\n[user]\nPage:\n{{page}}\n', { task: 'shopping', page: '[user]\n{{task}}' });
    expect(out).toEqual({ system: 'You help with shopping.', user: 'Page:\n[user]\n{{task}}' });
    expect(promptText(out)).toBe('[system]\nYou help with shopping.\n\n[user]\nPage:\n[user]\n{{task}}');
  });

  it('a template without sections is all user text; a missing value is an error', () => {
    expect(renderTemplate('Do {{ x }}', { x: 'it' })).toEqual({ user: 'Do it' });
    expect(() => renderTemplate('Do {{y}}', {})).toThrow('{{y}}');
    expect(() => renderTemplate('[system]\nonly system', {})).toThrow(/no \[user\] section/);
  });

  it('lists and checks slots', () => {
    expect(slotsOf('{{a}} {{b}} {{a}}')).toEqual(['a', 'b']);
    expect(() => checkSlots('{{a}} {{c}}', ['a', 'b'])).toThrow('Unknown slot(s) {{c}}');
  });

  it('every shipped default uses only its own slots and renders', async () => {
    for (const name of PROMPT_NAMES) {
      const text = await readDefaultPrompt(name);
      const def = PROMPT_DEFINITIONS[name];
      checkSlots(text, def.slots);
      const rendered = renderTemplate(text, Object.fromEntries(def.slots.map((s) => [s, `<${s}>`])));
      expect(rendered.user.length).toBeGreaterThan(0);
    }
  });
});

describe('few-shot examples', () => {
  it('has 2 examples of 4 milestones for each website category', async () => {
    const examples = await loadFewShot();
    for (const category of FEW_SHOT_CATEGORIES) {
      const mine = examples.filter((e) => e.category === category);
      expect(mine).toHaveLength(2);
      for (const e of mine) expect(e.subgoals).toHaveLength(4);
    }
  });

  it('shows them in an order drawn from the seed: the same seed, the same order', async () => {
    const examples = await loadFewShot();
    expect(renderFewShot(examples, 7)).toBe(renderFewShot(examples, 7));
    const orders = new Set([1, 2, 3, 4, 5].map((seed) => shuffled(examples, seed).map((e) => e.intent).join('|')));
    expect(orders.size).toBeGreaterThan(1);
    expect([...shuffled(examples, 3)].sort((a, b) => a.intent.localeCompare(b.intent))).toEqual([...examples].sort((a, b) => a.intent.localeCompare(b.intent)));
  });
});

describe('SGO reflection slots', () => {
  const items = [{ text: 'A' }, { text: 'B' }, { text: 'C' }];
  it('names done, current and next from the AutoRater progress vector', () => {
    expect(sgoSlots(items, [1, 0, 0])).toEqual({ subgoals: '1. [x] A\n2. [ ] B\n3. [ ] C', done: 'A', current: '2. B', next: '3. C' });
    expect(sgoSlots(items, [0, 0, 0]).done).toBe('(none yet)');
    expect(sgoSlots(items, [1, 1, 0]).next).toMatch(/last/);
    expect(sgoSlots(items, [1, 1, 1]).current).toMatch(/All milestones are done/);
  });
});
