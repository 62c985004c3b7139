import type { TaskRecord } from '../api/types';
import { SANDBOX_FAMILIES } from '../sandbox/families';
import type { SandboxTaskInstance } from '../sandbox/types';
import type { Store } from '../store';

/** The sandbox tasks this core offers: every family instantiated `perFamily` times from the dataset seed,
 * registered in the store so episodes can refer to them, and kept in memory with their oracle plans. */
export class SandboxCatalog {
  private readonly instances = new Map<string, SandboxTaskInstance>();

  constructor(readonly datasetSeed: number, readonly perFamily: number) {
    for (const family of SANDBOX_FAMILIES) {
      for (let index = 0; index < perFamily; index++) {
        const instance = family.instantiate(datasetSeed, index);
        this.instances.set(instance.id, instance);
      }
    }
  }

  get(taskId: string): SandboxTaskInstance | undefined {
    return this.instances.get(taskId);
  }

  all(): SandboxTaskInstance[] {
    return [...this.instances.values()];
  }

  static toTaskRecord(instance: SandboxTaskInstance): TaskRecord {
    const config = instance.config as { sites?: string[]; intent?: string; start_url?: string };
    return {
      id: instance.id,
      source: 'sandbox',
      sites: config.sites ?? [instance.site],
      intent: config.intent ?? '',
      startUrl: config.start_url ?? '',
      config: instance.config,
      split: instance.split,
      family: instance.family,
    };
  }

  /** Adds instances beyond `perFamily` (a training job's test split, issue 21) and registers them, so a
   * run over them is scored like any catalog task. Instances already present are left as they are; the new
   * ones are stored as training instances, out of the task lists by default (issue 17). */
  async include(instances: readonly SandboxTaskInstance[], store: Store): Promise<void> {
    const fresh = instances.filter((i) => !this.instances.has(i.id));
    if (!fresh.length) return;
    for (const instance of fresh) this.instances.set(instance.id, instance);
    await store.db.transaction(async () => {
      for (const instance of fresh) await store.tasks.upsert(SandboxCatalog.toTaskRecord(instance), { training: true });
    });
  }

  async register(store: Store): Promise<void> {
    await store.db.transaction(async () => {
      for (const instance of this.instances.values()) await store.tasks.upsert(SandboxCatalog.toTaskRecord(instance));
    });
  }
}
