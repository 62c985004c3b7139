import { useState } from 'react';
import type { AutoRaterTrial, PromptName } from '../../../../main/api/contract';
import { getClient } from '../../api/client';
import { StepPicker, type StepChoice } from './StepPicker';

/** The rendered prompt for a chosen episode step (the draft in the editor, exactly as it would be sent), and
 * for the AutoRater, "try on this step": judges one milestone with the draft text and shows the verdict. */
export function PromptPreview({ name, draft }: { name: PromptName; draft: string }) {
  const [choice, setChoice] = useState<StepChoice | null>(null);
  const [subgoal, setSubgoal] = useState(1);
  const [preview, setPreview] = useState<string | null>(null);
  const [trial, setTrial] = useState<AutoRaterTrial | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const showPreview = () => run(async () => setPreview(await getClient().previewPrompt(name, choice!.episodeId, choice!.t, draft)));
  const tryIt = () => run(async () => setTrial(await getClient().tryAutoRater(choice!.episodeId, choice!.t, subgoal - 1, draft)));

  return (
    <section className="panel" aria-label="Preview on a step">
      <h2>Preview on a step</h2>
      <div className="save-bar">
        <StepPicker value={choice} onChange={setChoice} />
        <button type="button" onClick={showPreview} disabled={!choice || busy}>Preview rendered prompt</button>
        {name === 'autorater' && (
          <>
            <label>Subgoal <input type="number" min={1} max={20} value={subgoal} onChange={(e) => setSubgoal(Math.max(1, Number(e.target.value)))} /></label>
            <button type="button" onClick={tryIt} disabled={!choice || busy}>Try on this step</button>
          </>
        )}
        {busy && <span className="muted small" role="status">Working…</span>}
      </div>
      {error && <p role="alert" className="error">{error}</p>}
      {trial && (
        <div className="trial" data-testid="trial-verdict">
          <p>
            <strong className={trial.verdict.done ? 'ok-text' : 'error'}>{trial.verdict.done ? '✓ done' : '✗ not done'}</strong> — subgoal {trial.verdict.subgoalIndex + 1} at step {trial.verdict.t + 1}
            <span className="muted small"> ({trial.verdict.model ?? trial.verdict.judge}, {trial.verdict.latencyMs.toFixed(0)} ms)</span>
          </p>
          <p className="small">{trial.verdict.evidence}</p>
          <details><summary className="small">Prompt sent and raw reply</summary><pre className="observation" aria-label="Prompt sent" tabIndex={0}>{trial.prompt}</pre><pre className="observation" aria-label="Raw reply" tabIndex={0}>{trial.response}</pre></details>
        </div>
      )}
      {preview !== null && <pre className="observation" data-testid="prompt-preview" aria-label="Rendered prompt" tabIndex={0}>{preview}</pre>}
    </section>
  );
}
