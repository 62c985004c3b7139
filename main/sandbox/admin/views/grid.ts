// The data grid every admin listing uses: a GET filter form, sortable column headers, record count and
// Previous/Next paging. Cells stay short so the observation shows them whole.
import { html, type HtmlValue, type SafeHtml } from '../../html';
import { gridHref, sortHref, type GridParams, type GridResult, type GridSpec } from '../model';

export interface Column<T> {
  label: string;
  sortKey?: string;
  cell(item: T): HtmlValue;
}

export type FilterField =
  | { kind: 'text'; key: string; label: string; placeholder?: string }
  | { kind: 'select'; key: string; label: string; options: Array<{ value: string; label: string }> };

function filterField(f: FilterField, value: string): SafeHtml {
  const id = `f-${f.key}`;
  if (f.kind === 'text') {
    return html`<div><label for="${id}">${f.label}</label><input id="${id}" type="text" name="${f.key}" value="${value}" placeholder="${f.placeholder ?? ''}" autocomplete="off"></div>`;
  }
  return html`<div><label for="${id}">${f.label}</label><select id="${id}" name="${f.key}"><option value="">Any</option>${f.options.map((o) =>
    html`<option value="${o.value}"${o.value === value ? html` selected` : ''}>${o.label}</option>`)}</select></div>`;
}

export function renderGrid<T>(spec: GridSpec<T>, p: GridParams, result: GridResult<T>, fields: FilterField[], columns: Array<Column<T>>, gridId: string): SafeHtml {
  const sortKeep = p.sort === spec.defaultSort && p.dir === spec.defaultDir ? '' : html`<input type="hidden" name="sort" value="${p.sort}"><input type="hidden" name="dir" value="${p.dir}">`;
  const head = columns.map((c) => {
    if (!c.sortKey) return html`<th>${c.label}</th>`;
    const sorted = p.sort === c.sortKey ? (p.dir === 'asc' ? 'ascending' : 'descending') : 'none';
    return html`<th aria-sort="${sorted}"><a href="${sortHref(spec, p, c.sortKey)}">${c.label}</a>${sorted === 'none' ? '' : sorted === 'ascending' ? ' ▲' : ' ▼'}</th>`;
  });
  const rows = result.items.length
    ? result.items.map((item) => html`<tr>${columns.map((c) => html`<td>${c.cell(item)}</td>`)}</tr>`)
    : html`<tr><td colspan="${columns.length}">We could not find any records.</td></tr>`;
  const pager = result.pages <= 1 ? html`<span>Page 1 of 1</span>` : html`
    ${result.page > 1 ? html`<a href="${gridHref(spec, p, { page: result.page - 1 })}" rel="prev">Previous</a>` : ''}
    <span>Page ${result.page} of ${result.pages}</span>
    ${result.page < result.pages ? html`<a href="${gridHref(spec, p, { page: result.page + 1 })}" rel="next">Next</a>` : ''}`;
  return html`<form class="filters" method="get" action="${spec.path}" role="search" aria-label="Filters">
    ${fields.map((f) => filterField(f, p.filters[f.key] ?? ''))}${sortKeep}<button type="submit">Search</button> <a href="${spec.path}">Reset Filter</a></form>
  <div class="bar"><p id="records">${result.total === 1 ? '1 record found' : `${result.total} records found`}</p><nav class="pager" aria-label="Pagination">${pager}</nav></div>
  <table id="${gridId}"><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table>`;
}
