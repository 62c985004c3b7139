import { describe, expect, it } from 'vitest';
import { parseWebArenaAction } from '../../../main/actions/webarena-grammar';
import { RandomPolicy } from '../../../main/agent/random-policy';
import type { Observation, ObservedNode } from '../../../main/browser/observation-types';

// The random baseline's answer is the floor answer-scored tasks sit above: it must be text a person could have
// copied off the page, never the observation's own markup (element ids, role words, props).
const node = (id: string, role: string, name: string): ObservedNode => ({
  id, role, name, depth: 1, props: {}, box: role === 'StaticText' ? null : { x: 0, y: 0, width: 50, height: 20 },
  targetId: id, interactive: role === 'link' || role === 'button',
});
const NODES = [
  node('123', 'link', 'Home'),
  node('456', 'StaticText', 'Grand Total'),
  node('457', 'StaticText', '$340.27'),
  node('789', 'button', 'Place Order'),
  node('790', 'generic', ''),
  node('791', 'StaticText', 'a ``` fence'),
];
const observation = (nodes: ObservedNode[]): Observation => ({
  url: 'http://shop.test/', title: 'Checkout', tabs: [], nodes,
  text: nodes.map((n) => `[${n.id}] ${n.role} '${n.name}' focused: True`).join('\n'),
  screenshot: null, viewport: { width: 100, height: 80 }, boxes: [], timings: { extractMs: 0, screenshotMs: 0 },
});
const answer = async (seed: number, nodes: ObservedNode[]): Promise<string | undefined> => {
  const reply = await new RandomPolicy(seed, 0).decide({ intent: 'What is the total?', t: 0, observation: observation(nodes), history: [] });
  const action = parseWebArenaAction(reply.reply);
  expect(action.type).toBe('stop');
  return action.text;
};

describe('RandomPolicy', () => {
  it('answers with a text the page shows, never an element id or a role word', async () => {
    const answers = new Set<string | undefined>();
    for (let seed = 1; seed <= 60; seed++) answers.add(await answer(seed, NODES));
    // Every answer is a whole text of the page (the fenced one cannot be written inside stop [...]); over 60
    // seeds each of them comes up.
    expect([...answers].sort()).toEqual(['$340.27', 'Grand Total', 'Home', 'Place Order']);
  });

  it('answers "" when the page shows no text', async () => {
    expect(await answer(7, [node('1', 'generic', '')])).toBe('');
  });
});
