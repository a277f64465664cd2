import { describe, expect, it } from 'vitest';
import { listUsFederalHolidayDates, listUsFederalHolidays } from '../../src/domain/us-federal-holidays.js';

describe('listUsFederalHolidays', () => {
  it.each<[number, string[]]>([
    [
      2026,
      ['2026-01-01', '2026-01-19', '2026-02-16', '2026-05-25', '2026-06-19', '2026-07-03', '2026-09-07', '2026-10-12', '2026-11-11', '2026-11-26', '2026-12-25'],
    ],
    [
      // Juneteenth and Independence Day on weekends; New Year's Day 2028 (Saturday) observed on 2027-12-31.
      2027,
      ['2027-01-01', '2027-01-18', '2027-02-15', '2027-05-31', '2027-06-18', '2027-07-05', '2027-09-06', '2027-10-11', '2027-11-11', '2027-11-25', '2027-12-24', '2027-12-31'],
    ],
    [
      // New Year's Day 2028 is observed in 2027, so 2028 has no January 1.
      2028,
      ['2028-01-17', '2028-02-21', '2028-05-29', '2028-06-19', '2028-07-04', '2028-09-04', '2028-10-09', '2028-11-10', '2028-11-23', '2028-12-25'],
    ],
    [2020, ['2020-01-01', '2020-01-20', '2020-02-17', '2020-05-25', '2020-07-03', '2020-09-07', '2020-10-12', '2020-11-11', '2020-11-26', '2020-12-25']],
  ])('observes the %i holidays on the right days', (year, expected) => {
    expect(listUsFederalHolidays(year).map(({ date }) => date)).toEqual(expected);
  });

  it('keeps the actual date next to the observed one', () => {
    expect(listUsFederalHolidays(2026).find(({ name }) => name === 'Independence Day')).toEqual({
      name: 'Independence Day',
      actualDate: '2026-07-04',
      date: '2026-07-03',
    });
  });

  it('lists several years for seed data', () => {
    expect(listUsFederalHolidayDates(2026, 2027)).toHaveLength(23);
  });

  it.each([1900, 2026.5])('refuses year %s', (year) => {
    expect(() => listUsFederalHolidays(year)).toThrow(RangeError);
  });
});
