import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { BlobStore } from './blobs';
import { Database } from './db';
import { EpisodesRepo } from './episodes-repo';
import { migrate } from './migrations';
import { RunsRepo } from './runs-repo';
import { StepsRepo } from './steps-repo';
import { TasksRepo } from './tasks-repo';

export interface Store {
  db: Database;
  blobs: BlobStore;
  tasks: TasksRepo;
  runs: RunsRepo;
  episodes: EpisodesRepo;
  steps: StepsRepo;
  close(): Promise<void>;
}

/** Opens (creating and migrating) the store of one data directory: `workbench.sqlite` + `blobs/`. */
export async function openStore(dataDir: string): Promise<Store> {
  await mkdir(dataDir, { recursive: true });
  const db = await Database.open(join(dataDir, 'workbench.sqlite'));
  await migrate(db);
  return {
    db,
    blobs: new BlobStore(join(dataDir, 'blobs')),
    tasks: new TasksRepo(db),
    runs: new RunsRepo(db),
    episodes: new EpisodesRepo(db),
    steps: new StepsRepo(db),
    close: () => db.close(),
  };
}

export { BlobStore, Database };
