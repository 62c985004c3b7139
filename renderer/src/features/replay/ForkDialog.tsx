import { useState } from 'react';
import { getClient } from '../../api/client';
import { loadRegistries } from '../../api/registries';
import { defaultChoice, requestFields } from '../../components/PolicyFields';
import { clearForkCheckpoint, forkCheckpoint } from '../training/fork-prefill';
import { PolicyDialog } from './PolicyDialog';

/** "Fork from this step" (issue 8): re-run the episode from step t with another policy, model, prompt or
 * subgoal version. Steps before t replay the recorded actions; starting opens the fork's live run view. The
 * core answers once the replayed prefix reproduced the source; a fork that cannot start says why in the
 * dialog and leaves nothing behind (main/runs/fork-start.ts). */
export function ForkButton({ episodeId, taskId, t }: { episodeId: string; taskId: string; t: number }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)} aria-haspopup="dialog">Fork from this step</button>
      {open && (
        <PolicyDialog
          title={`Fork from step ${t + 1}`}
          taskId={taskId}
          idPrefix="fork"
          startingLabel={t === 0 ? 'Starting…' : t === 1 ? 'Replaying step 1…' : `Replaying steps 1–${t}…`}
          initial={forkInitialChoice()}
          onStart={async (choice) => getClient().forkEpisode({ episodeId, fromStep: t, policy: choice.policy, ...requestFields(choice, await loadRegistries()) }).then((started) => (clearForkCheckpoint(), started))}
          onClose={() => setOpen(false)}
        >
          {t === 0 ? 'The new policy acts from the first step.'
            : `${t === 1 ? "Step 1 replays this episode's recorded action" : `Steps 1–${t} replay this episode's recorded actions`}; the new policy acts from step ${t + 1}.`}
        </PolicyDialog>
      )}
    </>
  );
}

/** A checkpoint handed over by the Training page's "Fork with this policy" opens the dialog on it until a
 * fork has started (issue 21). */
function forkInitialChoice() {
  const checkpoint = forkCheckpoint();
  return checkpoint ? { ...defaultChoice('local'), checkpoint } : undefined;
}

/** "Run again" (issue 21): the episode's task from the start, with any policy and, for the LLM policies, a
 * chosen prompt and subgoal version (pinned by id); the same seed, so the same per-episode environment. */
export function RunAgainButton({ taskId, seed }: { taskId: string; seed: number }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)} aria-haspopup="dialog">Run again</button>
      {open && (
        <PolicyDialog
          title="Run this task again"
          taskId={taskId}
          idPrefix="again"
          startingLabel="Starting…"
          onStart={async (choice) => getClient().startRun({ taskIds: [taskId], policy: choice.policy, seed, ...requestFields(choice, await loadRegistries()) })}
          onClose={() => setOpen(false)}
        >
          {`A new run of ${taskId} from its first step.`}
        </PolicyDialog>
      )}
    </>
  );
}
