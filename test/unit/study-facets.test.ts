import { describe, expect, it } from 'vitest';
import type { EpisodeSummary, RunSummary } from '../../main/api/contract';
import { mergeSeen, studyFacets } from '../../renderer/src/features/episodes/study-facets';
import { parseTags } from '../../renderer/src/features/episodes/tags';

const ep = (id: string, family: string | null, tags: string[], subgoalVersion: number | null, promptVersion: number | null) =>
  ({ id, family, tags, subgoalVersion, promptVersion }) as EpisodeSummary;
const run = (id: string, policy: string, promptVersion: number | null, subgoalVersions: number[]) =>
  ({ id, kind: 'eval', config: { policy }, promptVersion, subgoalVersions }) as unknown as RunSummary;

describe('study filter choices', () => {
  it('offers each family, tag and version once, sorted, from the episodes seen and the runs', () => {
    const facets = studyFacets(
      [ep('a', 'shop/price', ['review'], 2, null), ep('b', 'shop/cart', ['flaky', 'review'], null, 3), ep('c', null, [], 1, null)],
      [run('0123456789', 'sgo', 3, [1, 4]), run('abcdefghij', 'oracle', null, [])],
    );
    expect(facets).toEqual({
      family: ['shop/cart', 'shop/price'],
      tag: ['flaky', 'review'],
      runs: [{ id: '0123456789', label: '01234567 · sgo' }, { id: 'abcdefghij', label: 'abcdefgh · oracle' }],
      subgoalVersion: [1, 2, 4],
      promptVersion: [3],
    });
  });

  it("adds the host's families and tags (every episode in scope) to those of the rows loaded so far", () => {
    const facets = studyFacets([ep('a', 'shop/price', ['review'], null, null)], [], { family: ['forum/create-post', 'shop/price'], tag: ['flaky'] });
    expect([facets.family, facets.tag]).toEqual([['forum/create-post', 'shop/price'], ['flaky', 'review']]);
  });

  it("names a training job's run by its phase and stage (issue 21)", () => {
    const rollouts = { id: 'fedcba9876', kind: 'rollout', config: { policy: 'local', phase: 1, training: { jobId: 'j', variant: 'full', stage: 'rollout' } }, promptVersion: null, subgoalVersions: [] } as unknown as RunSummary;
    expect(studyFacets([], [rollouts]).runs).toEqual([{ id: 'fedcba9876', label: 'fedcba98 · training phase 1 rollout' }]);
  });

  it('keeps every episode seen across filtered loads once, the newest answer winning', () => {
    const merged = mergeSeen([ep('a', 'x', [], null, null), ep('b', 'y', [], null, null)], [ep('b', 'y', ['new'], null, null)]);
    expect(merged.map((e) => [e.id, e.tags])).toEqual([['a', []], ['b', ['new']]]);
  });

  it('reads typed tags: comma-separated, trimmed, no empties or repeats', () => {
    expect(parseTags(' flaky, long one ,,flaky, ')).toEqual(['flaky', 'long one']);
    expect(parseTags('')).toEqual([]);
  });
});
