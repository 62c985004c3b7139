import { describe, expect, it } from 'vitest';
import { SANDBOX_FAMILIES, findFamily, instantiateAll } from '../../../main/sandbox/families';
import { SITE_SLOTS, type SandboxSiteId } from '../../../main/sandbox/site';
import type { SandboxTaskInstance } from '../../../main/sandbox/types';

const CONFIG_FIELDS = ['sites', 'task_id', 'require_login', 'storage_state', 'start_url', 'geolocation', 'intent_template',
  'instantiation_dict', 'intent', 'require_reset', 'eval', 'intent_template_id'];
const EVAL_FIELDS = ['eval_types', 'reference_answers', 'reference_url', 'program_html', 'url_note', 'string_note', 'reference_answer_raw_annotation'];

const cfg = (i: SandboxTaskInstance) => i.config as Record<string, any>;

describe('sandbox task families', () => {
  it('registers at least 6 families per implemented site covering info, navigation and change', () => {
    for (const site of new Set(SANDBOX_FAMILIES.map((f) => f.site))) {
      expect(SANDBOX_FAMILIES.filter((f) => f.site === site).length, site).toBeGreaterThanOrEqual(6);
    }
    expect(new Set(SANDBOX_FAMILIES.map((f) => f.kind))).toEqual(new Set(['info', 'navigation', 'change']));
    expect(new Set(SANDBOX_FAMILIES.map((f) => f.id)).size).toBe(SANDBOX_FAMILIES.length);
    expect(findFamily('shop/cheapest-in-category')?.kind).toBe('info');
    expect(findFamily('nope')).toBeUndefined();
  });

  it('emits configs with every WebArena field and the matching eval type', () => {
    for (const inst of instantiateAll(1, 10)) {
      const c = cfg(inst);
      const slot = SITE_SLOTS[inst.site as SandboxSiteId];
      const placeholders = Object.values(SITE_SLOTS).map((s) => s.placeholder).join('|');
      expect(Object.keys(c)).toEqual(CONFIG_FIELDS);
      expect(Object.keys(c.eval)).toEqual(EVAL_FIELDS);
      expect(c.sites[0]).toBe(slot.webarenaSite);
      expect(c.require_login).toBe(false);
      expect(c.storage_state).toBeNull();
      expect(c.geolocation).toBeNull();
      expect(c.start_url).toMatch(new RegExp(`^(${placeholders})`));
      expect(typeof c.task_id).toBe('number');
      expect(typeof c.intent_template_id).toBe('number');
      expect(c.intent).not.toMatch(/\{\{/);
      for (const [key, value] of Object.entries(c.instantiation_dict)) {
        expect(c.intent_template).toContain(`{{${key}}}`);
        expect(c.intent).toContain(String(value));
      }
      const kind = findFamily(inst.family)!.kind;
      const type = { info: 'string_match', navigation: 'url_match', change: 'program_html' }[kind];
      // A navigation task may also check the final page when its URL alone is ambiguous (admin/order-customer).
      expect(c.eval.eval_types).toEqual(type === 'url_match' && c.eval.program_html.length > 0 ? [type, 'program_html'] : [type]);
      if (type === 'string_match') expect(c.eval.reference_answers.must_include.length).toBeGreaterThan(0);
      if (type === 'url_match') {
        expect(c.eval.reference_url).toMatch(new RegExp(`^(${placeholders})/`));
        expect(c.eval.url_note).toBe('GOLD in PRED');
      }
      if (type === 'program_html') {
        for (const t of c.eval.program_html) {
          // 'last' = the page the agent ended on (WebArena's program_html), otherwise a site page.
          if (t.url !== 'last') expect(t.url).toMatch(new RegExp(`^(${placeholders})/`));
          // must_include items, or one exact_match text (a whole list, so extra items fail).
          expect(t.required_contents.must_include?.length ?? String(t.required_contents.exact_match ?? '').length).toBeGreaterThan(0);
        }
      }
    }
  });

  it('gives valid oracle plans and 3-5 reference subgoals', () => {
    const all = instantiateAll(1, 10);
    for (const inst of all) {
      expect(inst.id).toMatch(new RegExp(`^sandbox/${inst.family}/\\d+$`));
      expect(inst.oracle.at(-1)!.type).toBe('stop');
      // Only cross-site tasks jump with goto (to the other site's start page, as a WebArena agent would).
      const crossSite = cfg(inst).sites.length > 1;
      expect(inst.oracle.slice(0, -1).every((s) => s.type !== 'stop' && (crossSite || s.type !== 'goto'))).toBe(true);
      for (const step of inst.oracle) {
        if (['click', 'type', 'select'].includes(step.type)) expect(step.target?.role).toBeTruthy();
        if (step.type === 'type' || step.type === 'select') expect(step.text).toBeTruthy();
      }
      expect(inst.subgoals.length).toBeGreaterThanOrEqual(3);
      expect(inst.subgoals.length).toBeLessThanOrEqual(5);
      for (const g of inst.subgoals) if (g.predicate.kind === 'url_matches') expect(() => new RegExp(g.predicate.kind === 'url_matches' ? g.predicate.pattern : '')).not.toThrow();
      const answer = inst.oracle.at(-1)!.text ?? '';
      const must = cfg(inst).eval.reference_answers?.must_include as string[] | undefined;
      if (must) for (const m of must) expect(answer.toLowerCase()).toContain(m.toLowerCase());
    }
    const lengths = all.map((i) => i.oracle.length);
    expect(Math.min(...lengths)).toBeLessThanOrEqual(5);
    expect(lengths.filter((n) => n >= 8).length / lengths.length).toBeGreaterThan(0.2);
  });

  it('is deterministic in (seed, index) and differs across seeds', () => {
    for (const family of SANDBOX_FAMILIES) {
      for (const index of [0, 3, 17]) expect(family.instantiate(1, index)).toEqual(family.instantiate(1, index));
      const a = [0, 1, 2, 3].map((i) => cfg(family.instantiate(1, i)).intent);
      const b = [0, 1, 2, 3].map((i) => cfg(family.instantiate(2, i)).intent);
      expect(a).not.toEqual(b);
    }
  });

  it('splits by index (every fifth instance is test) and wraps indices to the same task and split', () => {
    for (const family of SANDBOX_FAMILIES) {
      const n = family.count!(1);
      expect(n).toBeGreaterThanOrEqual(20);
      const first = Array.from({ length: 10 }, (_, i) => family.instantiate(1, i));
      expect(first.map((i) => i.split)).toEqual(first.map((_, i) => (i % 5 === 0 ? 'test' : 'train')));
      const intents = new Set(Array.from({ length: Math.min(n, 20) }, (_, i) => cfg(family.instantiate(1, i)).intent));
      expect(intents.size).toBe(Math.min(n, 20));
      const wrapped = family.instantiate(1, n + 3);
      expect(cfg(wrapped).intent).toBe(cfg(family.instantiate(1, 3)).intent);
      expect(wrapped.split).toBe(family.instantiate(1, 3).split);
    }
    expect(() => SANDBOX_FAMILIES[0].instantiate(1, -1)).toThrow(RangeError);
  });

  it('instantiateAll caps at each family count', () => {
    const all = instantiateAll(1, 3);
    expect(all).toHaveLength(SANDBOX_FAMILIES.length * 3);
    expect(new Set(all.map((i) => i.id)).size).toBe(all.length);
  });
});
