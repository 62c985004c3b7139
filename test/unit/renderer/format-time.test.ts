import { describe, expect, it } from 'vitest';
import { formatDateTime } from '../../../renderer/src/components/format-time';

// Issue 22: the tables format dates with one shared formatter; the text must stay what toLocaleString() shows
// (the e2e tests and a person compare against it).
describe('formatDateTime', () => {
  it('writes what toLocaleString() writes', () => {
    for (const iso of ['2026-01-01T00:00:00Z', '2026-12-05T03:28:29.123Z', '1999-07-31T23:59:59Z']) {
      expect(formatDateTime(iso)).toBe(new Date(iso).toLocaleString());
    }
  });
  it('leaves a string that is not a date as it is', () => {
    expect(formatDateTime('not a date')).toBe('not a date');
  });
});
