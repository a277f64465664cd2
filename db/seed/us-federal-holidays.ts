/** A day the federal government is closed. Dates are ISO calendar dates (YYYY-MM-DD). */
export interface FederalHoliday {
  name: string;
  /** The holiday itself. */
  officialDate: string;
  /** The day off: Saturday holidays are observed the Friday before, Sunday ones the Monday after (5 U.S.C. 6103). */
  observedDate: string;
}

function toIsoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function utcDate(year: number, monthIndex: number, day: number): Date {
  return new Date(Date.UTC(year, monthIndex, day));
}

/** The n-th (1-based) given weekday (0 = Sunday) of a month. */
function nthWeekday(year: number, monthIndex: number, weekday: number, n: number): Date {
  const first = utcDate(year, monthIndex, 1);
  const offset = (weekday - first.getUTCDay() + 7) % 7;
  return utcDate(year, monthIndex, 1 + offset + (n - 1) * 7);
}

function lastWeekday(year: number, monthIndex: number, weekday: number): Date {
  const last = utcDate(year, monthIndex + 1, 0);
  const offset = (last.getUTCDay() - weekday + 7) % 7;
  return utcDate(year, monthIndex, last.getUTCDate() - offset);
}

function observedDay(date: Date): Date {
  const weekday = date.getUTCDay();
  if (weekday === 6) return utcDate(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate() - 1);
  if (weekday === 0) return utcDate(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate() + 1);
  return date;
}

/**
 * The eleven US federal holidays of a year with their observed days. The observed day can fall in
 * the previous year: New Year's Day 2028 is a Saturday, observed Friday 2027-12-31.
 */
export function listUsFederalHolidays(year: number): FederalHoliday[] {
  const holidays: Array<[string, Date]> = [
    ["New Year's Day", utcDate(year, 0, 1)],
    ['Birthday of Martin Luther King, Jr.', nthWeekday(year, 0, 1, 3)],
    ["Washington's Birthday", nthWeekday(year, 1, 1, 3)],
    ['Memorial Day', lastWeekday(year, 4, 1)],
    ['Juneteenth National Independence Day', utcDate(year, 5, 19)],
    ['Independence Day', utcDate(year, 6, 4)],
    ['Labor Day', nthWeekday(year, 8, 1, 1)],
    ['Columbus Day', nthWeekday(year, 9, 1, 2)],
    ['Veterans Day', utcDate(year, 10, 11)],
    ['Thanksgiving Day', nthWeekday(year, 10, 4, 4)],
    ['Christmas Day', utcDate(year, 11, 25)],
  ];
  return holidays.map(([name, date]) => ({ name, officialDate: toIsoDate(date), observedDate: toIsoDate(observedDay(date)) }));
}
