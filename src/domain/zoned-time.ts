import { DateTime } from 'luxon';

/** An instant as milliseconds since the Unix epoch: the form every domain function returns. */
export type EpochMs = number;

/** An instant as accepted by domain functions: a `Date` or epoch milliseconds. */
export type Instant = Date | EpochMs;

/** A civil date `YYYY-MM-DD` without a zone (business days, holidays). */
export type LocalDate = string;

/** An ISO weekday: 1 = Monday … 7 = Sunday. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

const dayMs = 86_400_000;
const localDatePattern = /^(\d{4})-(\d{2})-(\d{2})$/;
const wallTimePattern = /^([01]\d|2[0-3]):([0-5]\d)$|^24:00$/;

/** Normalises an {@link Instant} to epoch milliseconds. */
export function toEpochMs(instant: Instant): EpochMs {
  return typeof instant === 'number' ? instant : instant.getTime();
}

/** Tells whether `timeZone` is an IANA zone the runtime's `Intl` knows. */
export function isValidTimeZone(timeZone: string): boolean {
  return DateTime.fromMillis(0, { zone: timeZone }).isValid;
}

/** Tells whether `value` is a real civil date `YYYY-MM-DD` (rejects 2026-02-30). */
export function isLocalDate(value: string): boolean {
  const match = localDatePattern.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Tells whether `value` is a wall time `HH:mm` from 00:00 to 24:00 inclusive. */
export function isWallTime(value: string): boolean {
  return wallTimePattern.test(value);
}

/** Converts a wall time `HH:mm` to minutes after midnight (`24:00` → 1440). */
export function toMinutesOfDay(wallTime: string): number {
  const [hours, minutes] = wallTime.split(':').map(Number);
  return (hours ?? 0) * 60 + (minutes ?? 0);
}

// Civil dates are read straight from Intl with one formatter per zone: clock evaluation asks for
// several on every case event, and a Luxon DateTime per date (its offset, its fields) cost the
// workflow thread several times more. A formatter is immutable, so the cache holds no state that
// could change an answer.
const civilDateFormats = new Map<string, Intl.DateTimeFormat>();

function civilDateFormatFor(timeZone: string): Intl.DateTimeFormat {
  let format = civilDateFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, calendar: 'gregory', numberingSystem: 'latn', year: 'numeric', month: '2-digit', day: '2-digit' });
    civilDateFormats.set(timeZone, format);
  }
  return format;
}

/** The civil date of `instant` in `timeZone`; a zone the runtime does not know is a RangeError. */
export function toLocalDate(instant: EpochMs, timeZone: string): LocalDate {
  let [year, month, day] = ['', '', ''];
  for (const { type, value } of civilDateFormatFor(timeZone).formatToParts(instant)) {
    if (type === 'year') year = value.padStart(4, '0');
    else if (type === 'month') month = value;
    else if (type === 'day') day = value;
  }
  return `${year}-${month}-${day}`;
}

// Civil-date arithmetic runs on UTC midnights: no zone can shift a civil date.
function toUtcMidnight(date: LocalDate): number {
  const [year, month, day] = date.split('-').map(Number);
  return Date.UTC(year ?? 1970, (month ?? 1) - 1, day ?? 1);
}

/** The civil date `days` after (or before, when negative) `date`. */
export function addDaysToLocalDate(date: LocalDate, days: number): LocalDate {
  return new Date(toUtcMidnight(date) + days * dayMs).toISOString().slice(0, 10);
}

/** The ISO weekday of a civil date. */
export function toIsoWeekday(date: LocalDate): IsoWeekday {
  const sundayZero = new Date(toUtcMidnight(date)).getUTCDay();
  return (sundayZero === 0 ? 7 : sundayZero) as IsoWeekday;
}

function readOffsetMinutes(instant: EpochMs, timeZone: string): number {
  return DateTime.fromMillis(instant, { zone: timeZone }).offset;
}

/**
 * The instant a wall clock in `timeZone` shows `wallTime` on `date`. `24:00` is midnight starting
 * the next day. Like java.time and RFC 5545: a wall time skipped by a spring-forward switch moves
 * forward by the gap (02:30 → 03:30 EDT); a repeated one (fall back) takes its first occurrence
 * (01:30 EDT), so hours starting in the repeated hour are not cut short.
 */
export function toInstantAt(date: LocalDate, wallTime: string, timeZone: string): EpochMs {
  const minutes = toMinutesOfDay(wallTime);
  const civil = minutes === 1440 ? addDaysToLocalDate(date, 1) : date;
  const [year, month, day] = civil.split('-').map(Number);
  const wallAsUtcMs = Date.UTC(year ?? 1970, (month ?? 1) - 1, day ?? 1, Math.floor((minutes % 1440) / 60), minutes % 60);
  // Zones change offset at most once around any day, so the offsets a day before and after are the
  // only candidates; those that map back to the same wall time are the wall time's occurrences.
  const occurrences = [readOffsetMinutes(wallAsUtcMs - dayMs, timeZone), readOffsetMinutes(wallAsUtcMs + dayMs, timeZone)]
    .map((offsetMinutes) => ({ offsetMinutes, instant: wallAsUtcMs - offsetMinutes * 60_000 }))
    .filter(({ offsetMinutes, instant }) => readOffsetMinutes(instant, timeZone) === offsetMinutes)
    .map(({ instant }) => instant);
  if (occurrences.length > 0) return Math.min(...occurrences);
  return DateTime.fromObject({ year, month, day, hour: Math.floor((minutes % 1440) / 60), minute: minutes % 60 }, { zone: timeZone }).toMillis();
}

/** The instant showing the same wall-clock time `days` civil days later in `timeZone` (DST-aware). */
export function addLocalDays(instant: EpochMs, days: number, timeZone: string): EpochMs {
  return DateTime.fromMillis(instant, { zone: timeZone }).plus({ days }).toMillis();
}
