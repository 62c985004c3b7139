// HTML building for the server-rendered sandbox sites. Interpolated values are escaped unless they are
// already SafeHtml, so data (product names, reviews typed by an agent) can never inject markup.

export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/** Marks trusted markup as safe. Only for strings built by this code, never for request data. */
export function raw(markup: string): SafeHtml {
  return new SafeHtml(markup);
}

/** Anything a template accepts: text (escaped), SafeHtml (kept), lists (joined), nothing (empty). */
export type HtmlValue = SafeHtml | string | number | boolean | null | undefined | HtmlValue[];

function render(value: HtmlValue): string {
  if (value === null || value === undefined || value === false || value === true) return '';
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeHtml(String(value));
}

/** Tagged template: html`<p>${text}</p>` escapes `text`; attribute values must be in double quotes. */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let out = strings[0];
  for (let i = 0; i < values.length; i++) out += render(values[i]) + strings[i + 1];
  return new SafeHtml(out);
}

/** Joins fragments into one. */
export function join(parts: HtmlValue[], separator = ''): SafeHtml {
  return new SafeHtml(parts.map(render).join(render(separator)));
}

export interface DocumentOptions {
  title: string;
  body: SafeHtml;
  /** Extra markup for <head>, such as a stylesheet. */
  head?: SafeHtml;
  lang?: string;
}

/** A complete HTML document. */
export function htmlDocument(opts: DocumentOptions): string {
  return (
    `<!doctype html>\n<html lang="${escapeHtml(opts.lang ?? 'en')}"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<title>${escapeHtml(opts.title)}</title>${opts.head?.value ?? ''}</head>` +
    `<body>${opts.body.value}</body></html>`
  );
}

/** A query string from the given parameters, leaving out empty ones; '' when none remain. */
export function queryString(params: Record<string, string | number | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === null || value === undefined || value === '') continue;
    search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}
