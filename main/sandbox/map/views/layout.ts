// The frame every map page shares: top bar (search box, main tools, distractor links), flash messages, an
// optional sidebar and the attribution footer.
import { html, htmlDocument, queryString, raw, type HtmlValue, type SafeHtml } from '../../html';
import type { MapData, Place } from '../data';
import type { MapState } from '../state';

export const MAP = '/map';

export const mapPaths = {
  home: MAP,
  search: `${MAP}/search`,
  place: (p: Place) => `${MAP}/place/${p.slug}`,
  directions: `${MAP}/directions`,
  nearby: `${MAP}/nearby`,
  saved: `${MAP}/saved`,
  recent: `${MAP}/recent`,
  page: (slug: string) => `${MAP}/page/${slug}`,
};

/** Query strings in the order the site's forms submit their fields, so links and forms give one URL. */
export const directionsHref = (from: string, to?: string, mode?: string): string => mapPaths.directions + queryString({ from, to, mode });
export const nearbyHref = (place: string, category?: string, radius?: number): string =>
  mapPaths.nearby + queryString({ place, category, radius });

export const STATIC_PAGES: Record<string, { title: string; text: string[] }> = {
  history: { title: 'History', text: ['Map edits are not available in this offline copy.', 'Zoom in to see the edit history of an area.'] },
  export: { title: 'Export', text: ['Exporting map data is disabled on this server.', 'Choose an area first to export it as XML.'] },
  traces: { title: 'GPS Traces', text: ['No public GPS traces have been uploaded yet.'] },
  diaries: { title: 'User Diaries', text: ['Recent diary entries will appear here.', 'Nobody has written a diary entry this week.'] },
  communities: { title: 'Communities', text: ['Local mapping groups meet every first Tuesday of the month.'] },
  help: { title: 'Help', text: ['Use the search box to find places by name, category or city.', 'Directions compute a route between two places by car, bicycle or on foot.'] },
  about: { title: 'About', text: ['This map is built by a community of mappers.', 'Data is available under an open licence.'] },
  copyright: { title: 'Copyright and License', text: ['Map data is open data. You may copy it as long as you credit the contributors.'] },
};

const STYLE = raw(`<style>
*{box-sizing:border-box}body{margin:0;font:14px/1.5 -apple-system,'Segoe UI',Helvetica,sans-serif;color:#222}
a{color:#0b62c4}.sr-only{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.top{display:flex;flex-wrap:wrap;align-items:center;gap:14px;padding:8px 16px;border-bottom:1px solid #ccc;background:#fafafa}
.logo{font-weight:700;font-size:19px;color:#7ebc6f;text-decoration:none}.top form{display:flex;gap:4px}
.top input{width:260px;padding:5px}.tools a,.extra a{margin-right:10px}.extra{margin-left:auto;font-size:13px}
button{background:#7ebc6f;border:0;color:#fff;padding:6px 12px;border-radius:3px;cursor:pointer}
.layout{display:flex;min-height:70vh}.layout aside{width:270px;flex:none;padding:12px 16px;border-right:1px solid #ddd;background:#f7f7f4}
.layout main{flex:1;padding:12px 20px;min-width:0}.msg{padding:8px 12px;margin:6px 0}.success{background:#e3f1dc}.error{background:#f8dcdc}
table{border-collapse:collapse}th,td{padding:5px 10px;border-bottom:1px solid #eee;text-align:left;vertical-align:top}
.field{margin:8px 0}.field label{display:block;font-weight:600}.field input,.field select{padding:5px;min-width:240px}
.results{list-style:none;padding:0}.results li{padding:8px 0;border-bottom:1px solid #eee}.muted{color:#666;font-size:12px}
.pager{display:flex;gap:6px;list-style:none;padding:0}.pager a,.pager span{padding:3px 8px;border:1px solid #ccc}
svg{background:#eef2e6;border:1px solid #ccd}footer{padding:10px 16px;font-size:12px;color:#666;border-top:1px solid #ddd}
</style>`);

export interface LayoutOptions {
  data: MapData;
  state: MapState;
  title: string;
  body: HtmlValue;
  sidebar?: HtmlValue;
  flash?: MapState['flash'];
  /** Current text of the header search box. */
  q?: string;
}

export function mapLayout(o: LayoutOptions): string {
  const body = html`
<header class="top"><a class="logo" href="${mapPaths.home}">OpenTownMap</a>
  <form role="search" action="${mapPaths.search}" method="get"><label class="sr-only" for="q">Search</label>
    <input id="q" type="text" name="q" value="${o.q ?? ''}" placeholder="Search places" autocomplete="off"><button type="submit">Go</button></form>
  <nav class="tools" aria-label="Tools"><a href="${mapPaths.directions}">Directions</a><a href="${mapPaths.nearby}">Nearby</a>
    <a href="${mapPaths.saved}">Saved places</a><a href="${mapPaths.recent}">Recent searches</a></nav>
  <nav class="extra" aria-label="Community">${['history', 'export', 'traces', 'diaries', 'communities', 'help', 'about'].map((slug) =>
    html`<a href="${mapPaths.page(slug)}">${STATIC_PAGES[slug].title}</a>`)}<span class="muted">${o.data.user.handle}</span></nav>
</header>
${(o.flash ?? []).map((m) => html`<div class="msg ${m.kind}" role="alert">${m.text}</div>`)}
<div class="layout">${o.sidebar ? html`<aside>${o.sidebar}</aside>` : ''}<main>${o.body}</main></div>
<footer>© OpenTownMap contributors · <a href="${mapPaths.page('copyright')}">Copyright and License</a></footer>`;
  return htmlDocument({ title: `${o.title} | OpenTownMap`, head: STYLE, body });
}

/** A small locator map: the given points plotted in a box around them (no tiles needed). */
export function locatorMap(label: string, points: Array<{ lat: number; lon: number; name: string }>): SafeHtml {
  const lats = points.map((p) => p.lat);
  const lons = points.map((p) => p.lon);
  const pad = 0.01;
  const [minLat, maxLat, minLon, maxLon] = [Math.min(...lats) - pad, Math.max(...lats) + pad, Math.min(...lons) - pad, Math.max(...lons) + pad];
  const x = (lon: number) => Math.round(((lon - minLon) / (maxLon - minLon)) * 300);
  const y = (lat: number) => Math.round(((maxLat - lat) / (maxLat - minLat)) * 180);
  return html`<svg role="img" aria-label="${label}" width="300" height="180" viewBox="0 0 300 180">${points.map((p, i) =>
    html`<circle cx="${x(p.lon)}" cy="${y(p.lat)}" r="6" fill="${i === 0 ? '#d33' : '#37c'}"><title>${p.name}</title></circle>`)}</svg>`;
}

export function pager(hrefFor: (page: number) => string, page: number, pages: number): SafeHtml | string {
  if (pages <= 1) return '';
  const items: SafeHtml[] = [];
  if (page > 1) items.push(html`<li><a href="${hrefFor(page - 1)}">Previous</a></li>`);
  for (let n = 1; n <= pages; n++) {
    items.push(n === page ? html`<li><span aria-current="page">${n}</span></li>` : html`<li><a href="${hrefFor(n)}" aria-label="Page ${n}">${n}</a></li>`);
  }
  if (page < pages) items.push(html`<li><a href="${hrefFor(page + 1)}">Next</a></li>`);
  return html`<nav aria-label="Pagination"><ul class="pager">${items}</ul></nav>`;
}

export function options(items: ReadonlyArray<{ value: string | number; label: string }>, selected: string | number | undefined): SafeHtml[] {
  return items.map((o) => html`<option value="${String(o.value)}"${String(o.value) === String(selected ?? '') ? raw(' selected') : ''}>${o.label}</option>`);
}
