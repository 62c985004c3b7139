import { describe, expect, it } from 'vitest';
import { mapPlace, mapPlaces } from '../../../main/sandbox/map/access';
import { getMapData, type MapData } from '../../../main/sandbox/map/data';
import { MAP_FAMILIES } from '../../../main/sandbox/map/families/all';
import { TRAVEL_MODES, haversineKm, modeById, route, straightKm } from '../../../main/sandbox/map/geo';
import { nearby } from '../../../main/sandbox/map/query';
import { handleMap } from '../../../main/sandbox/map/routes';
import { checkMapState, freshMapState, savePlace, type MapState } from '../../../main/sandbox/map/state';
import { textOfId } from './helpers';

const data = () => getMapData(1);

function request(state: MapState, method: 'GET' | 'POST', url: string, form: Record<string, string | number> = {}) {
  const [path, query = ''] = url.replace(/^(__MAP__|\/map)/, '').split('?');
  return handleMap({
    method, path: path || '/', query: new URLSearchParams(query), data: data(), state, siteUrl: 'http://127.0.0.1/map',
    form: new URLSearchParams(Object.entries(form).map(([k, v]) => [k, String(v)])),
  });
}

describe('map dataset', () => {
  it('is deterministic per seed and differs between seeds', () => {
    expect(mapPlaces(1)).toEqual(mapPlaces(1));
    expect(mapPlaces(1).map((p) => p.name)).not.toEqual(mapPlaces(2).map((p) => p.name));
  });

  it('has hundreds of places over five cities and ten categories, with unique, non-overlapping names', () => {
    const d: MapData = data();
    expect(d.places.length).toBeGreaterThanOrEqual(400);
    expect(d.cities).toHaveLength(5);
    expect(d.categories.map((c) => c.id)).toEqual(expect.arrayContaining(['cafe', 'museum', 'hospital', 'park', 'hotel', 'station', 'university']));
    for (const city of d.cities) for (const c of d.categories) expect(d.places.filter((p) => p.city === city && p.category === c.id).length).toBeGreaterThanOrEqual(8);
    const names = d.places.map((p) => p.name.toLowerCase());
    expect(new Set(names).size).toBe(names.length);
    expect(new Set(d.places.map((p) => p.slug)).size).toBe(names.length);
    for (const a of names) expect(names.filter((b) => b.includes(a))).toEqual([a]);
    for (const p of d.places) expect(p.name).toMatch(/^[A-Za-z .]+$/);
  });

  it('exports a read-only accessor with place page URLs', () => {
    const first = mapPlaces(1)[0];
    expect(first.url).toBe(`__MAP__/place/${data().places[0].slug}`);
    expect(mapPlace(1, first.name.toUpperCase())).toEqual(first);
    first.name = 'changed';
    expect(mapPlaces(1)[0].name).not.toBe('changed');
  });
});

describe('map distance and time math', () => {
  it('matches a hand-worked example: one degree of longitude on the equator', () => {
    // 6371 km × π/180 = 111.19 km.
    expect(haversineKm({ lat: 0, lon: 0 }, { lat: 0, lon: 1 })).toBeCloseTo(111.1949, 3);
    // car: 111.1949 × 1.3 = 144.55 → 144.6 km; 144.6 / 40 km/h = 216.9 → 217 min.
    expect(route({ lat: 0, lon: 0 }, { lat: 0, lon: 1 }, modeById('car')!)).toMatchObject({ distanceKm: 144.6, minutes: 217, straightKm: 111.19 });
    // bike: × 1.2 = 133.43 → 133.4 km; / 15 km/h = 533.6 → 534 min. foot: × 1.15 = 127.87 → 127.9 km; / 5 = 1534.8 → 1535 min.
    expect(route({ lat: 0, lon: 0 }, { lat: 0, lon: 1 }, modeById('bike')!)).toMatchObject({ distanceKm: 133.4, minutes: 534 });
    expect(route({ lat: 0, lon: 0 }, { lat: 0, lon: 1 }, modeById('foot')!)).toMatchObject({ distanceKm: 127.9, minutes: 1535 });
  });

  it('times a short walk from the rounded distance: 0.01° of latitude', () => {
    // 1.112 km × 1.15 = 1.279 → 1.3 km on foot; 1.3 / 5 × 60 = 15.6 → 16 min. By car 1.446 → 1.4 km, 2.1 → 2 min.
    const a = { lat: 40.44, lon: -80 };
    const b = { lat: 40.45, lon: -80 };
    expect(route(a, b, modeById('foot')!)).toMatchObject({ distanceKm: 1.3, minutes: 16 });
    expect(route(a, b, modeById('car')!)).toMatchObject({ distanceKm: 1.4, minutes: 2 });
    expect(straightKm(a, b)).toBe(1.11);
    expect(route(a, a, TRAVEL_MODES[0]).minutes).toBe(1);
  });

  it('lists nearby places nearest first within the radius', () => {
    const origin = data().places[0];
    const hits = nearby(data(), origin, 'hospital', 5);
    expect(hits.every((h) => h.km <= 5 && h.place.category === 'hospital' && h.place.id !== origin.id)).toBe(true);
    expect(hits.map((h) => h.km)).toEqual(hits.map((h) => h.km).sort((x, y) => x - y));
  });
});

describe('map state', () => {
  it('copies the mutable state so episodes never share it, in well under a millisecond', () => {
    const a = freshMapState(data());
    const b = freshMapState(data());
    const p = data().places.find((x) => !a.saved.some((s) => s.placeId === x.id))!;
    savePlace(a, p, 'Work');
    a.saved[0].list = 'Want to go';
    a.recent.length = 0;
    expect(b.saved.some((s) => s.placeId === p.id)).toBe(false);
    expect(freshMapState(data())).toEqual(b);
    expect(data().initialSaved).toEqual(b.saved);
  });

  it('answers named state checks', () => {
    const state = freshMapState(data());
    const p = data().places.find((x) => !state.saved.some((s) => s.placeId === x.id))!;
    const count = state.saved.length;
    expect(checkMapState(data(), state, 'map.saved_contains', { place: p.name })).toBe(false);
    expect(savePlace(state, p, 'Work')).toBe('added');
    expect(checkMapState(data(), state, 'map.saved_contains', { place: p.name, list: 'Work' })).toBe(true);
    expect(checkMapState(data(), state, 'map.saved_contains', { place: p.name, list: 'Favorites' })).toBe(false);
    expect(savePlace(state, p, 'Favorites')).toBe('moved');
    expect(checkMapState(data(), state, 'map.saved_count', { count: count + 1 })).toBe(true);
    expect(checkMapState(data(), state, 'map.recent_contains', { label: state.recent[0].label })).toBe(true);
    expect(() => checkMapState(data(), state, 'map.nope', {})).toThrow(/unknown map state check/);
  });
});

describe('map pages', () => {
  it('saves with a 303 and lists the place on the saved page, in this state only', () => {
    const state = freshMapState(data());
    const other = freshMapState(data());
    const p = data().places.find((x) => !state.saved.some((s) => s.placeId === x.id))!;
    expect(request(state, 'POST', '/map/saved/add', { place: p.id, list: 'Want to go' })).toEqual({ status: 303, redirect: `/map/place/${p.slug}` });
    expect(request(state, 'GET', `/map/place/${p.slug}`).html).toContain(`${p.name} was saved to Want to go.`);
    expect(textOfId(request(state, 'GET', '/map/saved').html!, 'saved-places')).toContain(`${p.name} (Want to go)`);
    expect(textOfId(request(other, 'GET', '/map/saved').html!, 'saved-places')).not.toContain(p.name);
    expect(request(state, 'POST', '/map/saved/remove', { place: p.id }).status).toBe(303);
    expect(checkMapState(data(), state, 'map.saved_contains', { place: p.name })).toBe(false);
  });

  it('redirects directions typed in another case to the canonical URL and shows distance and time', () => {
    const state = freshMapState(data());
    const [a, b] = data().places.filter((p) => p.city === 'Erie');
    const typed = request(state, 'GET', `/map/directions?from=${encodeURIComponent(a.name.toLowerCase())}&to=${encodeURIComponent(b.name)}&mode=foot`);
    const canonical = `/map/directions?${new URLSearchParams({ from: a.name, to: b.name, mode: 'foot' })}`;
    expect(typed).toEqual({ status: 303, redirect: canonical });
    const r = route(a, b, modeById('foot')!);
    expect(textOfId(request(state, 'GET', canonical).html!, 'route-summary')).toContain(`Distance: ${r.distanceKm.toFixed(1)} km\nTime: ${r.minutes} min`);
    expect(request(state, 'GET', '/map/directions?from=Nowhere+Special').html).toContain('No place named “Nowhere Special” was found');
  });

  it('records searches in the recent list and pages results', () => {
    const state = freshMapState(data());
    const res = request(state, 'GET', '/map/search?category=park');
    expect(res.html).toMatch(/Results 1-10 of \d+/);
    expect(state.recent[0].label).toBe('Parks');
    expect(request(state, 'GET', '/map/search?category=park&page=2').html).toMatch(/Results 11-20 of/);
    expect(request(state, 'GET', '/map/place/no-such-place').status).toBe(404);
  });
});

describe('map families', () => {
  it('has 10 families with codes 501-510, several long ones, and 20+ instances each', () => {
    expect(MAP_FAMILIES.map((f) => f.id)).toHaveLength(10);
    expect(new Set(MAP_FAMILIES.map((f) => f.kind))).toEqual(new Set(['info', 'navigation', 'change']));
    const long = MAP_FAMILIES.filter((f) => f.instantiate(1, 0).oracle.length >= 8);
    expect(long.length).toBeGreaterThanOrEqual(3);
    for (const f of MAP_FAMILIES) for (const seed of [1, 2, 3]) expect(f.count!(seed)).toBeGreaterThanOrEqual(20);
  });

  it('navigation references are real result pages; change references pass only after the change', () => {
    for (const f of MAP_FAMILIES) {
      for (let i = 0; i < 5; i++) {
        const inst = f.instantiate(1, i);
        const ev = (inst.config as any).eval;
        if (f.kind === 'navigation') {
          const res = request(freshMapState(data()), 'GET', ev.reference_url);
          expect(res.status, ev.reference_url).toBe(200);
          expect(res.html).toMatch(/id="(route-summary|nearby-results)"/);
        }
        if (f.kind === 'change') {
          const state = freshMapState(data());
          const [target] = ev.program_html;
          const line: string = target.required_contents.must_include[0];
          expect(textOfId(request(state, 'GET', target.url).html!, 'saved-places')).not.toContain(line);
          const [, name, list] = /^(.*) \((.*)\)$/.exec(line)!;
          request(state, 'POST', '/map/saved/add', { place: getMapData(1).placeByName.get(name.toLowerCase())!.id, list });
          expect(textOfId(request(state, 'GET', target.url).html!, 'saved-places')).toContain(line);
        }
      }
    }
  });
});
