// Whose job record is it (training jobs and critic fits, both files under <dataDir>/training): a record left
// 'running' on disk was cut off when the process that wrote it is gone. This process's own are not, nor a live
// process's (a CLI beside the desktop app on one data folder).

/** True when no owner was recorded (records from before owners were kept) or the owner is another process
 * that no longer runs. */
export function jobOwnerGone(ownerPid: number | undefined, isAlive: (pid: number) => boolean): boolean {
  if (ownerPid === undefined) return true;
  return ownerPid !== process.pid && !isAlive(ownerPid);
}
