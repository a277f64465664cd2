import type { BusinessCalendar, BusinessHours } from '../src/domain/business-calendar.js';
import type { IsoWeekday } from '../src/domain/zoned-time.js';
import { weekdays, type WeeklyBusinessHours } from './schema.js';

/** A region's stored business hours (keyed `monday`…`sunday`) as the calendar's ISO weekdays (1 = Monday). */
export function toIsoWeeklyHours(hours: WeeklyBusinessHours): BusinessCalendar['weeklyHours'] {
  const result: Partial<Record<IsoWeekday, readonly BusinessHours[]>> = {};
  weekdays.forEach((day, index) => {
    const intervals = hours[day];
    if (intervals && intervals.length > 0) result[(index + 1) as IsoWeekday] = intervals;
  });
  return result;
}
