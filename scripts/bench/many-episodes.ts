import type { Core } from '../../main/core';

// A data directory with many finished episodes, written straight into SQLite in two statements (the lists
// bench and the windowed-table e2e test, issue 22): three tasks on three sites, oracle and sgo alternating,
// every other one solved, one second apart from 2026-01-01T00:00:00Z (episode i is `bench-00000i`), and
// 12 steps each.
export const MANY_EPISODES_STEPS = 12;

export async function seedManyEpisodes(core: Core, episodes: number): Promise<void> {
  for (const [id, site] of [['bench-a', 'shop'], ['bench-b', 'admin'], ['bench-c', 'code']]) {
    await core.store.tasks.upsert({ id, source: 'sandbox', sites: [site], intent: `Benchmark task on ${site}`, startUrl: 'http://x/', config: {}, split: 'test', family: `${site}/bench` });
  }
  await core.store.db.exec(`
    WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < ${episodes - 1})
    INSERT INTO episodes (id, run_id, task_id, policy, seed, status, success, score, stop_reason, outcome, created_at, finished_at)
    SELECT printf('bench-%06d', i), NULL, 'bench-' || char(97 + i % 3), CASE i % 2 WHEN 0 THEN 'oracle' ELSE 'sgo' END, i,
      'finished', i % 2, i % 2, 'agent_stop', 'bench', strftime('%Y-%m-%dT%H:%M:%fZ', '2026-01-01', '+' || i || ' seconds'), NULL FROM n;
    WITH RECURSIVE k(t) AS (SELECT 0 UNION ALL SELECT t + 1 FROM k WHERE t < ${MANY_EPISODES_STEPS - 1})
    INSERT INTO steps (episode_id, t, url, action_text, latency_ms, timings)
    SELECT e.id, k.t, 'http://x/', 'click [1]', 1, '{}' FROM episodes e, k;`);
}
