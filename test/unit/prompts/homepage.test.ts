// Issue 20: no `__HOMEPAGE__` (nor any homepage sentence) in a policy prompt when the benchmark has no homepage
// (MiniWoB++, WebArena without HOMEPAGE); with one, the sentence names it.
import { describe, expect, it } from 'vitest';
import { policySlots } from '../../../main/agent/llm-policy-kit';
import { sgoSlots } from '../../../main/agent/sgo-policy';
import { readDefaultPrompt } from '../../../main/prompts/definitions';
import { fitHomepage } from '../../../main/prompts/homepage';
import { promptText, renderTemplate } from '../../../main/prompts/template';

const facts = { intent: 'Click on the "Plum" button.', t: 0, url: 'http://127.0.0.1:1/miniwob/click.html', observation: "[1] button 'Plum'", history: [] };

function render(template: string, slots: Record<string, string>): string {
  const fitted = fitHomepage(template, slots);
  return promptText(renderTemplate(fitted.template, fitted.slots));
}

describe('the homepage slot', () => {
  it('drops exactly the lines that use {{homepage}} when there is none, and keeps the rest', () => {
    const template = '[system]\nAct.\nVisit {{homepage}} for more.\n  See {{ homepage }} too.\nStop when done.\n[user]\nTask: {{intent}}';
    expect(render(template, { intent: 'x', homepage: '' })).toBe('[system]\nAct.\nStop when done.\n\n[user]\nTask: x');
    expect(render(template, { intent: 'x', homepage: 'http://home/' })).toBe(
      '[system]\nAct.\nVisit http://home/ for more.\n  See http://home/ too.\nStop when done.\n\n[user]\nTask: x',
    );
  });

  it('leaves templates alone for prompts without the slot', () => {
    expect(fitHomepage('Task: {{intent}}', { intent: 'x' })).toEqual({ template: 'Task: {{intent}}', slots: { intent: 'x' } });
  });

  it.each(['policy-react', 'policy-sgo'] as const)('the shipped %s prompt has no homepage sentence without a homepage', async (name) => {
    const template = await readDefaultPrompt(name);
    const extra = name === 'policy-sgo' ? sgoSlots([{ text: 'The button is clicked' }], [0]) : {};
    const without = render(template, { ...policySlots(facts, 'webarena'), ...extra });
    expect(without).not.toMatch(/homepage|__HOMEPAGE__/i);
    expect(without).toContain('Task: Click on the "Plum" button.');
    const withHome = render(template, { ...policySlots(facts, 'webarena', 'http://127.0.0.1:4399/'), ...extra });
    expect(withHome).toContain('check out the homepage at http://127.0.0.1:4399/.');
  });
});
