// The sweep's browserless half (issue 15): checks on every family and every instance the full oracle sweep
// runs, that need no browser because the page model answers them: the sandbox server's URLs and its
// per-episode state. `npm test` runs the browser sweep on a rotating third of the families
// (test/integration/oracle-episodes.test.ts); these run on all of them, every time.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_FAMILIES } from '../../../main/sandbox/families';
import { startSandboxServer, type SandboxServer } from '../../../main/sandbox/server';
import { SITE_SLOTS, type SandboxSiteId } from '../../../main/sandbox/site';
import type { SandboxTaskInstance } from '../../../main/sandbox/types';
import { FULL_INSTANCES } from '../../helpers/sweep-selection';

const instances: SandboxTaskInstance[] = SANDBOX_FAMILIES.flatMap((f) => Array.from({ length: FULL_INSTANCES }, (_, i) => f.instantiate(1, i)));
let server: SandboxServer;
let resolve: (text: string) => string;
beforeAll(async () => {
  server = await startSandboxServer({ port: 0, datasetSeed: 1 });
  const placeholders = Object.entries(server.placeholders());
  resolve = (text) => placeholders.reduce((s, [k, v]) => s.replaceAll(k, v), text);
});
afterAll(async () => {
  await server?.close();
});

describe(`reference subgoals of all ${SANDBOX_FAMILIES.length} families × ${FULL_INSTANCES} instances, without a browser`, () => {
  it('no URL or site-state milestone already holds on the start page of a fresh episode', () => {
    const held: string[] = [];
    for (const inst of instances) {
      const start = resolve(String(inst.config.start_url));
      const { stateId } = server.createEpisodeState();
      try {
        inst.subgoals.forEach((goal, k) => {
          const p = goal.predicate;
          if (p.kind === 'url_matches' && new RegExp(p.pattern).test(start)) held.push(`${inst.id} #${k + 1} url ${p.pattern} on ${start}`);
          if (p.kind === 'site_state' && server.checkState(stateId, p.check, p.args)) held.push(`${inst.id} #${k + 1} ${p.check}`);
        });
      } finally {
        server.dropEpisodeState(stateId);
      }
    }
    expect(held).toEqual([]);
  });

  it('every site-state milestone names a check its site knows', () => {
    const unknown: string[] = [];
    const { stateId } = server.createEpisodeState();
    for (const inst of instances) {
      for (const goal of inst.subgoals) {
        const p = goal.predicate;
        if (p.kind !== 'site_state') continue;
        try {
          server.checkState(stateId, p.check, p.args);
        } catch (err) {
          unknown.push(`${inst.id}: ${p.check}: ${(err as Error).message}`);
        }
      }
    }
    server.dropEpisodeState(stateId);
    expect(unknown).toEqual([]);
    expect(instances.some((i) => i.subgoals.some((g) => g.predicate.kind === 'site_state'))).toBe(true);
  });

  it('a navigation task\'s target URL satisfies one of its URL milestones', () => {
    const navigation = instances.filter((i) => (i.config.eval as { eval_types: string[] }).eval_types.includes('url_match'));
    expect(navigation.length).toBeGreaterThan(0);
    const missed = navigation.filter((inst) => {
      const target = resolve(String((inst.config.eval as { reference_url: string }).reference_url));
      return !inst.subgoals.some((g) => g.predicate.kind === 'url_matches' && new RegExp(g.predicate.pattern).test(target));
    });
    expect(missed.map((i) => i.id)).toEqual([]);
  });

  it('every instance starts on its site\'s placeholder and has 3–5 milestones', () => {
    for (const inst of instances) {
      expect(String(inst.config.start_url), inst.id).toContain(SITE_SLOTS[inst.site as SandboxSiteId].placeholder);
      expect(inst.subgoals.length, inst.id).toBeGreaterThanOrEqual(3);
      expect(inst.subgoals.length, inst.id).toBeLessThanOrEqual(5);
    }
  });
});
