import { isBusinessDay, listBusinessIntervals, type BusinessCalendar } from './business-calendar.js';
import { addDaysToLocalDate, addLocalDays, toEpochMs, toInstantAt, toLocalDate, type EpochMs, type Instant, type LocalDate } from './zoned-time.js';

/**
 * Day counting follows the usual rule for periods "within N days of receipt": the day of the event
 * is day 0 whatever its hour, and business day 1 is the first business day after it. A complaint
 * filed on Monday at 08:00 or on Saturday both have business day 1 on the next business day.
 */

/** A business day with its opening and closing instants. */
export interface BusinessDay {
  date: LocalDate;
  /** Opening of its first business interval. */
  startAt: EpochMs;
  /** Closing of its last business interval: the moment "business day N" is over. */
  endAt: EpochMs;
}

const maxScannedDays = 3660;

function assertDayCount(days: number): void {
  if (!Number.isInteger(days) || days < 0) throw new RangeError(`days must be a whole number ≥ 0, got ${days}`);
}

/** Business day number `n` (≥ 1) after the local day of `from`, with its opening and closing instants. */
export function findNthBusinessDay(calendar: BusinessCalendar, from: Instant, n: number): BusinessDay {
  assertDayCount(n);
  if (n === 0) throw new RangeError('business days are numbered from 1');
  let date = toLocalDate(toEpochMs(from), calendar.timeZone);
  let found = 0;
  for (let scanned = 0; scanned < maxScannedDays * 2; scanned += 1) {
    date = addDaysToLocalDate(date, 1);
    if (!isBusinessDay(calendar, date)) continue;
    found += 1;
    if (found < n) continue;
    const intervals = listBusinessIntervals(calendar, date);
    const [first, last] = [intervals[0], intervals[intervals.length - 1]];
    if (first && last) return { date, startAt: first.startAt, endAt: last.endAt };
  }
  throw new RangeError(`fewer than ${n} business days within ${maxScannedDays * 2} days`);
}

/**
 * The instant `days` business days after `start`: the close of business on the `days`-th business
 * day after the local day of `start` (Friday 17:00 for "5 business days" after any time on the
 * previous Friday). Zero days returns `start`.
 */
export function addBusinessDays(calendar: BusinessCalendar, start: Instant, days: number): EpochMs {
  assertDayCount(days);
  return days === 0 ? toEpochMs(start) : findNthBusinessDay(calendar, start, days).endAt;
}

/**
 * Which business day `at` falls on, counted from the local day of `from` (day 0): the number of
 * business days after that day up to and including the local day of `at`. On a weekend it is the
 * number of the last business day before it; it is 0 before the first business day begins.
 */
export function getBusinessDayNumber(calendar: BusinessCalendar, from: Instant, at: Instant): number {
  const fromDate = toLocalDate(toEpochMs(from), calendar.timeZone);
  const atDate = toLocalDate(toEpochMs(at), calendar.timeZone);
  let count = 0;
  for (let date = addDaysToLocalDate(fromDate, 1); date <= atDate; date = addDaysToLocalDate(date, 1)) {
    if (isBusinessDay(calendar, date)) count += 1;
  }
  return count;
}

/** The same wall-clock time `days` civil days after `start` in `timeZone` (23 h or 25 h days over DST). */
export function addCalendarDays(timeZone: string, start: Instant, days: number): EpochMs {
  assertDayCount(days);
  return addLocalDays(toEpochMs(start), days, timeZone);
}

/** The end of calendar day `n` after the local day of `from` (midnight starting day n + 1), DST-aware. */
export function findEndOfCalendarDay(timeZone: string, from: Instant, n: number): EpochMs {
  assertDayCount(n);
  return toInstantAt(addDaysToLocalDate(toLocalDate(toEpochMs(from), timeZone), n), '24:00', timeZone);
}
