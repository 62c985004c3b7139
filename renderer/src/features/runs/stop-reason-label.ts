import type { StopReason } from '../../../../main/api/types';

/** Why an episode ended, in words for the episode table (the first-hour audit of 2026-12-05: the column showed
 * the stored codes, `agent_stop`, `repeated_actions`). A Record, so a new stop reason does not compile until it
 * has words; the code itself stays in the cell's tooltip, as the CLI and exports print it. */
const LABELS: Record<StopReason, string> = {
  agent_stop: 'agent stopped',
  task_done: 'page ended the task',
  max_steps: 'step limit',
  parse_failures: 'unparsable replies',
  repeated_actions: 'repeated action',
  policy_error: 'policy error',
  browser_error: 'browser error',
  process_killed: 'process stopped',
  time_limit: 'time limit',
  cancelled: 'cancelled',
  fork_prefix_diverged: 'fork diverged',
  llm_unavailable: 'LLM unreachable',
  llm_auth: 'LLM refused the key',
  llm_rate_limited: 'LLM rate limit',
  checkpoint_invalid: 'checkpoint unusable',
  evaluation_interrupted: 'scoring interrupted',
  storage_error: 'storage error',
};

export function stopReasonLabel(reason: StopReason | null): string {
  return reason === null ? '—' : (LABELS[reason] ?? reason);
}
