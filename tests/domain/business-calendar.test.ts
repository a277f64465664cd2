import { describe, expect, it } from 'vitest';
import {
  addBusinessTime,
  createAroundTheClockCalendar,
  findNextBusinessInstant,
  isBusinessTime,
  listBusinessIntervals,
  measureBusinessTime,
  validateBusinessCalendar,
  type BusinessCalendar,
} from '../../src/domain/business-calendar.js';
import { at, hourMs, kolkata, losAngeles, minuteMs, newYork } from './calendar-fixtures.js';

const utc24x7 = createAroundTheClockCalendar('UTC');
const newYork24x7 = createAroundTheClockCalendar('America/New_York');

describe('addBusinessTime', () => {
  it.each<[string, BusinessCalendar, string, number, string]>([
    ['stays within one business day', newYork, '2026-03-02T10:00-05:00', 4 * hourMs, '2026-03-02T14:00-05:00'],
    ['carries the rest over to the next morning', newYork, '2026-03-02T16:00-05:00', 4 * hourMs, '2026-03-03T12:00-05:00'],
    ['lands on the closing instant when the day is used up exactly', newYork, '2026-03-02T09:00-05:00', 8 * hourMs, '2026-03-02T17:00-05:00'],
    ['starts at the next opening when started at closing time', newYork, '2026-03-02T17:00-05:00', hourMs, '2026-03-03T10:00-05:00'],
    ['starts at the next opening when started before midnight', newYork, '2026-03-02T23:59-05:00', minuteMs, '2026-03-03T09:01-05:00'],
    ['starts at the opening when started at midnight', newYork, '2026-03-03T00:00-05:00', hourMs, '2026-03-03T10:00-05:00'],
    ['skips the weekend and the spring-forward Sunday', newYork, '2026-03-06T15:00-05:00', 4 * hourMs, '2026-03-09T11:00-04:00'],
    ['starts on Monday when started on Saturday', newYork, '2026-03-07T12:00-05:00', hourMs, '2026-03-09T10:00-04:00'],
    ['starts on Monday when started in the DST gap night', newYork, '2026-03-08T01:00-05:00', 8 * hourMs, '2026-03-09T17:00-04:00'],
    ['skips the weekend and the fall-back Sunday', newYork, '2026-10-30T16:00-04:00', 2 * hourMs, '2026-11-02T10:00-05:00'],
    ['skips Thanksgiving', newYork, '2026-11-25T15:00-05:00', 4 * hourMs, '2026-11-27T11:00-05:00'],
    ['skips Christmas and the weekend', newYork, '2026-12-24T16:00-05:00', 2 * hourMs, '2026-12-28T10:00-05:00'],
    ["skips New Year's Day across the year end", newYork, '2026-12-31T16:00-05:00', 2 * hourMs, '2027-01-04T10:00-05:00'],
    ['skips Independence Day observed on a Friday', newYork, '2026-07-02T16:00-04:00', 2 * hourMs, '2026-07-06T10:00-04:00'],
    ['counts 40 h as one working week', newYork, '2026-03-02T09:00-05:00', 40 * hourMs, '2026-03-06T17:00-05:00'],
    ['counts a week with a holiday as four days', newYork, '2026-11-23T09:00-05:00', 40 * hourMs, '2026-11-30T17:00-05:00'],
    ['works in local time where the UTC date differs (Los Angeles)', losAngeles, '2026-03-06T16:00-08:00', 2 * hourMs, '2026-03-09T10:00-07:00'],
    ['works in a zone without DST (Kolkata)', kolkata, '2026-03-06T16:00+05:30', 2 * hourMs, '2026-03-09T10:00+05:30'],
    ['counts every hour on a 24x7 calendar', utc24x7, '2026-03-06T16:00Z', 36 * hourMs, '2026-03-08T04:00Z'],
    ['counts elapsed time across spring forward on a 24x7 calendar', newYork24x7, '2026-03-08T00:00-05:00', 24 * hourMs, '2026-03-09T01:00-04:00'],
    ['returns the start for zero, even outside hours', newYork, '2026-03-07T12:00-05:00', 0, '2026-03-07T12:00-05:00'],
  ])('%s', (_name, calendar, start, durationMs, expected) => {
    expect(new Date(addBusinessTime(calendar, at(start), durationMs)).toISOString()).toBe(new Date(at(expected)).toISOString());
  });

  it('accepts a Date as well as epoch ms', () => {
    expect(addBusinessTime(newYork, new Date(at('2026-03-02T10:00-05:00')), hourMs)).toBe(at('2026-03-02T11:00-05:00'));
  });

  it('refuses a negative duration', () => {
    expect(() => addBusinessTime(newYork, 0, -1)).toThrow(RangeError);
  });

  it('fails loudly instead of looping when no business day ever comes', () => {
    const mondays = Array.from({ length: 600 }, (_, week) => new Date(at('2026-03-02T00:00Z') + week * 7 * 86_400_000).toISOString().slice(0, 10));
    const closed: BusinessCalendar = { timeZone: 'UTC', weeklyHours: { 1: [{ start: '09:00', end: '17:00' }] }, holidays: mondays };
    expect(() => addBusinessTime(closed, at('2026-03-02T00:00Z'), hourMs)).toThrow(/no business time/);
  });
});

describe('measureBusinessTime', () => {
  it.each<[string, BusinessCalendar, string, string, number]>([
    ['one full business day', newYork, '2026-03-02T09:00-05:00', '2026-03-02T17:00-05:00', 8 * hourMs],
    ['nothing outside hours', newYork, '2026-03-02T17:00-05:00', '2026-03-03T09:00-05:00', 0],
    ['nothing over a weekend', newYork, '2026-03-07T00:00-05:00', '2026-03-09T00:00-04:00', 0],
    ['across a weekend and spring forward', newYork, '2026-03-06T15:00-05:00', '2026-03-09T11:00-04:00', 4 * hourMs],
    ['across Thanksgiving', newYork, '2026-11-25T15:00-05:00', '2026-11-27T11:00-05:00', 4 * hourMs],
    ['a working week', newYork, '2026-03-02T00:00-05:00', '2026-03-09T00:00-04:00', 40 * hourMs],
    ['a Thanksgiving week', newYork, '2026-11-23T00:00-05:00', '2026-11-30T00:00-05:00', 32 * hourMs],
    ['the year end with Christmas and New Year', newYork, '2026-12-21T00:00-05:00', '2027-01-04T00:00-05:00', 64 * hourMs],
    ['negative when reversed', newYork, '2026-03-02T17:00-05:00', '2026-03-02T09:00-05:00', -8 * hourMs],
    ['a 23-hour spring-forward day on a 24x7 calendar', newYork24x7, '2026-03-08T00:00-05:00', '2026-03-09T00:00-04:00', 23 * hourMs],
    ['a 25-hour fall-back day on a 24x7 calendar', newYork24x7, '2026-11-01T00:00-04:00', '2026-11-02T00:00-05:00', 25 * hourMs],
    ['Los Angeles hours from Thursday 16:00 to Saturday 04:00 local', losAngeles, '2026-03-06T00:00Z', '2026-03-07T12:00Z', 9 * hourMs],
    ['Kolkata hours in local time', kolkata, '2026-03-02T00:00Z', '2026-03-03T00:00Z', 8 * hourMs],
  ])('%s', (_name, calendar, from, to, expectedMs) => {
    expect(measureBusinessTime(calendar, at(from), at(to))).toBe(expectedMs);
  });

  it('agrees with addBusinessTime at every hour of day across two DST fortnights in three zones', () => {
    const durationsMs = [minuteMs, hourMs, 7 * hourMs + 59 * minuteMs, 8 * hourMs, 24 * hourMs, 41 * hourMs];
    for (const calendar of [newYork, losAngeles, kolkata]) {
      for (const windowStart of [at('2026-03-05T00:00Z'), at('2026-10-29T00:00Z')]) {
        for (let hour = 0; hour < 14 * 24; hour += 5) {
          const start = windowStart + hour * hourMs;
          for (const durationMs of durationsMs) {
            const end = addBusinessTime(calendar, start, durationMs);
            expect(measureBusinessTime(calendar, start, end)).toBe(durationMs);
            expect(measureBusinessTime(calendar, start, end - 1)).toBeLessThan(durationMs);
          }
        }
      }
    }
  });

  it('gives the same answers on the 24x7 fast path as on the day-by-day path', () => {
    const slowPath: BusinessCalendar = { ...newYork24x7, holidays: ['1999-01-01'] };
    for (const [from, to] of [
      ['2026-03-07T10:00-05:00', '2026-03-10T10:00-04:00'],
      ['2026-10-31T22:00-04:00', '2026-11-02T03:00-05:00'],
    ] as const) {
      expect(measureBusinessTime(slowPath, at(from), at(to))).toBe(measureBusinessTime(newYork24x7, at(from), at(to)));
      expect(addBusinessTime(slowPath, at(from), 30 * hourMs)).toBe(addBusinessTime(newYork24x7, at(from), 30 * hourMs));
    }
  });
});

describe('isBusinessTime and findNextBusinessInstant', () => {
  it.each<[string, string, boolean, string]>([
    ['opening instant is open', '2026-03-02T09:00-05:00', true, '2026-03-02T09:00-05:00'],
    ['closing instant is closed', '2026-03-02T17:00-05:00', false, '2026-03-03T09:00-05:00'],
    ['a minute before opening', '2026-03-02T08:59-05:00', false, '2026-03-02T09:00-05:00'],
    ['midnight', '2026-03-03T00:00-05:00', false, '2026-03-03T09:00-05:00'],
    ['Saturday noon', '2026-03-07T12:00-05:00', false, '2026-03-09T09:00-04:00'],
    ['Thanksgiving noon', '2026-11-26T12:00-05:00', false, '2026-11-27T09:00-05:00'],
    ["New Year's Eve evening", '2026-12-31T18:00-05:00', false, '2027-01-04T09:00-05:00'],
    ['Monday after fall back', '2026-11-02T16:59-05:00', true, '2026-11-02T16:59-05:00'],
  ])('%s', (_name, instant, isOpen, next) => {
    expect(isBusinessTime(newYork, at(instant))).toBe(isOpen);
    expect(findNextBusinessInstant(newYork, at(instant))).toBe(at(next));
  });
});

describe('listBusinessIntervals', () => {
  const sundayNight: BusinessCalendar = { timeZone: 'America/New_York', weeklyHours: { 7: [{ start: '01:00', end: '03:00' }] }, holidays: [] };

  it.each<[string, string, number]>([
    ['an hour shorter when the clocks spring forward inside the hours', '2026-03-08', 1 * hourMs],
    ['an hour longer when the clocks fall back inside the hours', '2026-11-01', 3 * hourMs],
    ['as long as written on an ordinary Sunday', '2026-03-15', 2 * hourMs],
  ])('is %s', (_name, date, lengthMs) => {
    const intervals = listBusinessIntervals(sundayNight, date);
    expect(intervals.reduce((sum, { startAt, endAt }) => sum + endAt - startAt, 0)).toBe(lengthMs);
  });

  it('handles split shifts and hours until midnight', () => {
    const split: BusinessCalendar = {
      timeZone: 'UTC',
      weeklyHours: { 1: [{ start: '08:00', end: '12:00' }, { start: '13:00', end: '24:00' }] },
      holidays: [],
    };
    expect(listBusinessIntervals(split, '2026-03-02')).toEqual([
      { startAt: at('2026-03-02T08:00Z'), endAt: at('2026-03-02T12:00Z') },
      { startAt: at('2026-03-02T13:00Z'), endAt: at('2026-03-03T00:00Z') },
    ]);
    expect(addBusinessTime(split, at('2026-03-02T11:00Z'), 2 * hourMs)).toBe(at('2026-03-02T14:00Z'));
    expect(addBusinessTime(split, at('2026-03-02T23:00Z'), 2 * hourMs)).toBe(at('2026-03-09T09:00Z'));
  });
});

describe('validateBusinessCalendar', () => {
  const valid = newYork;
  it.each<[string, BusinessCalendar, string | null]>([
    ['accepts a valid calendar', valid, null],
    ['accepts a 24x7 calendar', utc24x7, null],
    ['refuses an unknown time zone', { ...valid, timeZone: 'Mars/Olympus' }, 'timeZone'],
    ['refuses a malformed wall time', { ...valid, weeklyHours: { 1: [{ start: '9:00', end: '17:00' }] } }, 'weeklyHours.1'],
    ['refuses 24:00 as a start', { ...valid, weeklyHours: { 1: [{ start: '24:00', end: '24:00' }] } }, 'weeklyHours.1'],
    ['refuses an end before its start', { ...valid, weeklyHours: { 2: [{ start: '17:00', end: '09:00' }] } }, 'weeklyHours.2'],
    [
      'refuses overlapping hours',
      { ...valid, weeklyHours: { 3: [{ start: '09:00', end: '13:00' }, { start: '12:00', end: '17:00' }] } },
      'weeklyHours.3',
    ],
    ['refuses a calendar without any hours', { ...valid, weeklyHours: {} }, 'weeklyHours'],
    ['refuses an impossible holiday', { ...valid, holidays: ['2026-02-30'] }, 'holidays'],
  ])('%s', (_name, calendar, badField) => {
    const result = validateBusinessCalendar(calendar);
    if (badField === null) expect(result.ok).toBe(true);
    else expect(result).toMatchObject({ ok: false, error: { code: 'invalid_calendar', details: { field: badField } } });
  });
});

describe('wall times around DST switches', () => {
  const oneShift = (start: string, end: string): BusinessCalendar => ({
    timeZone: 'America/New_York',
    weeklyHours: { 7: [{ start, end }] },
    holidays: [],
  });

  it.each<[string, string, string, string, string, string]>([
    ['a start in the spring gap moves forward by the gap', '02:30', '04:00', '2026-03-08', '2026-03-08T03:30-04:00', '2026-03-08T04:00-04:00'],
    ['a start in the repeated hour takes its first occurrence', '01:30', '03:00', '2026-11-01', '2026-11-01T01:30-04:00', '2026-11-01T03:00-05:00'],
    ['an end in the repeated hour takes its first occurrence', '00:00', '01:30', '2026-11-01', '2026-11-01T00:00-04:00', '2026-11-01T01:30-04:00'],
    ['midnight after the fall-back day is 25 hours after the one before', '00:00', '24:00', '2026-11-01', '2026-11-01T00:00-04:00', '2026-11-02T00:00-05:00'],
  ])('%s', (_name, start, end, date, startAt, endAt) => {
    expect(listBusinessIntervals(oneShift(start, end), date)).toEqual([{ startAt: at(startAt), endAt: at(endAt) }]);
  });
});
