import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { defaultChoice, PolicyFields, type PolicyChoice } from '../../components/PolicyFields';
import { useWorkbench } from '../../stores/workbench-store';

/** A modal that starts a run from the replay (fork, run again): policy and what it takes, Start, and the
 * core's answer — the new run's live view, or why it cannot start (the dialog stays open). */
export function PolicyDialog({ title, children, taskId, idPrefix, startingLabel, onStart, onClose, initial }: {
  title: string;
  children: ReactNode;
  taskId: string;
  idPrefix: string;
  startingLabel: string;
  onStart(choice: PolicyChoice): Promise<{ runId: string }>;
  onClose(): void;
  /** The choice the dialog opens on (default: the oracle). */
  initial?: PolicyChoice;
}) {
  const navigate = useWorkbench((s) => s.navigate);
  const dialog = useRef<HTMLDialogElement>(null);
  const [choice, setChoice] = useState<PolicyChoice>(() => initial ?? defaultChoice());
  const [error, setError] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);

  // A modal <dialog>: focus is trapped inside and Escape closes it (the replay's arrow keys stay quiet).
  useEffect(() => {
    dialog.current?.showModal();
  }, []);

  const start = async (event: FormEvent) => {
    event.preventDefault();
    setStarting(true);
    setError(null);
    try {
      const { runId } = await onStart(choice);
      navigate({ view: 'run', runId });
    } catch (err) {
      setError((err as Error).message);
      setStarting(false);
    }
  };

  const heading = `${idPrefix}-heading`;
  return (
    <dialog ref={dialog} className="fork-dialog" aria-labelledby={heading} aria-describedby={`${idPrefix}-description`} onClose={onClose} data-testid={`${idPrefix}-dialog`}>
      <form onSubmit={start}>
        <h2 id={heading}>{title}</h2>
        <p className="small muted" id={`${idPrefix}-description`}>{children}</p>
        <PolicyFields choice={choice} onChange={setChoice} taskId={taskId} idPrefix={idPrefix} />
        {error && <p role="alert" className="error small">{error}</p>}
        <div className="dialog-buttons">
          <button type="button" onClick={() => dialog.current?.close()}>Cancel</button>
          <button type="submit" disabled={starting}>{starting ? startingLabel : 'Start'}</button>
        </div>
      </form>
    </dialog>
  );
}
