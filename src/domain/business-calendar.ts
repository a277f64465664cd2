import { refuse, type DomainResult } from './errors.js';
import {
  addDaysToLocalDate,
  isLocalDate,
  isValidTimeZone,
  isWallTime,
  toEpochMs,
  toInstantAt,
  toIsoWeekday,
  toLocalDate,
  toMinutesOfDay,
  type EpochMs,
  type Instant,
  type IsoWeekday,
  type LocalDate,
} from './zoned-time.js';

/** Opening hours on one day as wall times `HH:mm` in the calendar's zone; `end` may be `24:00`. */
export interface BusinessHours {
  start: string;
  end: string;
}

/**
 * Where and when a team works: an IANA time zone, opening hours per ISO weekday (a missing or empty
 * weekday is closed) and closed dates (already the observed days, e.g. Friday for a Saturday holiday).
 */
export interface BusinessCalendar {
  timeZone: string;
  weeklyHours: Readonly<Partial<Record<IsoWeekday, readonly BusinessHours[]>>>;
  holidays: readonly LocalDate[];
}

/** One stretch of business time as instants: `startAt` inclusive, `endAt` exclusive. */
export interface BusinessInterval {
  startAt: EpochMs;
  endAt: EpochMs;
}

const isoWeekdays: readonly IsoWeekday[] = [1, 2, 3, 4, 5, 6, 7];
// A valid calendar has business time every week, so scanning ten years without finding any means
// every day is a holiday: fail loudly rather than loop forever.
const maxScannedDays = 3660;

const aroundTheClockCalendars = new Map<string, BusinessCalendar>();

/**
 * A 24×7 calendar in `timeZone`: business time equals elapsed time (calendar-time SLA targets).
 * One shared frozen value per zone, so its intervals are computed once (see listBusinessIntervals).
 */
export function createAroundTheClockCalendar(timeZone: string): BusinessCalendar {
  const known = aroundTheClockCalendars.get(timeZone);
  if (known) return known;
  const allDay = Object.freeze([Object.freeze({ start: '00:00', end: '24:00' })]);
  const calendar: BusinessCalendar = Object.freeze({ timeZone, weeklyHours: Object.freeze(Object.fromEntries(isoWeekdays.map((day) => [day, allDay]))), holidays: Object.freeze([]) });
  aroundTheClockCalendars.set(timeZone, calendar);
  return calendar;
}

/** Checks a calendar coming from data: zone, wall times, ordered non-overlapping hours, holiday dates. */
export function validateBusinessCalendar(calendar: BusinessCalendar): DomainResult<{ calendar: BusinessCalendar }> {
  if (!isValidTimeZone(calendar.timeZone)) {
    return refuse('invalid_calendar', `unknown time zone ${calendar.timeZone}`, { field: 'timeZone' });
  }
  let hasHours = false;
  for (const day of isoWeekdays) {
    let previousEnd = -1;
    for (const hours of calendar.weeklyHours[day] ?? []) {
      if (!isWallTime(hours.start) || !isWallTime(hours.end) || hours.start === '24:00') {
        return refuse('invalid_calendar', `weekday ${day}: hours must be HH:mm`, { field: `weeklyHours.${day}` });
      }
      const [start, end] = [toMinutesOfDay(hours.start), toMinutesOfDay(hours.end)];
      if (start >= end || start < previousEnd) {
        return refuse('invalid_calendar', `weekday ${day}: hours must be ordered and must not overlap`, {
          field: `weeklyHours.${day}`,
        });
      }
      previousEnd = end;
      hasHours = true;
    }
  }
  if (!hasHours) return refuse('invalid_calendar', 'the calendar has no business hours at all', { field: 'weeklyHours' });
  const badHoliday = calendar.holidays.find((date) => !isLocalDate(date));
  if (badHoliday !== undefined) {
    return refuse('invalid_calendar', `holiday ${badHoliday} is not a YYYY-MM-DD date`, { field: 'holidays' });
  }
  return { ok: true, calendar };
}

function isAroundTheClock(calendar: BusinessCalendar): boolean {
  return (
    calendar.holidays.length === 0 &&
    isoWeekdays.every((day) => {
      const hours = calendar.weeklyHours[day];
      return hours?.length === 1 && hours[0]?.start === '00:00' && hours[0]?.end === '24:00';
    })
  );
}

/** Tells whether `date` has any business hours (a working weekday that is not a holiday). */
export function isBusinessDay(calendar: BusinessCalendar, date: LocalDate): boolean {
  return !calendar.holidays.includes(date) && (calendar.weeklyHours[toIsoWeekday(date)]?.length ?? 0) > 0;
}

// Zone offsets come from Intl and dominate clock evaluation, which runs on every case event: a
// calendar's intervals of a date never change (calendars are immutable values), so each is computed
// once per calendar object. The WeakMap lets a calendar and its intervals go together.
const intervalsByCalendar = new WeakMap<BusinessCalendar, Map<LocalDate, readonly BusinessInterval[]>>();

/** The business intervals of a civil date as instants, in order; empty on closed days. DST-aware. */
export function listBusinessIntervals(calendar: BusinessCalendar, date: LocalDate): readonly BusinessInterval[] {
  let intervalsByDate = intervalsByCalendar.get(calendar);
  if (!intervalsByDate) {
    intervalsByDate = new Map();
    intervalsByCalendar.set(calendar, intervalsByDate);
  }
  const known = intervalsByDate.get(date);
  if (known) return known;
  const intervals = computeBusinessIntervals(calendar, date);
  intervalsByDate.set(date, intervals);
  return intervals;
}

function computeBusinessIntervals(calendar: BusinessCalendar, date: LocalDate): readonly BusinessInterval[] {
  if (!isBusinessDay(calendar, date)) return [];
  return (calendar.weeklyHours[toIsoWeekday(date)] ?? [])
    .map((hours) => Object.freeze({
      startAt: toInstantAt(date, hours.start, calendar.timeZone),
      endAt: toInstantAt(date, hours.end, calendar.timeZone),
    }))
    .filter(({ startAt, endAt }) => endAt > startAt);
}

/** Calls `visit` for each business interval from the local day of `fromMs` on, until it returns a value. */
function scanIntervals<T>(calendar: BusinessCalendar, fromMs: EpochMs, visit: (interval: BusinessInterval) => T | undefined): T {
  let date = toLocalDate(fromMs, calendar.timeZone);
  for (let scanned = 0; scanned < maxScannedDays; scanned += 1) {
    for (const interval of listBusinessIntervals(calendar, date)) {
      if (interval.endAt <= fromMs) continue;
      const result = visit(interval);
      if (result !== undefined) return result;
    }
    date = addDaysToLocalDate(date, 1);
  }
  throw new RangeError(`no business time within ${maxScannedDays} days of ${new Date(fromMs).toISOString()}`);
}

/** Tells whether `at` falls inside business hours (interval start inclusive, end exclusive). */
export function isBusinessTime(calendar: BusinessCalendar, at: Instant): boolean {
  const atMs = toEpochMs(at);
  return listBusinessIntervals(calendar, toLocalDate(atMs, calendar.timeZone)).some(
    ({ startAt, endAt }) => startAt <= atMs && atMs < endAt,
  );
}

/** The earliest instant at or after `at` that is business time (`at` itself when already open). */
export function findNextBusinessInstant(calendar: BusinessCalendar, at: Instant): EpochMs {
  const atMs = toEpochMs(at);
  return scanIntervals(calendar, atMs, ({ startAt }) => Math.max(startAt, atMs));
}

/**
 * The earliest instant by which `durationMs` of business time has elapsed since `start`. Zero
 * returns `start` itself; a deadline that uses up an interval exactly lands on its closing instant
 * (17:00), not on the next opening.
 */
export function addBusinessTime(calendar: BusinessCalendar, start: Instant, durationMs: number): EpochMs {
  const startMs = toEpochMs(start);
  if (!(durationMs >= 0)) throw new RangeError(`durationMs must be ≥ 0, got ${durationMs}`);
  if (durationMs === 0 || isAroundTheClock(calendar)) return startMs + durationMs;
  let remainingMs = durationMs;
  return scanIntervals(calendar, startMs, ({ startAt, endAt }) => {
    const fromMs = Math.max(startAt, startMs);
    if (remainingMs <= endAt - fromMs) return fromMs + remainingMs;
    remainingMs -= endAt - fromMs;
    return undefined;
  });
}

/** The business time between two instants in ms; negative when `to` precedes `from`. */
export function measureBusinessTime(calendar: BusinessCalendar, from: Instant, to: Instant): number {
  const [fromMs, toMs] = [toEpochMs(from), toEpochMs(to)];
  if (toMs < fromMs) return -measureBusinessTime(calendar, toMs, fromMs);
  if (isAroundTheClock(calendar)) return toMs - fromMs;
  const lastDate = toLocalDate(toMs, calendar.timeZone);
  let totalMs = 0;
  for (let date = toLocalDate(fromMs, calendar.timeZone); date <= lastDate; date = addDaysToLocalDate(date, 1)) {
    for (const { startAt, endAt } of listBusinessIntervals(calendar, date)) {
      totalMs += Math.max(0, Math.min(endAt, toMs) - Math.max(startAt, fromMs));
    }
  }
  return totalMs;
}
