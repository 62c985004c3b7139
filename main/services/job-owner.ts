// Whose job record is it (training jobs and critic fits, both files under <dataDir>/training): a record left
// 'running' on disk was cut off when the process that wrote it is gone. The rule is the runs' own
// (store/owner-liveness.ts): a pid alone cannot say — after a reboot or a container restart (the CLI is pid 1 every
// time) a dead owner's pid is another live process's — so each record carries a random owner token and a heartbeat
// its owner refreshes; a live pid whose heartbeat stopped is someone else's, a dead pid is gone at once, and a
// record written before tokens were kept falls back to its pid (gone if the pid is this process's).
import { OwnerHeartbeat } from '../store/owner-heartbeat';
import { StoreOwner, type OwnerVerdict } from '../store/owner-liveness';

/** The owner fields of a training job or critic fit record (all absent in records from before owners were kept;
 * ownerToken and heartbeatAt absent in those from before tokens). */
export interface JobOwnerFields {
  ownerPid?: number;
  ownerToken?: string;
  heartbeatAt?: number;
}

export interface JobOwnerOptions {
  /** The clock heartbeats are stamped and judged with (tests step it). */
  now?(): number;
}

/** One job service's identity as an owner, with the heartbeat that keeps its running records alive. */
export class JobOwner {
  private readonly owner: StoreOwner;
  private readonly heartbeat: OwnerHeartbeat;

  /** `beat`: stamps every record this service runs now (the heartbeat calls it every HEARTBEAT_MS). */
  constructor(beat: () => Promise<unknown>, options: JobOwnerOptions = {}) {
    this.owner = new StoreOwner(options.now);
    this.heartbeat = new OwnerHeartbeat([{ heartbeat: beat }]);
  }

  /** The owner fields of a record this service starts now; the heartbeat starts with the first one. */
  claim(): Required<JobOwnerFields> {
    this.heartbeat.start();
    return { ownerPid: this.owner.pid, ownerToken: this.owner.token, heartbeatAt: this.owner.now() };
  }

  now(): number {
    return this.owner.now();
  }

  /** Whether the owner of a record left 'running' on disk is gone. */
  judge(record: JobOwnerFields, isAlive: (pid: number) => boolean): OwnerVerdict {
    return this.owner.judge({ pid: record.ownerPid ?? null, token: record.ownerToken ?? null, heartbeatAt: record.heartbeatAt ?? null }, isAlive);
  }

  /** Stops the heartbeat (waiting for a beat in flight); records still carrying the token belong to nobody now. */
  async close(): Promise<void> {
    await this.heartbeat.stop();
    this.owner.release();
  }
}
