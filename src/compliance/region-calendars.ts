import { asc } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { holidays, regions, weekdays, type WeeklyBusinessHours } from '../../db/schema.js';
import type { BusinessCalendar, BusinessHours } from '../domain/business-calendar.js';
import type { IsoWeekday } from '../domain/zoned-time.js';

function toIsoWeeklyHours(hours: WeeklyBusinessHours): BusinessCalendar['weeklyHours'] {
  const result: Partial<Record<IsoWeekday, readonly BusinessHours[]>> = {};
  weekdays.forEach((day, index) => {
    const intervals = hours[day];
    if (intervals && intervals.length > 0) result[(index + 1) as IsoWeekday] = intervals;
  });
  return result;
}

/** Every region's business calendar (zone, weekly hours, closed dates), keyed by region code. */
export async function loadRegionCalendars(db: Db): Promise<Map<string, BusinessCalendar>> {
  const [regionRows, holidayRows] = await Promise.all([
    db.select().from(regions),
    db.select({ calendarCode: holidays.calendarCode, date: holidays.date }).from(holidays).orderBy(asc(holidays.date)),
  ]);
  return new Map(
    regionRows.map((region) => [
      region.code,
      {
        timeZone: region.timeZone,
        weeklyHours: toIsoWeeklyHours(region.businessHours),
        holidays: holidayRows.filter((row) => row.calendarCode === region.holidayCalendarCode).map((row) => row.date),
      },
    ]),
  );
}
