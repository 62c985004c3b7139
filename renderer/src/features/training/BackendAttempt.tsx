import { backendAttemptText } from './backend-attempt';

/** One backend the trainer could not use: "not installed: `npm install …` to use it", the raw error on hover. */
export function BackendAttempt({ name, reason }: { name: string; reason?: string }) {
  const { text, installCommand, raw } = backendAttemptText(reason);
  return (
    <span className="muted" title={raw ?? undefined} data-testid="backend-attempt">
      {' '}· {name} {text}{installCommand && <>: <code>{installCommand}</code> to use it</>}
    </span>
  );
}
