// One formatter for every date in a table. Date#toLocaleString builds a new Intl.DateTimeFormat on each call
// (~0.2 ms, 15× a shared formatter's cost), which the episodes table paid per row on every render (issue 22:
// the table's first paint). Same options as toLocaleString's defaults, so the text is unchanged.
const DATE_TIME = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });

/** An ISO timestamp as the person's locale writes a date and time (what toLocaleString() shows). */
export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : DATE_TIME.format(date);
}

// Tables with many columns (the episodes table at 1280 px) show the short form; the full one is the cell's title.
const SHORT_DATE_TIME = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric', hour: 'numeric', minute: 'numeric' });

/** An ISO timestamp as month, day, hour and minute (no year, no seconds): about half formatDateTime's width. */
export function formatShortDateTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : SHORT_DATE_TIME.format(date);
}
