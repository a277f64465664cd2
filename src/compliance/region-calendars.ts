import { asc } from 'drizzle-orm';
import { toIsoWeeklyHours } from '../../db/weekly-hours.js';
import type { Db } from '../../db/client.js';
import { holidays, regions } from '../../db/schema.js';
import type { BusinessCalendar } from '../domain/business-calendar.js';

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
