import { describe, expect, it } from 'vitest';
import { episodeInstruction, instructionTitle } from '../../../renderer/src/features/episodes/instruction';

// Issue 21: where an episode is shown, its own instruction (MiniWoB++: one per seed), else the task's intent.
describe('episodeInstruction', () => {
  const task = { id: 'miniwob/click-button', intent: 'Click on the specified button.' };
  it('prefers the episode instruction and falls back to the intent', () => {
    expect(episodeInstruction({ instruction: 'Click on the "ok" button.' }, task)).toBe('Click on the "ok" button.');
    expect(episodeInstruction({ instruction: null }, task)).toBe(task.intent);
    expect(episodeInstruction({}, task)).toBe(task.intent);
    expect(episodeInstruction({ instruction: '  ' }, task)).toBe(task.intent);
  });
  it('names the task intent in the hover text only when it differs', () => {
    expect(instructionTitle({ instruction: 'Click "ok".' }, task)).toBe('Click "ok".\n(task miniwob/click-button: Click on the specified button.)');
    expect(instructionTitle({ instruction: null }, task)).toBe(task.intent);
  });
});
