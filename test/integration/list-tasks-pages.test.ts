import { describe, expect, it } from 'vitest';
import { validateRequest } from '../../main/api/schemas';
import { SANDBOX_FAMILIES } from '../../main/sandbox/families';
import { useCore } from '../helpers/use-core';

// listTasks is paginated and leaves the configs out (issue 14 "Backpressure"): each message stays bounded
// however many WebArena/MiniWoB tasks were imported.
const core = useCore({ sandbox: { instancesPerFamily: 1 } });

describe('listTasks pages', () => {
  it('pages through every task in id order, with the total and without configs', async () => {
    const first = await core.api.listTasks({ limit: 20 });
    expect(first.total).toBe(SANDBOX_FAMILIES.length);
    expect(first.offset).toBe(0);
    expect(first.tasks).toHaveLength(20);
    expect(first.tasks[0]).not.toHaveProperty('config');
    expect(Object.keys(first.tasks[0]).sort()).toEqual(['family', 'id', 'intent', 'sites', 'source', 'split', 'startUrl']);

    const seen = [...first.tasks];
    for (let offset = 20; offset < first.total; offset += 20) {
      const page = await core.api.listTasks({ offset, limit: 20 });
      expect(page.offset).toBe(offset);
      seen.push(...page.tasks);
    }
    const ids = seen.map((t) => t.id);
    expect(ids).toEqual([...ids].sort());
    expect(new Set(ids).size).toBe(SANDBOX_FAMILIES.length);
    expect((await core.api.listTasks({ offset: first.total })).tasks).toEqual([]);
  });

  it('filters by source and defaults to one page of at most 500', async () => {
    expect((await core.api.listTasks({ source: 'webarena' })).total).toBe(0);
    const all = await core.api.listTasks();
    expect(all.tasks).toHaveLength(Math.min(500, all.total));
    expect((await core.api.listTasks({ source: 'sandbox' })).total).toBe(all.total);
  });

  it('refuses pages over 1000, negative offsets and unknown fields at the transport', () => {
    expect(validateRequest('listTasks', [])).toEqual([]);
    expect(validateRequest('listTasks', [{ offset: 5, limit: 1000 }])).toEqual([{ offset: 5, limit: 1000 }]);
    expect(() => validateRequest('listTasks', [{ limit: 1001 }])).toThrow(/listTasks: argument 0\.limit/);
    expect(() => validateRequest('listTasks', [{ offset: -1 }])).toThrow(/argument 0\.offset/);
    expect(() => validateRequest('listTasks', [{ withConfig: true }])).toThrow(/listTasks/);
  });
});
