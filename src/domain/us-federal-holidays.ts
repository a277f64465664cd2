import { addDaysToLocalDate, toIsoWeekday, type LocalDate } from './zoned-time.js';

/** A US federal holiday: its name, the date it falls on, and the date it is observed. */
export interface ObservedHoliday {
  name: string;
  /** The day employees get off (Saturday → Friday before, Sunday → Monday after; 5 U.S.C. 6103). */
  date: LocalDate;
  actualDate: LocalDate;
}

function formatDate(year: number, month: number, day: number): LocalDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The `nth` (1-based) Monday/Thursday/… of a month; `nth = -1` for the last one. */
function findNthWeekday(year: number, month: number, isoWeekday: number, nth: number): LocalDate {
  if (nth > 0) {
    const first = formatDate(year, month, 1);
    const offset = (isoWeekday - toIsoWeekday(first) + 7) % 7;
    return addDaysToLocalDate(first, offset + (nth - 1) * 7);
  }
  const last = addDaysToLocalDate(formatDate(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1, 1), -1);
  return addDaysToLocalDate(last, -((toIsoWeekday(last) - isoWeekday + 7) % 7));
}

function observe(actualDate: LocalDate): LocalDate {
  const weekday = toIsoWeekday(actualDate);
  if (weekday === 6) return addDaysToLocalDate(actualDate, -1);
  if (weekday === 7) return addDaysToLocalDate(actualDate, 1);
  return actualDate;
}

function listActualHolidays(year: number): { name: string; actualDate: LocalDate }[] {
  const fixed = (name: string, month: number, day: number) => ({ name, actualDate: formatDate(year, month, day) });
  const floating = (name: string, month: number, weekday: number, nth: number) => ({
    name,
    actualDate: findNthWeekday(year, month, weekday, nth),
  });
  return [
    fixed("New Year's Day", 1, 1),
    floating('Birthday of Martin Luther King, Jr.', 1, 1, 3),
    floating("Washington's Birthday", 2, 1, 3),
    floating('Memorial Day', 5, 1, -1),
    // Juneteenth became a federal holiday in 2021 (Pub. L. 117-17).
    ...(year >= 2021 ? [fixed('Juneteenth National Independence Day', 6, 19)] : []),
    fixed('Independence Day', 7, 4),
    floating('Labor Day', 9, 1, 1),
    floating('Columbus Day', 10, 1, 2),
    fixed('Veterans Day', 11, 11),
    floating('Thanksgiving Day', 11, 4, 4),
    fixed('Christmas Day', 12, 25),
  ];
}

/**
 * The US federal holidays observed during `year` (Inauguration Day excluded), sorted by observed
 * date. A New Year's Day falling on a Saturday is observed on Friday 31 December of the year before,
 * so it appears in the previous year's list, not in its own.
 */
export function listUsFederalHolidays(year: number): ObservedHoliday[] {
  if (!Number.isInteger(year) || year < 1971 || year > 9998) {
    throw new RangeError(`year must be an integer from 1971 to 9998, got ${year}`);
  }
  return [...listActualHolidays(year), ...listActualHolidays(year + 1).slice(0, 1)]
    .map(({ name, actualDate }) => ({ name, actualDate, date: observe(actualDate) }))
    .filter(({ date }) => date.startsWith(`${year}-`))
    .sort((a, b) => a.date.localeCompare(b.date));
}

/** The observed US federal holiday dates of the years `fromYear` to `toYear` inclusive (seed data). */
export function listUsFederalHolidayDates(fromYear: number, toYear: number): LocalDate[] {
  const dates: LocalDate[] = [];
  for (let year = fromYear; year <= toYear; year += 1) {
    dates.push(...listUsFederalHolidays(year).map(({ date }) => date));
  }
  return dates;
}
