import type { Database } from './db';

/** Forward-only schema migrations. Each entry runs once, in order, inside a transaction; `user_version`
 * records how far a database has come. A database from a newer app version is refused with a clear error
 * rather than silently misread. */
export const MIGRATIONS: readonly string[] = [
  // 1: the walking skeleton's tables (docs/design/ARCHITECTURE.md §5).
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
  // 2: failure analysis per episode (docs/design/MIRA.md §1): category, the rule that fired, evidence steps, key
  // decision step — one JSON document, written by the analyzer after the episode is scored.
  `
  ALTER TABLE episodes ADD COLUMN analysis TEXT;
  `,
  // 3: which process drives a run, so a run whose process died can be found and resumed.
  `
  ALTER TABLE runs ADD COLUMN owner_pid INTEGER;
  `,
  // 4: the inference-time half (docs/design/MIRA.md §2, §3): prompts as versioned data, versioned subgoal sets per task,
  // the set each episode was judged against, every LLM call (prompt/reply blobs, tokens, latency, attempts,
  // cache hit) linked to its step, and the AutoRater's verdicts.
  `
  CREATE TABLE prompts (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    version INTEGER NOT NULL,
    text TEXT NOT NULL,
    note TEXT,
    is_default INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    UNIQUE (name, version)
  );
  CREATE TABLE subgoal_sets (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    task_id TEXT NOT NULL REFERENCES tasks(id),
    version INTEGER NOT NULL,
    origin TEXT NOT NULL,
    items TEXT NOT NULL,
    prompt_id INTEGER REFERENCES prompts(id),
    model TEXT,
    note TEXT,
    created_at TEXT NOT NULL,
    UNIQUE (task_id, version)
  );
  CREATE TABLE episode_subgoals (
    episode_id TEXT PRIMARY KEY,
    subgoal_set_id INTEGER NOT NULL REFERENCES subgoal_sets(id)
  );
  CREATE TABLE llm_calls (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    episode_id TEXT,
    t INTEGER,
    purpose TEXT NOT NULL,
    provider TEXT NOT NULL,
    model TEXT NOT NULL,
    prompt_ref TEXT,
    response_ref TEXT,
    ok INTEGER NOT NULL,
    error_kind TEXT,
    error TEXT,
    attempts INTEGER NOT NULL,
    attempt_log TEXT NOT NULL,
    input_tokens INTEGER NOT NULL,
    output_tokens INTEGER NOT NULL,
    thinking_tokens INTEGER NOT NULL,
    latency_ms REAL NOT NULL,
    cached INTEGER NOT NULL,
    created_at TEXT NOT NULL
  );
  CREATE INDEX llm_calls_episode ON llm_calls(episode_id, t);
  CREATE TABLE verdicts (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    episode_id TEXT NOT NULL,
    t INTEGER NOT NULL,
    subgoal_index INTEGER NOT NULL,
    verdict INTEGER NOT NULL,
    evidence TEXT NOT NULL,
    judge TEXT NOT NULL,
    model TEXT,
    latency_ms REAL NOT NULL,
    llm_call_id INTEGER REFERENCES llm_calls(id),
    created_at TEXT NOT NULL
  );
  CREATE INDEX verdicts_episode ON verdicts(episode_id, t);
  `,
  // 5: fork provenance (issue 8 "Fork"): the episode a fork replayed and the step its new policy took over
  // at; steps t < fork_step are the replayed prefix.
  `
  ALTER TABLE episodes ADD COLUMN forked_from_episode_id TEXT;
  ALTER TABLE episodes ADD COLUMN fork_step INTEGER;
  `,
  // 6: what the policy read on each step (issue 23): the policy's own view and WebRL's HTML view of the same
  // extraction, each a text blob plus the blob of its id map, as one JSON document (StepViews).
  `
  ALTER TABLE steps ADD COLUMN views TEXT;
  `,
  // 7: study notes (issue 21 "Study tables"): a free-text note per episode and any number of tags, so a person
  // can mark episodes while studying them and filter by the marks later.
  `
  ALTER TABLE episodes ADD COLUMN note TEXT;
  CREATE TABLE episode_tags (
    episode_id TEXT NOT NULL REFERENCES episodes(id) ON DELETE CASCADE,
    tag TEXT NOT NULL,
    PRIMARY KEY (episode_id, tag)
  );
  CREATE INDEX episode_tags_tag ON episode_tags(tag);
  `,
  // 8: lists at scale (issue 22): the step count stored on the episode (kept by triggers, so every writer of
  // steps keeps it right; backfilled here) and an index on the list's sort column, so a page of the newest
  // episodes is read without scanning and counting every row.
  `
  ALTER TABLE episodes ADD COLUMN step_count INTEGER NOT NULL DEFAULT 0;
  UPDATE episodes SET step_count = (SELECT COUNT(*) FROM steps s WHERE s.episode_id = episodes.id);
  CREATE TRIGGER steps_count_insert AFTER INSERT ON steps BEGIN
    UPDATE episodes SET step_count = step_count + 1 WHERE id = NEW.episode_id;
  END;
  CREATE TRIGGER steps_count_delete AFTER DELETE ON steps BEGIN
    UPDATE episodes SET step_count = step_count - 1 WHERE id = OLD.episode_id;
  END;
  CREATE INDEX episodes_created ON episodes(created_at DESC, id);
  `,
  // 9: the instruction an episode was given when it differs from its task's intent (issue 20: MiniWoB++ makes
  // one per seed, read from the page; docs/design/WEBARENA.md §5). NULL means the task's intent.
  `
  ALTER TABLE episodes ADD COLUMN instruction TEXT;
  `,
  // 10: replay thumbnails (issue 22 "Replay"): a ~160 px wide JPEG of each step's viewport, taken with the
  // screenshot, for the filmstrip. NULL on steps recorded before, or without a screenshot.
  `
  ALTER TABLE steps ADD COLUMN thumbnail_ref TEXT;
  `,
  // 11: training instances (issue 17): a sandbox instance stored only because a training job rolled it out or
  // evaluates on it is kept (its episodes refer to it) but left out of the task lists by default. Backfilled:
  // a sandbox task whose every episode is a training rollout; the catalog's own tasks are marked back as the
  // user's when the core registers its catalog at start-up (runs/sandbox-catalog.ts).
  `
  ALTER TABLE tasks ADD COLUMN training INTEGER NOT NULL DEFAULT 0;
  UPDATE tasks SET training = 1 WHERE source = 'sandbox'
    AND EXISTS (SELECT 1 FROM episodes e JOIN runs r ON r.id = e.run_id WHERE e.task_id = tasks.id AND r.kind = 'rollout')
    AND NOT EXISTS (SELECT 1 FROM episodes e LEFT JOIN runs r ON r.id = e.run_id WHERE e.task_id = tasks.id AND (r.kind IS NULL OR r.kind <> 'rollout'));
  `,
  // 12: why the provider stopped each reply (STOP, MAX_TOKENS, SAFETY, length…), so a blocked or truncated
  // reply is told apart from the model's own answer. NULL on calls recorded before.
  `
  ALTER TABLE llm_calls ADD COLUMN finish_reason TEXT;
  `,
  // 13: owners a reused pid cannot impersonate (store/owner-liveness.ts): the owning store's random token and the
  // heartbeat (epoch ms) it refreshes while the run or episode is running. Rows from before have neither and are
  // judged by their pid, as before. The partial indexes keep each heartbeat to the few rows still owned.
  `
  ALTER TABLE runs ADD COLUMN owner_token TEXT;
  ALTER TABLE runs ADD COLUMN heartbeat_at INTEGER;
  ALTER TABLE episodes ADD COLUMN owner_token TEXT;
  ALTER TABLE episodes ADD COLUMN heartbeat_at INTEGER;
  CREATE INDEX runs_owner_token ON runs(owner_token) WHERE owner_token IS NOT NULL;
  CREATE INDEX episodes_owner_token ON episodes(owner_token) WHERE owner_token IS NOT NULL;
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
