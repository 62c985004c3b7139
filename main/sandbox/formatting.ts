// Text formats every sandbox site shows the same way, so answers compare as plain text across sites.

/** "$1234.50": no thousands separator, so answers compare as plain text. */
export function money(cents: number): string {
  return `$${(cents / 100).toFixed(2)}`;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** 1 → "January". */
export function monthName(month: number): string {
  return MONTHS[month - 1];
}

/** "2023-03-05" → "Mar 5, 2023". */
export function formatIsoDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${monthName(m).slice(0, 3)} ${d}, ${y}`;
}

/** Epoch milliseconds → "Mar 5, 2024" (UTC, so every machine renders the same page). */
export function formatTimeDate(time: number): string {
  const d = new Date(time);
  return `${monthName(d.getUTCMonth() + 1).slice(0, 3)} ${d.getUTCDate()}, ${d.getUTCFullYear()}`;
}

/** "3 hours ago", "2 months ago": `time` relative to the site's fixed `now` (epoch milliseconds). */
export function relativeTime(now: number, time: number): string {
  const hours = Math.max(0, Math.floor((now - time) / 3600_000));
  const unit = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'} ago`;
  if (hours < 1) return 'just now';
  if (hours < 24) return unit(hours, 'hour');
  const days = Math.floor(hours / 24);
  if (days < 31) return unit(days, 'day');
  if (days < 365) return unit(Math.floor(days / 30.4), 'month');
  return unit(Math.floor(days / 365), 'year');
}
