import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { ForkRequest, PromptVersion } from '../../../../main/api/contract';
import { getClient } from '../../api/client';
import { useWorkbench } from '../../stores/workbench-store';

/** The policies a fork can hand over to (the core checks the name again and says what is wrong). */
const POLICIES: { value: string; label: string }[] = [
  { value: 'oracle', label: 'oracle (sandbox solver)' },
  { value: 'react', label: 'react (LLM)' },
  { value: 'sgo', label: 'sgo (LLM, subgoals)' },
  { value: 'local', label: 'local (trained checkpoint)' },
  { value: 'random', label: 'random (baseline)' },
  { value: 'wrong', label: 'wrong (baseline)' },
  { value: 'do-nothing', label: 'do-nothing (baseline)' },
];
const isLlm = (policy: string) => policy === 'react' || policy === 'sgo';

/** "Fork from this step" (issue 8): re-run the episode from step t with another policy, model or prompt
 * version. Steps before t replay the recorded actions; starting opens the fork's live run view. */
export function ForkButton({ episodeId, t }: { episodeId: string; t: number }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)} aria-haspopup="dialog">Fork from this step</button>
      {open && <ForkDialog episodeId={episodeId} t={t} onClose={() => setOpen(false)} />}
    </>
  );
}

function ForkDialog({ episodeId, t, onClose }: { episodeId: string; t: number; onClose(): void }) {
  const navigate = useWorkbench((s) => s.navigate);
  const dialog = useRef<HTMLDialogElement>(null);
  const [policy, setPolicy] = useState('oracle');
  const [model, setModel] = useState('');
  const [promptVersion, setPromptVersion] = useState('');
  const [checkpoint, setCheckpoint] = useState('');
  const [versions, setVersions] = useState<PromptVersion[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);

  // A modal <dialog>: focus is trapped inside and Escape closes it (the replay's arrow keys stay quiet).
  useEffect(() => {
    dialog.current?.showModal();
  }, []);
  useEffect(() => {
    setPromptVersion('');
    if (!isLlm(policy)) return setVersions([]);
    let live = true;
    getClient().listPromptVersions(policy === 'sgo' ? 'policy-sgo' : 'policy-react').then((v) => live && setVersions(v), () => live && setVersions([]));
    return () => {
      live = false;
    };
  }, [policy]);

  const start = async (event: FormEvent) => {
    event.preventDefault();
    const request: ForkRequest = { episodeId, fromStep: t, policy };
    if (isLlm(policy) && model.trim()) request.llm = { model: model.trim() };
    if (isLlm(policy) && promptVersion) request.promptVersion = Number(promptVersion);
    if (policy === 'local' && checkpoint.trim()) request.checkpoint = checkpoint.trim();
    setStarting(true);
    setError(null);
    try {
      const { runId } = await getClient().forkEpisode(request);
      navigate({ view: 'run', runId });
    } catch (err) {
      setError((err as Error).message);
      setStarting(false);
    }
  };

  return (
    <dialog ref={dialog} className="fork-dialog" aria-labelledby="fork-heading" onClose={onClose} data-testid="fork-dialog">
      <form onSubmit={start}>
        <h2 id="fork-heading">Fork from step {t + 1}</h2>
        <p className="small muted">
          {t === 0 ? 'The new policy acts from the first step.' : `Steps 1–${t} replay this episode's recorded actions; the new policy acts from step ${t + 1}.`}
        </p>
        <div className="field">
          <label htmlFor="fork-policy">Policy</label>
          <select id="fork-policy" value={policy} onChange={(e) => setPolicy(e.target.value)}>
            {POLICIES.map((p) => <option key={p.value} value={p.value}>{p.label}</option>)}
          </select>
        </div>
        {isLlm(policy) && (
          <>
            <div className="field">
              <label htmlFor="fork-model">Model</label>
              <input id="fork-model" value={model} onChange={(e) => setModel(e.target.value)} placeholder="as in Settings" />
            </div>
            <div className="field">
              <label htmlFor="fork-prompt">Prompt version</label>
              <select id="fork-prompt" value={promptVersion} onChange={(e) => setPromptVersion(e.target.value)}>
                <option value="">latest</option>
                {versions.map((v) => <option key={v.version} value={v.version}>{`v${v.version}${v.note ? ` — ${v.note}` : v.isDefault ? ' — default' : ''}`}</option>)}
              </select>
            </div>
          </>
        )}
        {policy === 'local' && (
          <div className="field">
            <label htmlFor="fork-checkpoint">Checkpoint</label>
            <input id="fork-checkpoint" value={checkpoint} onChange={(e) => setCheckpoint(e.target.value)} placeholder="phase-<n>.json or a directory" />
          </div>
        )}
        {error && <p role="alert" className="error small">{error}</p>}
        <div className="dialog-buttons">
          <button type="button" onClick={() => dialog.current?.close()}>Cancel</button>
          <button type="submit" disabled={starting}>{starting ? 'Starting…' : 'Start'}</button>
        </div>
      </form>
    </dialog>
  );
}
