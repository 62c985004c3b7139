// "Fork with this policy" (issue 21): the Training page hands a checkpoint to the next fork dialog, which
// opens on the local policy with that checkpoint filled in. Kept for the browser tab (sessionStorage), so
// it survives opening another episode; the dialog can still change or clear it.
const KEY = 'mira.forkCheckpoint';

export function setForkCheckpoint(checkpoint: string): void {
  sessionStorage.setItem(KEY, checkpoint);
}

export function forkCheckpoint(): string | null {
  return sessionStorage.getItem(KEY);
}

export function clearForkCheckpoint(): void {
  sessionStorage.removeItem(KEY);
}
