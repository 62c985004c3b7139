import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { BlobStore, type BlobWriter } from './blobs';
import { BLOBS_DIR, checkDatabaseIsFile, DB_FILE, explainOpenError, prepareDataDir } from './data-dir';
import { Database } from './db';
import { EpisodesRepo } from './episodes-repo';
import { LlmCallsRepo } from './llm-calls-repo';
import { MIGRATIONS, migrate } from './migrations';
import { OwnerHeartbeat } from './owner-heartbeat';
import { StoreOwner } from './owner-liveness';
import { PromptStore } from './prompt-store';
import { RunsRepo } from './runs-repo';
import { StepsRepo } from './steps-repo';
import { SubgoalSetsRepo } from './subgoal-sets-repo';
import { TasksRepo } from './tasks-repo';
import { VerdictsRepo } from './verdicts-repo';

export interface Store {
  db: Database;
  blobs: BlobStore;
  tasks: TasksRepo;
  runs: RunsRepo;
  episodes: EpisodesRepo;
  steps: StepsRepo;
  /** Prompt versions: the editable policy, subgoal and AutoRater prompts. */
  prompts: PromptStore;
  /** Versioned subgoal sets per task and the episodes each was used by. */
  subgoalSets: SubgoalSetsRepo;
  /** The AutoRater's per-step, per-subgoal verdicts. */
  verdicts: VerdictsRepo;
  /** Every LLM call: model, tokens, latency, prompt and response blobs. */
  llmCalls: LlmCallsRepo;
  /** Opened for reading only: nothing may be written (analyses are computed but not stored). */
  readOnly: boolean;
  close(): Promise<void>;
}

export interface OpenStoreOptions {
  /** Read only: nothing is created, migrated or written (`list` and `analyze` on a read-only data directory). */
  readOnly?: boolean;
  /** Writes blob files through this (tests play a full disk with it). */
  blobWriter?: BlobWriter;
  /** The clock owner heartbeats are stamped and judged with (tests step it; store/owner-liveness.ts). */
  now?: () => number;
}

/** Opens (creating and migrating) the store of one data directory: `workbench.sqlite` + `blobs/`. A missing,
 * unwritable or damaged directory is an error that names the path and what to do (data-dir.ts). */
export async function openStore(dataDir: string, options: OpenStoreOptions = {}): Promise<Store> {
  const dbPath = join(dataDir, DB_FILE);
  const db = options.readOnly ? await openForReading(dbPath, dataDir) : await openForWriting(dbPath, dataDir);
  // This store's identity as the owner of the runs and episodes it starts, kept alive by a heartbeat.
  const owner = new StoreOwner(options.now);
  const runs = new RunsRepo(db, owner);
  const episodes = new EpisodesRepo(db, owner);
  const heartbeat = new OwnerHeartbeat([runs, episodes]);
  if (!options.readOnly) heartbeat.start();
  return {
    db,
    readOnly: options.readOnly === true,
    blobs: new BlobStore(join(dataDir, BLOBS_DIR), options.blobWriter),
    tasks: new TasksRepo(db),
    runs,
    episodes,
    steps: new StepsRepo(db),
    prompts: new PromptStore(db),
    subgoalSets: new SubgoalSetsRepo(db),
    verdicts: new VerdictsRepo(db),
    llmCalls: new LlmCallsRepo(db),
    close: async () => {
      await heartbeat.stop();
      owner.release();
      await db.close();
    },
  };
}

export { BlobStore, Database };

async function openForWriting(dbPath: string, dataDir: string): Promise<Database> {
  await prepareDataDir(dataDir);
  let db: Database | null = null;
  try {
    db = await Database.open(dbPath);
    await migrate(db);
    return db;
  } catch (err) {
    await db?.close().catch(() => undefined);
    throw explainOpenError(err, dbPath, dataDir);
  }
}

async function openForReading(dbPath: string, dataDir: string): Promise<Database> {
  try {
    await access(dbPath);
  } catch {
    throw new Error(`There is no workbench database at ${dbPath}: nothing has been recorded in ${dataDir} yet (or --data names the wrong folder).`);
  }
  await checkDatabaseIsFile(dataDir);
  let db: Database | null = null;
  try {
    db = await Database.openReadOnly(dbPath);
    const version = (await db.get<{ user_version: number }>('PRAGMA user_version'))?.user_version ?? 0;
    // Reading an older schema with this version's queries would fail in odd places; upgrading needs a write.
    if (version !== MIGRATIONS.length) {
      throw new Error(
        `The database ${dbPath} has schema version ${version}, this app reads ${MIGRATIONS.length}; ` +
          (version < MIGRATIONS.length ? 'open it once with write access to upgrade it.' : 'upgrade the workbench.'),
      );
    }
    return db;
  } catch (err) {
    await db?.close().catch(() => undefined);
    throw explainOpenError(err, dbPath, dataDir);
  }
}
