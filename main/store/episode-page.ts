import type { EpisodePage, EpisodePageQuery, EpisodeSortKey } from '../api/contract';
import type { EpisodeStatus, StopReason } from '../api/types';
import type { Database } from './db';
import { studyFilter } from './episode-study';

// One page of the episodes table (issue 22 "Lists at scale"): the study query (issue 21), the table's column
// filters and its sort all run in SQL, so a page of 10k episodes reads one page of rows (the stored step
// count, only the columns the table shows) and the renderer can reach any row by offset
// (docs/design/ARCHITECTURE.md §5: SQLite is the one source of truth).

const DEFAULT_PAGE = 200;
const JOINS = 'LEFT JOIN tasks t ON t.id = e.task_id LEFT JOIN runs r ON r.id = e.run_id';

/** The phase a run belongs to, as the table names it: its training phase when one was recorded, else its kind. */
const PHASE = `CASE WHEN r.id IS NULL THEN 'none' WHEN json_extract(r.config, '$.phase') IS NULL THEN r.kind ELSE 'phase ' || json_extract(r.config, '$.phase') END`;

const SORT_SQL: Record<EpisodeSortKey, string> = {
  task: `COALESCE(e.instruction, NULLIF(t.intent, ''), e.task_id) COLLATE NOCASE`,
  site: 't.sites COLLATE NOCASE',
  policy: 'e.policy COLLATE NOCASE',
  outcome: 'COALESCE(e.success, -1)',
  failure: `COALESCE(e.failure_mode, '') COLLATE NOCASE`,
  score: 'COALESCE(e.score, -1)',
  steps: 'e.step_count',
  started: 'e.created_at',
};

const COLUMNS = `e.id, e.run_id, e.task_id, e.policy, e.status, e.success, e.score, e.failure_mode, e.stop_reason,
  e.step_count, e.created_at, e.note, COALESCE(e.instruction, t.intent) AS task_intent, t.sites AS task_sites, t.family AS task_family,
  (SELECT json_group_array(tag) FROM (SELECT g.tag FROM episode_tags g WHERE g.episode_id = e.id ORDER BY g.tag)) AS tags`;

interface PageRow {
  id: string;
  run_id: string | null;
  task_id: string;
  policy: string;
  status: EpisodeStatus;
  success: number | null;
  score: number | null;
  failure_mode: string | null;
  stop_reason: StopReason | null;
  step_count: number;
  created_at: string;
  note: string | null;
  task_intent: string | null;
  task_sites: string | null;
  task_family: string | null;
  tags: string;
}

/** Adds the table's column filters to a WHERE list over `e`, its task `t` and its run `r`. */
function tableFilter(filters: EpisodePageQuery['filters'], where: string[], params: unknown[]): void {
  if (!filters) return;
  if (filters.site) (where.push('EXISTS (SELECT 1 FROM json_each(t.sites) WHERE value = ?)'), params.push(filters.site));
  if (filters.outcome === 'succeeded') where.push('e.success = 1');
  if (filters.outcome === 'failed') where.push('e.success = 0');
  if (filters.outcome === 'unscored') where.push('e.success IS NULL');
  if (filters.failureMode) (where.push('e.failure_mode = ?'), params.push(filters.failureMode));
  if (filters.policy) (where.push('e.policy = ?'), params.push(filters.policy));
  if (filters.phase) (where.push(`${PHASE} = ?`), params.push(filters.phase));
}

/** A training job's episodes (runs of kind 'rollout', issue 21) stay out of the table and its per-site numbers
 * unless asked for: by their run, or by a phase filter (which names their phase). */
const NOT_TRAINING = `(r.kind IS NULL OR r.kind <> 'rollout')`;

function whereOf(query: EpisodePageQuery, withTableFilters: boolean, withTraining = Boolean(query.runId || query.filters?.phase)): { clause: string; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  if (!withTraining) where.push(NOT_TRAINING);
  if (query.runId) (where.push('e.run_id = ?'), params.push(query.runId));
  if (query.taskId) (where.push('e.task_id = ?'), params.push(query.taskId));
  studyFilter(query, where, params);
  if (withTableFilters) tableFilter(query.filters, where, params);
  return { clause: where.length ? ` WHERE ${where.join(' AND ')}` : '', params };
}

export async function episodePage(db: Database, query: EpisodePageQuery): Promise<EpisodePage> {
  const offset = query.offset ?? 0;
  const limit = query.limit ?? DEFAULT_PAGE;
  const { clause, params } = whereOf(query, true);
  const sort = query.sort ?? { key: 'started', descending: true };
  const direction = sort.descending ? 'DESC' : 'ASC';
  // Newest first among equals, then id, so pages never overlap; 'started' alone walks episodes_created.
  const order = sort.key === 'started' ? `e.created_at ${direction}, e.id` : `${SORT_SQL[sort.key]} ${direction}, e.created_at DESC, e.id`;
  const [rows, count] = await Promise.all([
    db.all<PageRow>(`SELECT ${COLUMNS} FROM episodes e ${JOINS}${clause} ORDER BY ${order} LIMIT ? OFFSET ?`, [...params, limit, offset]),
    db.get<{ n: number }>(`SELECT COUNT(*) AS n FROM episodes e ${JOINS}${clause}`, params),
  ]);
  return {
    rows: rows.map(toListRow),
    total: count?.n ?? 0,
    offset,
    summary: offset === 0 && query.summary !== false ? await pageSummary(db, query, clause, params) : undefined,
  };
}

async function pageSummary(db: Database, query: EpisodePageQuery, clause: string, params: unknown[]): Promise<NonNullable<EpisodePage['summary']>> {
  const scored = clause ? `${clause} AND e.success IS NOT NULL` : ' WHERE e.success IS NOT NULL';
  const perSite = await db.all<{ site: string; solved: number; total: number }>(
    `SELECT s.value AS site, SUM(e.success) AS solved, COUNT(*) AS total FROM episodes e ${JOINS}, json_each(t.sites) s${scored}
     GROUP BY s.value ORDER BY s.value`,
    params,
  );
  // The filter options come from what the study query matches, not the table filters, so choosing one
  // filter never hides the values of the others.
  const study = whereOf(query, false);
  // The phase filter offers the training phases too (choosing one shows their episodes).
  const phases = whereOf(query, false, true);
  const phaseOptions = await db.all<{ phase: string }>(`SELECT DISTINCT ${PHASE} AS phase FROM episodes e ${JOINS}${phases.clause}`, phases.params);
  const combos = await db.all<{ policy: string; failure_mode: string | null; phase: string; sites: string | null }>(
    `SELECT DISTINCT e.policy AS policy, e.failure_mode AS failure_mode, ${PHASE} AS phase, t.sites AS sites FROM episodes e ${JOINS}${study.clause}`,
    study.params,
  );
  const studyTotal = await db.get<{ n: number }>(`SELECT COUNT(*) AS n FROM episodes e ${JOINS}${study.clause}`, study.params);
  // The study filters' own choices come from every episode in scope, whatever the study query picks: the
  // renderer had read them off the rows loaded so far, which past the first page missed families.
  const scope = whereOf({ runId: query.runId, taskId: query.taskId }, false);
  const [families, tags] = await Promise.all([
    db.all<{ value: string | null }>(`SELECT DISTINCT t.family AS value FROM episodes e ${JOINS}${scope.clause}`, scope.params),
    db.all<{ value: string }>(`SELECT DISTINCT g.tag AS value FROM episode_tags g JOIN episodes e ON e.id = g.episode_id ${JOINS}${scope.clause}`, scope.params),
  ]);
  const distinct = (values: (string | null)[]) => [...new Set(values.filter((v): v is string => Boolean(v)))].sort();
  return {
    studyTotal: studyTotal?.n ?? 0,
    perSite,
    options: {
      site: distinct(combos.flatMap((c) => (c.sites ? (JSON.parse(c.sites) as string[]) : []))),
      failureMode: distinct(combos.map((c) => c.failure_mode)),
      policy: distinct(combos.map((c) => c.policy)),
      phase: distinct(phaseOptions.map((c) => c.phase)),
    },
    facets: { family: distinct(families.map((f) => f.value)), tag: distinct(tags.map((t) => t.value)) },
  };
}

function toListRow(row: PageRow): EpisodePage['rows'][number] {
  return {
    id: row.id,
    runId: row.run_id,
    taskId: row.task_id,
    policy: row.policy,
    status: row.status,
    success: row.success === null ? null : row.success === 1,
    score: row.score,
    failureMode: row.failure_mode,
    stopReason: row.stop_reason,
    stepCount: row.step_count,
    createdAt: row.created_at,
    intent: row.task_intent ?? '',
    sites: row.task_sites ? JSON.parse(row.task_sites) : [],
    family: row.task_family,
    note: row.note,
    tags: JSON.parse(row.tags) as string[],
  };
}
