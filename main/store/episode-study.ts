import type { EpisodeQuery, EpisodeStudyFields } from '../api/contract';

// The episodes table's study columns and filters (issue 21 "Study tables"), as SQL over the episodes row `e`,
// its task `t` and its run `r`. Filtering here, not in the renderer, keeps a search over thousands of
// episodes to the rows that match (docs/design/ARCHITECTURE.md §5: SQLite is the one source of truth).

export const STUDY_JOINS = 'LEFT JOIN tasks t ON t.id = e.task_id LEFT JOIN runs r ON r.id = e.run_id';

export const STUDY_COLUMNS = [
  // An episode's own instruction (MiniWoB++: per seed, issue 20) is its intent in every list.
  'COALESCE(e.instruction, t.intent) AS task_intent',
  't.sites AS task_sites',
  't.family AS task_family',
  `(SELECT ss.version FROM episode_subgoals es JOIN subgoal_sets ss ON ss.id = es.subgoal_set_id WHERE es.episode_id = e.id) AS subgoal_version`,
  `json_extract(r.config, '$.promptVersion') AS prompt_version`,
  `json_extract(r.config, '$.llm.model') AS run_model`,
  `(SELECT json_group_array(tag) FROM (SELECT g.tag FROM episode_tags g WHERE g.episode_id = e.id ORDER BY g.tag)) AS tags`,
].join(', ');

export interface StudyRow {
  task_intent: string | null;
  task_sites: string | null;
  task_family: string | null;
  subgoal_version: number | null;
  prompt_version: number | null;
  run_model: string | null;
  note: string | null;
  tags: string;
}

export function toStudyFields(row: StudyRow): EpisodeStudyFields {
  return {
    intent: row.task_intent ?? '',
    sites: row.task_sites ? JSON.parse(row.task_sites) : [],
    family: row.task_family,
    subgoalVersion: row.subgoal_version,
    promptVersion: typeof row.prompt_version === 'number' ? row.prompt_version : null,
    model: row.run_model,
    note: row.note,
    tags: JSON.parse(row.tags) as string[],
  };
}

/** LIKE pattern for a literal substring: %, _ and the escape character itself match only themselves. */
function contains(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Adds the study filters of `query` to a WHERE list over `e`. Each is a subquery on `e` alone, so plain
 * episode queries (without STUDY_JOINS) can use them too. */
export function studyFilter(query: EpisodeQuery, where: string[], params: unknown[]): void {
  if (query.search) {
    // Intents, answers and notes; LIKE is case-insensitive for ASCII, which covers the task texts.
    const pattern = contains(query.search);
    where.push(`(e.task_id IN (SELECT id FROM tasks WHERE intent LIKE ? ESCAPE '\\') OR e.instruction LIKE ? ESCAPE '\\' OR e.answer LIKE ? ESCAPE '\\' OR e.note LIKE ? ESCAPE '\\')`);
    params.push(pattern, pattern, pattern, pattern);
  }
  if (query.family) (where.push('e.task_id IN (SELECT id FROM tasks WHERE family = ?)'), params.push(query.family));
  if (query.policy) (where.push('e.policy = ?'), params.push(query.policy));
  if (query.subgoalVersion !== undefined) {
    where.push('e.id IN (SELECT es.episode_id FROM episode_subgoals es JOIN subgoal_sets ss ON ss.id = es.subgoal_set_id WHERE ss.version = ?)');
    params.push(query.subgoalVersion);
  }
  if (query.promptVersion !== undefined) {
    where.push(`e.run_id IN (SELECT id FROM runs WHERE json_extract(config, '$.promptVersion') = ?)`);
    params.push(query.promptVersion);
  }
  if (query.tag) (where.push('e.id IN (SELECT episode_id FROM episode_tags WHERE tag = ?)'), params.push(query.tag));
}
