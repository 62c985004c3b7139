import { useCallback, useEffect, useId, useRef, useState, type ReactNode } from 'react';

/** What would replace an unsaved draft, and the words to ask about it. */
export interface DiscardQuestion {
  title: string;
  body: string;
  confirmLabel: string;
  onConfirm(): void;
}

/** Asks before an action replaces unsaved edits (an in-app modal, not window.confirm, so keyboard, screen
 * readers and tests reach it). `guard` runs the action at once when nothing is unsaved. */
export function useDiscardGuard(): { guard(unsaved: boolean, question: DiscardQuestion): void; dialog: ReactNode } {
  const [question, setQuestion] = useState<DiscardQuestion | null>(null);
  const guard = useCallback((unsaved: boolean, q: DiscardQuestion) => (unsaved ? setQuestion(q) : q.onConfirm()), []);
  const dialog = question && <DiscardDraftDialog question={question} onClose={() => setQuestion(null)} />;
  return { guard, dialog };
}

function DiscardDraftDialog({ question, onClose }: { question: DiscardQuestion; onClose(): void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const id = useId();
  // Modal: focus stays inside and Escape closes it, keeping the draft. The safe choice has the focus.
  useEffect(() => {
    dialog.current?.showModal();
  }, []);
  const discard = () => {
    question.onConfirm();
    dialog.current?.close();
  };
  return (
    <dialog ref={dialog} className="fork-dialog" role="alertdialog" aria-labelledby={`${id}-title`} aria-describedby={`${id}-body`} onClose={onClose}>
      <h2 id={`${id}-title`}>{question.title}</h2>
      <p id={`${id}-body`}>{question.body}</p>
      <div className="dialog-buttons">
        <button type="button" autoFocus onClick={() => dialog.current?.close()}>Keep editing</button>
        <button type="button" onClick={discard}>{question.confirmLabel}</button>
      </div>
    </dialog>
  );
}
