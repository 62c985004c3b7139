import { describe, expect, it } from 'vitest';
import { mcReturns, roundPrompt, WEBRL_PAST_PAGE, webrlPrompt } from '../../../main/training/export/webrl-prompt';

// WebRL's prompt layout and Monte-Carlo returns (issue 23; docs/export.md "webrl-trainer").
const USER = '<|eot_id|><|start_header_id|>user<|end_header_id|>\n';
const ASSISTANT = '<|eot_id|><|start_header_id|>assistant<|end_header_id|>\n';

describe('mcReturns', () => {
  it('sums γ^k·r_{t+k} — by hand for r = 1, 1, 1 and γ = 0.9: 2.71, 1.9, 1', () => {
    const got = mcReturns([1, 1, 1], 0.9);
    [2.71, 1.9, 1].forEach((want, t) => expect(got[t]).toBeCloseTo(want, 12));
  });

  it('is all zero for a failed trajectory and just r for γ = 0', () => {
    expect(mcReturns([0, 0], 0.9)).toEqual([0, 0]);
    expect(mcReturns([1, 1], 0)).toEqual([1, 1]);
  });
});

describe('webrlPrompt', () => {
  it('round 0: the task instruction, then the page inside the user/assistant headers', () => {
    expect(webrlPrompt('Buy socks', [], '<html>P0</html>')).toBe(`Task Instruction: Buy socks\n\nRound 0\n\n${USER}<html>P0</html>\n\n${ASSISTANT}`);
  });

  it('later rounds: past rounds show the intent (round 0) or the placeholder, and the reply', () => {
    const past = [
      { prompt: roundPrompt(0, 'Buy socks'), response: 'do(action="Click", element="3")' },
      { prompt: roundPrompt(1, 'Buy socks'), response: 'do(action="Scroll Down")' },
    ];
    expect(past[1].prompt).toBe(WEBRL_PAST_PAGE);
    expect(webrlPrompt('Buy socks', past, '<html>P2</html>')).toBe(
      'Task Instruction: Buy socks\n\n'
      + `Round 0\n\n${USER}Buy socks\n\n${ASSISTANT}do(action="Click", element="3")\n\n`
      + `Round 1\n\n${USER}** Simplified html **\n\n${ASSISTANT}do(action="Scroll Down")\n\n`
      + `Round 2\n\n${USER}<html>P2</html>\n\n${ASSISTANT}`,
    );
  });

  it('cuts the page so history + page stay within 16384 − 512 code points (an emoji counts once, as in Python)', () => {
    const page = '😀'.repeat(20000);
    const prompt = webrlPrompt('x', [], page);
    const kept = [...prompt.slice(prompt.indexOf(USER) + USER.length, prompt.lastIndexOf(`\n\n${ASSISTANT}`))];
    expect(kept).toHaveLength(16384 - 512);
  });
});
