import type { Database } from './db';

/** Forward-only schema migrations. Each entry runs once, in order, inside a transaction; `user_version`
 * records how far a database has come. A database from a newer app version is refused with a clear error
 * rather than silently misread. */
export const MIGRATIONS: readonly string[] = [
  // 1: the walking skeleton's tables (ARCHITECTURE.md "Data model").
  `
  CREATE TABLE tasks (
    id TEXT PRIMARY KEY,
    source TEXT NOT NULL,
    sites TEXT NOT NULL,
    intent TEXT NOT NULL,
    start_url TEXT NOT NULL,
    config TEXT NOT NULL,
    split TEXT,
    family TEXT
  );
  CREATE TABLE runs (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    config TEXT NOT NULL,
    status TEXT NOT NULL,
    created_at TEXT NOT NULL
  );
  CREATE TABLE episodes (
    id TEXT PRIMARY KEY,
    run_id TEXT REFERENCES runs(id),
    task_id TEXT NOT NULL REFERENCES tasks(id),
    policy TEXT NOT NULL,
    seed INTEGER NOT NULL,
    status TEXT NOT NULL,
    success INTEGER,
    score REAL,
    answer TEXT,
    stop_reason TEXT,
    outcome TEXT,
    failure_mode TEXT,
    evaluation TEXT,
    owner_pid INTEGER,
    created_at TEXT NOT NULL,
    finished_at TEXT
  );
  CREATE INDEX episodes_run ON episodes(run_id);
  CREATE INDEX episodes_task ON episodes(task_id);
  CREATE TABLE steps (
    episode_id TEXT NOT NULL REFERENCES episodes(id),
    t INTEGER NOT NULL,
    url TEXT NOT NULL,
    observation_ref TEXT,
    screenshot_ref TEXT,
    prompt_ref TEXT,
    response_ref TEXT,
    action TEXT,
    action_text TEXT NOT NULL,
    action_error TEXT,
    target_box TEXT,
    progress TEXT,
    value REAL,
    potential REAL,
    latency_ms REAL NOT NULL,
    timings TEXT NOT NULL,
    PRIMARY KEY (episode_id, t)
  );
  `,
  // 2: failure analysis per episode (MIRA.md §1): category, the rule that fired, evidence steps, key
  // decision step — one JSON document, written by the analyzer after the episode is scored.
  `
  ALTER TABLE episodes ADD COLUMN analysis TEXT;
  `,
  // 3: which process drives a run, so a run whose process died can be found and resumed.
  `
  ALTER TABLE runs ADD COLUMN owner_pid INTEGER;
  `,
];

export async function migrate(db: Database): Promise<number> {
  const row = await db.get<{ user_version: number }>('PRAGMA user_version');
  const current = row?.user_version ?? 0;
  if (current > MIGRATIONS.length) {
    throw new Error(
      `The database at ${db.path} has schema version ${current}, newer than this app understands ` +
        `(${MIGRATIONS.length}). Upgrade the workbench or open another data directory.`,
    );
  }
  for (let version = current; version < MIGRATIONS.length; version++) {
    await db.transaction(async () => {
      await db.exec(MIGRATIONS[version]);
      await db.exec(`PRAGMA user_version = ${version + 1}`);
    });
  }
  return MIGRATIONS.length;
}
