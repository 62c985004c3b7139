import type { RunRecord } from '../../../../main/api/types';
import type { PromptName } from '../../../../main/api/registries';

/** The version of each prompt an LLM run sent, fixed when it started (runs.config promptVersions,
 * main/runs/prompt-pins.ts); nothing for runs that used no prompt or recorded none. */
export function RunPromptVersions({ run }: { run: RunRecord }) {
  const pins = (run.config as { promptVersions?: Partial<Record<PromptName, number>> }).promptVersions;
  const entries = Object.entries(pins ?? {});
  if (entries.length === 0) return null;
  return (
    <p className="muted small" data-testid="run-prompt-versions">
      Prompts sent: {entries.map(([name, version]) => `${name} v${version}`).join(' · ')}
    </p>
  );
}
