import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { toLocalDate } from '../../src/domain/zoned-time.js';

const hourMs = 3_600_000;
const minuteMs = 60_000;

describe('toLocalDate', () => {
  it.each<[string, string, string, string]>([
    ['takes the local date where UTC is already on the next day', '2026-03-07T03:00:00Z', 'America/New_York', '2026-03-06'],
    ['changes at local midnight, not UTC midnight', '2026-03-07T05:00:00Z', 'America/New_York', '2026-03-07'],
    ['counts a quarter-hour offset (Kathmandu, +05:45)', '2026-06-30T18:14:59Z', 'Asia/Kathmandu', '2026-06-30'],
    ['turns the date at 18:15 UTC in Kathmandu', '2026-06-30T18:15:00Z', 'Asia/Kathmandu', '2026-07-01'],
    ['keeps the date through the hour repeated at fall back', '2026-11-01T05:30:00Z', 'America/New_York', '2026-11-01'],
    ['follows a spring-forward switch at midnight (Santiago)', '2026-09-06T04:00:00Z', 'America/Santiago', '2026-09-06'],
    ['skips the day a zone crossed the date line (Apia, 2011-12-30)', '2011-12-30T10:00:00Z', 'Pacific/Apia', '2011-12-31'],
    ['reads UTC as itself', '2026-12-31T23:59:59.999Z', 'UTC', '2026-12-31'],
  ])('%s', (_name, instant, timeZone, expected) => {
    expect(toLocalDate(Date.parse(instant), timeZone)).toBe(expected);
  });

  it('agrees with Luxon at every quarter hour around DST switches and midnights in six zones', () => {
    const zones = ['America/New_York', 'Europe/London', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'America/Santiago', 'Pacific/Chatham'];
    const windows = ['2026-03-06T00:00:00Z', '2026-03-27T00:00:00Z', '2026-04-03T00:00:00Z', '2026-09-04T00:00:00Z', '2026-10-02T00:00:00Z', '2026-10-30T00:00:00Z'];
    const mismatches: string[] = [];
    for (const zone of zones) {
      for (const window of windows) {
        for (let instant = Date.parse(window); instant < Date.parse(window) + 4 * 24 * hourMs; instant += 15 * minuteMs) {
          const expected = DateTime.fromMillis(instant, { zone }).toISODate();
          if (toLocalDate(instant, zone) !== expected) mismatches.push(`${zone} ${new Date(instant).toISOString()}: ${expected}`);
        }
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('refuses a zone the runtime does not know', () => {
    expect(() => toLocalDate(0, 'Mars/Olympus_Mons')).toThrow(RangeError);
  });
});
