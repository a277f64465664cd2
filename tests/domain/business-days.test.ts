import { describe, expect, it } from 'vitest';
import { type BusinessCalendar } from '../../src/domain/business-calendar.js';
import {
  addBusinessDays,
  addCalendarDays,
  findEndOfCalendarDay,
  findNthBusinessDay,
  getBusinessDayNumber,
} from '../../src/domain/business-days.js';
import { at, hourMs, kolkata, losAngeles, newYork } from './calendar-fixtures.js';

// Day 0 is the filing day; day 10 is the compliance escalation, day 15 the resolution deadline.
describe('complaint business days (day 10 and day 15 close of business)', () => {
  it.each<[string, BusinessCalendar, string, string, string]>([
    ['filed on a Monday morning', newYork, '2026-03-02T10:00-05:00', '2026-03-16T17:00-04:00', '2026-03-23T17:00-04:00'],
    ['filed on a Friday evening', newYork, '2026-03-06T18:00-05:00', '2026-03-20T17:00-04:00', '2026-03-27T17:00-04:00'],
    ['filed on a Saturday', newYork, '2026-03-07T11:00-05:00', '2026-03-20T17:00-04:00', '2026-03-27T17:00-04:00'],
    ['filed just before Thanksgiving', newYork, '2026-11-25T10:00-05:00', '2026-12-10T17:00-05:00', '2026-12-17T17:00-05:00'],
    ['filed over Christmas and New Year', newYork, '2026-12-23T14:00-05:00', '2027-01-08T17:00-05:00', '2027-01-15T17:00-05:00'],
    ['filed before the fall-back switch and Veterans Day', newYork, '2026-10-23T12:00-04:00', '2026-11-06T17:00-05:00', '2026-11-16T17:00-05:00'],
    ['filed in Los Angeles (day 15 ends on the next UTC date)', losAngeles, '2026-03-02T10:00-08:00', '2026-03-16T17:00-07:00', '2026-03-23T17:00-07:00'],
    ['filed in Kolkata (no DST)', kolkata, '2026-03-02T10:00+05:30', '2026-03-16T17:00+05:30', '2026-03-23T17:00+05:30'],
    ['filed at 23:30 local, after midnight UTC', newYork, '2026-03-02T23:30-05:00', '2026-03-16T17:00-04:00', '2026-03-23T17:00-04:00'],
  ])('%s', (_name, calendar, filedAt, day10EndsAt, day15EndsAt) => {
    expect(addBusinessDays(calendar, at(filedAt), 10)).toBe(at(day10EndsAt));
    expect(addBusinessDays(calendar, at(filedAt), 15)).toBe(at(day15EndsAt));
    expect(getBusinessDayNumber(calendar, at(filedAt), at(day10EndsAt) - 1)).toBe(10);
    expect(getBusinessDayNumber(calendar, at(filedAt), at(day15EndsAt) - 1)).toBe(15);
  });
});

describe('getBusinessDayNumber', () => {
  const filedAt = at('2026-03-02T10:00-05:00');
  it.each<[string, string, number]>([
    ['the filing day itself', '2026-03-02T16:00-05:00', 0],
    ['early next morning, before opening', '2026-03-03T08:00-05:00', 1],
    ['the Friday', '2026-03-06T12:00-05:00', 4],
    ['the weekend keeps the last number', '2026-03-08T12:00-04:00', 4],
    ['day 10', '2026-03-16T09:00-04:00', 10],
    ['day 15 a minute before closing', '2026-03-23T16:59-04:00', 15],
    ['an instant before the filing', '2026-03-01T12:00-05:00', 0],
  ])('counts %s', (_name, instant, expected) => {
    expect(getBusinessDayNumber(newYork, filedAt, at(instant))).toBe(expected);
  });

  it('numbers each business day as findNthBusinessDay does, through holidays and year end', () => {
    const from = at('2026-11-20T12:00-05:00');
    for (let n = 1; n <= 40; n += 1) {
      const day = findNthBusinessDay(newYork, from, n);
      expect(getBusinessDayNumber(newYork, from, day.startAt)).toBe(n);
      expect(getBusinessDayNumber(newYork, from, day.endAt - 1)).toBe(n);
      expect(day.endAt - day.startAt).toBe(8 * hourMs);
    }
  });
});

describe('addBusinessDays edge cases', () => {
  it('returns the start for zero days', () => {
    expect(addBusinessDays(newYork, at('2026-03-07T11:00-05:00'), 0)).toBe(at('2026-03-07T11:00-05:00'));
  });

  it.each([-1, 1.5, Number.NaN])('refuses %s days', (days) => {
    expect(() => addBusinessDays(newYork, 0, days)).toThrow(RangeError);
  });

  it('refuses business day number 0', () => {
    expect(() => findNthBusinessDay(newYork, 0, 0)).toThrow(RangeError);
  });
});

describe('calendar days', () => {
  it.each<[string, string, number, string]>([
    ['keeps 09:00 across spring forward (23 h later)', '2026-03-07T09:00-05:00', 1, '2026-03-08T09:00-04:00'],
    ['keeps 09:00 across fall back (25 h later)', '2026-10-31T09:00-04:00', 1, '2026-11-01T09:00-05:00'],
    ['crosses the year end', '2026-12-25T18:00-05:00', 15, '2027-01-09T18:00-05:00'],
  ])('addCalendarDays %s', (_name, start, days, expected) => {
    expect(addCalendarDays('America/New_York', at(start), days)).toBe(at(expected));
  });

  it.each<[string, string, string, number, string]>([
    ['CFPB 15 days from a Monday in New York', 'America/New_York', '2026-03-02T10:00-05:00', 15, '2026-03-18T00:00-04:00'],
    ['CFPB 60 days from a Monday in New York', 'America/New_York', '2026-03-02T10:00-05:00', 60, '2026-05-02T00:00-04:00'],
    ['CFPB 15 days from a Friday evening in Los Angeles', 'America/Los_Angeles', '2026-03-06T20:00-08:00', 15, '2026-03-22T00:00-07:00'],
    ['CFPB 15 days over the year end in Kolkata', 'Asia/Kolkata', '2026-12-23T14:00+05:30', 15, '2027-01-08T00:00+05:30'],
  ])('findEndOfCalendarDay: %s', (_name, timeZone, from, n, expected) => {
    expect(findEndOfCalendarDay(timeZone, at(from), n)).toBe(at(expected));
  });
});
