// Numeric answers that no wrong answer contains (docs/design/SANDBOX.md §3.1). The webarena profile's
// must_include is a substring test, so before the screen "12" passed an answer that only restated the
// question ("… between 2023-04-08 and 2023-04-21") and "14" passed the figure in the next column ("114").
// Each instance is scored by the real evaluator; the wrong figures are recomputed here from the dataset.
import { describe, expect, it } from 'vitest';
import { evaluateEpisode } from '../../../main/eval/evaluate';
import { embeddedAnswer } from '../../../main/sandbox/answer-screen';
import { ORDER_STATUSES, getAdminData, money } from '../../../main/sandbox/admin/data';
import { bestsellers, salesReport } from '../../../main/sandbox/admin/model';
import { removeInPlace } from '../../../main/sandbox/family-kit';
import { SANDBOX_FAMILIES, findFamily } from '../../../main/sandbox/families';
import { getMapData } from '../../../main/sandbox/map/data';
import { TRAVEL_MODES, route } from '../../../main/sandbox/map/geo';
import type { SandboxTaskInstance } from '../../../main/sandbox/types';

const SEEDS = [1, 2, 3, 4, 5];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const cfg = (i: SandboxTaskInstance) => i.config as Record<string, any>;
const dict = (i: SandboxTaskInstance) => cfg(i).instantiation_dict as Record<string, any>;
const all = (family: string, seed: number) => Array.from({ length: findFamily(family)!.count!(seed) }, (_, i) => findFamily(family)!.instantiate(seed, i));

async function passes(inst: SandboxTaskInstance, answer: string): Promise<boolean> {
  const result = await evaluateEpisode(inst.config, { answer, finalUrl: '', profile: 'webarena', placeholders: (s) => s });
  return result.success;
}

/** Every answer in `right` passes and every figure in `wrong` (other than the reference) fails. */
async function expectOnlyRight(inst: SandboxTaskInstance, right: string[], wrong: string[]): Promise<string[]> {
  const problems: string[] = [];
  for (const a of right) if (!(await passes(inst, a))) problems.push(`${inst.id}: right answer "${a}" fails`);
  const reference = cfg(inst).eval.reference_answers.must_include[0] as string;
  for (const w of wrong) if (w !== reference && (await passes(inst, `It is ${w}.`))) problems.push(`${inst.id}: wrong "${w}" passes for "${reference}"`);
  return problems;
}

describe('numeric info answers (webarena profile)', () => {
  it('the screen finds a reference inside an intent value or a wrong answer, never a one-character sole item', () => {
    expect(embeddedAnswer({ must_include: ['12'] }, ['Complete', '2023-04-12'], [])).toMatch(/inside "2023-04-12"/);
    expect(embeddedAnswer({ must_include: ['340.27'] }, ['April'], ['1340.27'])).toMatch(/wrong answer "1340.27"/);
    expect(embeddedAnswer({ must_include: ['340.27'] }, ['April'], ['340.27', '12.00'])).toBeNull();
    expect(embeddedAnswer({ must_include: ['3'] }, ['2023'], ['13'])).toBeNull();
    expect(embeddedAnswer({ must_include: ['Hillside Cafe', '3'] }, ['2023'], [])).toMatch(/inside "2023"/);
  });

  it('removing keeps every other item in its place; the last ones fill the gaps', () => {
    expect(removeInPlace([1, 2, 3, 4, 5, 6], (n) => n % 2 === 1)).toEqual([1, 5, 3]);
    expect(removeInPlace([2, 1, 4], (n) => n % 2 === 1)).toEqual([1]);
  });

  it.each(SEEDS)('seed %i: an answer that only restates the question fails in every numeric info family', async (seed) => {
    const problems: string[] = [];
    for (const family of SANDBOX_FAMILIES.filter((f) => f.kind === 'info')) {
      const count = Math.min(family.count!(seed), 1200);
      for (let i = 0; i < count; i++) {
        const inst = family.instantiate(seed, i);
        if (await passes(inst, cfg(inst).intent)) problems.push(`${inst.id}: "${cfg(inst).intent}" passes`);
      }
    }
    expect(problems).toEqual([]);
  }, 600_000);

  it.each(SEEDS)('seed %i: admin/sales-report and admin/count-orders reject the figure from the next column or status', async (seed) => {
    const data = getAdminData(seed);
    const problems: string[] = [];
    for (const inst of all('admin/sales-report', seed)) {
      const d = dict(inst);
      const mm = d.month ? String(MONTHS.indexOf(d.month) + 1).padStart(2, '0') : '';
      const [period, from, to] = d.date ? ['day', d.date, d.date] as const
        : d.month ? ['month', `${d.year}-${mm}-01`, `${d.year}-${mm}-31`] as const : ['year', `${d.year}-01-01`, `${d.year}-12-31`] as const;
      const row = salesReport(data.orders, period, from, to)[0];
      const raw = cfg(inst).eval.reference_answer_raw_annotation as string;
      problems.push(...(await expectOnlyRight(inst, [raw, raw.replace('$', ''), `The report says ${raw}.`],
        [money(row.revenue).slice(1), String(row.orders), String(row.items)])));
    }
    for (const inst of all('admin/count-orders', seed)) {
      const d = dict(inst);
      const mm = d.month ? String(MONTHS.indexOf(d.month) + 1).padStart(2, '0') : '';
      const [from, to] = d.month ? [`${d.year}-${mm}-01`, `${d.year}-${mm}-31`] : [d.from, d.to];
      const inRange = data.orders.filter((o) => o.date >= from && o.date <= to);
      const n = inRange.filter((o) => o.status === d.status).length;
      problems.push(...(await expectOnlyRight(inst, [String(n), `${n} orders`],
        [...ORDER_STATUSES.map((s) => String(inRange.filter((o) => o.status === s.label).length)), String(inRange.length)])));
    }
    expect(problems).toEqual([]);
  }, 600_000);

  it.each(SEEDS)('seed %i: admin/bestseller-stock rejects the units sold for the units in stock', async (seed) => {
    const data = getAdminData(seed);
    const problems: string[] = [];
    for (const inst of all('admin/bestseller-stock', seed)) {
      const d = dict(inst);
      const top = bestsellers(data.orders, `${d.year}-${String(MONTHS.indexOf(d.month) + 1).padStart(2, '0')}`)[0];
      const product = data.productById.get(top.productId)!;
      const raw = cfg(inst).eval.reference_answer_raw_annotation as string;
      problems.push(...(await expectOnlyRight(inst, [raw], [String(top.qty), String(product.qty), money(product.price).slice(1), String(product.weight)])));
    }
    expect(problems).toEqual([]);
  }, 600_000);

  it.each(SEEDS)('seed %i: map/travel-time and map/nearest-then-route reject the time by another mode or from the start, and the distance', async (seed) => {
    const data = getMapData(seed);
    const named = (name: string) => data.places.find((p) => p.name === name)!;
    const problems: string[] = [];
    for (const inst of all('map/travel-time', seed)) {
      const d = dict(inst);
      const [from, to] = [named(d.from), named(d.to)];
      const mode = TRAVEL_MODES.find((m) => m.verb === d.verb)!;
      const minutes = route(from, to, mode).minutes;
      problems.push(...(await expectOnlyRight(inst, [`${minutes} min`, `About ${minutes} minutes.`],
        [route(from, to, mode).distanceKm.toFixed(1), ...TRAVEL_MODES.map((m) => `${route(from, to, m).minutes}`)])));
    }
    for (const inst of all('map/nearest-then-route', seed)) {
      const d = dict(inst);
      const raw = cfg(inst).eval.reference_answer_raw_annotation as string; // "<minutes> min from <nearest place>"
      const nearest = named(raw.slice(raw.indexOf(' from ') + 6));
      const [origin, destination] = [named(d.place), named(d.destination)];
      const mode = TRAVEL_MODES.find((m) => m.verb === d.verb)!;
      const minutes = route(nearest, destination, mode).minutes;
      problems.push(...(await expectOnlyRight(inst, [`${minutes} min`, `It takes ${minutes} minutes.`],
        [route(nearest, destination, mode).distanceKm.toFixed(1), ...TRAVEL_MODES.map((m) => `${route(nearest, destination, m).minutes}`),
          `${route(origin, destination, mode).minutes}`])));
    }
    expect(problems).toEqual([]);
  }, 600_000);
});
