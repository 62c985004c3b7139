import type { EpisodeListRow, EpisodePageQuery, WorkbenchApi } from '../../../main/api/contract';

/** The API's largest episode page (main/api/schemas.ts MAX_EPISODE_PAGE). */
const PAGE = 1000;

/** Every episode row matching the query (a run's, for comparing two runs), fetched page by page so each
 * message stays bounded. */
export async function listAllEpisodeRows(api: Pick<WorkbenchApi, 'listEpisodePage'>, query: Omit<EpisodePageQuery, 'offset' | 'limit'>): Promise<EpisodeListRow[]> {
  const rows: EpisodeListRow[] = [];
  for (;;) {
    const page = await api.listEpisodePage({ ...query, offset: rows.length, limit: PAGE });
    rows.push(...page.rows);
    if (page.rows.length === 0 || rows.length >= page.total) return rows;
  }
}
