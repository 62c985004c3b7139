import { describe, expect, it } from 'vitest';
import { stopReasonLabel } from '../../../renderer/src/features/runs/stop-reason-label';

// The episode table's "Stop reason" column in words, not the stored codes (the first-hour audit of 2026-12-05).
describe('stopReasonLabel', () => {
  it('words the common endings', () => {
    expect(stopReasonLabel('agent_stop')).toBe('agent stopped');
    expect(stopReasonLabel('repeated_actions')).toBe('repeated action');
    expect(stopReasonLabel('max_steps')).toBe('step limit');
    expect(stopReasonLabel('llm_auth')).toBe('LLM refused the key');
  });

  it('shows a dash for an episode that has not ended', () => {
    expect(stopReasonLabel(null)).toBe('—');
  });
});
