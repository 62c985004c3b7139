import type { TaskQuery, WorkbenchApi } from '../../../main/api/contract';
import type { TaskSummary } from '../../../main/api/types';

/** The API's largest task page (main/api/schemas.ts MAX_TASK_PAGE). */
const PAGE = 1000;

/** Every task matching the query, fetched page by page: for pickers that need the whole list (subgoal task
 * select, training families) while each message stays bounded. */
export async function listAllTasks(api: Pick<WorkbenchApi, 'listTasks'>, query: Omit<TaskQuery, 'offset' | 'limit'> = {}): Promise<TaskSummary[]> {
  const tasks: TaskSummary[] = [];
  for (;;) {
    const page = await api.listTasks({ ...query, offset: tasks.length, limit: PAGE });
    tasks.push(...page.tasks);
    if (page.tasks.length === 0 || tasks.length >= page.total) return tasks;
  }
}
