import { describe, expect, it } from 'vitest';
import { formatInstant, formatTimeLeft, isKnownTimeZone } from '../../src/web/format-time.js';

describe('formatInstant', () => {
  it.each([
    ['2026-11-23T14:05:00Z', 'UTC', '2026-11-23 14:05 UTC'],
    ['2026-11-23T14:05:00Z', 'America/New_York', '2026-11-23 09:05 EST'],
    ['2026-07-01T00:30:00Z', 'America/Los_Angeles', '2026-06-30 17:30 PDT'],
    ['2026-07-01T00:30:00Z', 'America/Chicago', '2026-06-30 19:30 CDT'],
    // Spring forward in New York: 02:00 EST becomes 03:00 EDT.
    ['2026-03-08T06:59:00Z', 'America/New_York', '2026-03-08 01:59 EST'],
    ['2026-03-08T07:00:00Z', 'America/New_York', '2026-03-08 03:00 EDT'],
    // Midnight shows as 00, never 24.
    ['2026-01-01T05:00:00Z', 'America/New_York', '2026-01-01 00:00 EST'],
    // Zones without a common abbreviation in English show their offset.
    ['2026-07-01T00:30:00Z', 'Europe/Berlin', '2026-07-01 02:30 GMT+2'],
  ])('shows %s in %s as %s', (iso, timeZone, expected) => {
    expect(formatInstant(iso, timeZone)).toBe(expected);
  });

  it('takes Date values, falls back to UTC for an unknown zone and shows a dash for nothing', () => {
    expect(formatInstant(new Date('2026-11-23T14:05:00Z'), 'America/Denver')).toBe('2026-11-23 07:05 MST');
    expect(formatInstant('2026-11-23T14:05:00Z', 'Mars/Olympus')).toBe('2026-11-23 14:05 UTC');
    expect(formatInstant(null)).toBe('—');
    expect(formatInstant('not a date', 'UTC')).toBe('—');
    expect(isKnownTimeZone('Mars/Olympus')).toBe(false);
  });
});

describe('formatTimeLeft', () => {
  it('says how long is left or overdue', () => {
    const now = new Date('2026-11-23T12:00:00Z');
    expect(formatTimeLeft('2026-11-25T15:30:00Z', now)).toBe('2d 3h left');
    expect(formatTimeLeft('2026-11-23T11:15:00Z', now)).toBe('45m overdue');
  });
});
