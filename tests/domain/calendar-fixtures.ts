import { type BusinessCalendar } from '../../src/domain/business-calendar.js';
import { listUsFederalHolidayDates } from '../../src/domain/us-federal-holidays.js';

const nineToFive = [{ start: '09:00', end: '17:00' }];
const weekdays = { 1: nineToFive, 2: nineToFive, 3: nineToFive, 4: nineToFive, 5: nineToFive };

/** A US office: Monday–Friday 09:00–17:00 and the observed federal holidays of 2025–2028. */
export function buildUsCalendar(timeZone: 'America/New_York' | 'America/Los_Angeles'): BusinessCalendar {
  return { timeZone, weeklyHours: weekdays, holidays: listUsFederalHolidayDates(2025, 2028) };
}

export const newYork = buildUsCalendar('America/New_York');
export const losAngeles = buildUsCalendar('America/Los_Angeles');
/** No DST; holidays left out on purpose so weekends alone shape the results. */
export const kolkata: BusinessCalendar = { timeZone: 'Asia/Kolkata', weeklyHours: weekdays, holidays: [] };

/** Epoch ms of an ISO instant with its offset, e.g. `at('2026-03-09T10:00-04:00')`. */
export function at(iso: string): number {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new Error(`bad instant ${iso}`);
  return ms;
}

export const hourMs = 3_600_000;
export const minuteMs = 60_000;
