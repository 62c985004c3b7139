/** A backend the trainer could not use, in words (the first-hour audit of 2026-12-05: the Backend line showed
 * "Cannot find package '@tensorflow/tfjs-node' imported from /tmp/…/main/training/backend.ts"). A package that is
 * simply absent gets the command that installs it; any other failure a short "could not be loaded". The raw
 * message stays available (`raw`) for the tooltip. Works on stored jobs too: they keep the raw reason. */
export function backendAttemptText(reason: string | undefined): { text: string; installCommand: string | null; raw: string | null } {
  if (!reason) return { text: 'unavailable', installCommand: null, raw: null };
  const missing = /Cannot find (?:package|module) '((?:@[^/'\s]+\/)?[^/'\s]+)/.exec(reason);
  if (missing) return { text: 'not installed', installCommand: `npm install ${missing[1]}`, raw: reason };
  return { text: 'could not be loaded', installCommand: null, raw: reason };
}
