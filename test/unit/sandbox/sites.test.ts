import { describe, expect, it } from 'vitest';
import { SANDBOX_SITE_IDS, SANDBOX_SITE_SLOTS } from '../../../main/api/registries';
import { SANDBOX_FAMILIES } from '../../../main/sandbox/families';
import { SANDBOX_SITES } from '../../../main/sandbox/server';
import { SITE_LIST, SITES } from '../../../main/sandbox/sites';

// One list of sites (issue 19): the registry names them, main/sandbox/sites.ts holds each folder's one-shape
// entry, and the server and the family catalog are derived from that list.

describe('sandbox site registry', () => {
  it('lists every registered site once, each under its own id', () => {
    expect(Object.keys(SITES).sort()).toEqual([...SANDBOX_SITE_IDS].sort());
    for (const id of SANDBOX_SITE_IDS) expect(SITES[id].module.id).toBe(id);
    expect(SITE_LIST.map((s) => s.module.id)).toEqual([...SANDBOX_SITE_IDS]);
    expect(SANDBOX_SITES.map((s) => s.id)).toEqual([...SANDBOX_SITE_IDS]);
  });

  it('every site has families, each family starts on its own site, and the catalog holds exactly them plus the cross-site ones', () => {
    for (const { module, families } of SITE_LIST) {
      expect(families.length, module.id).toBeGreaterThan(0);
      for (const f of families) expect(f.site, f.id).toBe(module.id);
    }
    const perSite = SITE_LIST.flatMap((s) => s.families);
    expect(SANDBOX_FAMILIES.slice(0, perSite.length)).toEqual(perSite);
    const rest = SANDBOX_FAMILIES.slice(perSite.length);
    for (const f of rest) expect(f.id.startsWith('cross/'), f.id).toBe(true);
    for (const f of SANDBOX_FAMILIES) expect(SANDBOX_SITE_IDS as readonly string[]).toContain(f.site);
  });

  it('slots are distinct: no two sites share a prefix or a placeholder', () => {
    const slots = Object.values(SANDBOX_SITE_SLOTS);
    expect(new Set(slots.map((s) => s.prefix)).size).toBe(slots.length);
    expect(new Set(slots.map((s) => s.placeholder)).size).toBe(slots.length);
  });
});
