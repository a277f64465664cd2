import { boolean, date, index, integer, jsonb, pgTable, text, time, unique, uuid } from 'drizzle-orm/pg-core';
import { createdAt, updatedAt } from './column-types.js';
import { casePriorityEnum, complaintClassificationEnum, slaTimeModeEnum, userRoleEnum } from './enums.js';

export const weekdays = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
export type Weekday = (typeof weekdays)[number];
/** Local wall-clock times 'HH:MM' in the region's time zone; end is exclusive. */
export interface BusinessHoursInterval {
  start: string;
  end: string;
}
/** A weekday missing or with an empty list is closed. */
export type WeeklyBusinessHours = Partial<Record<Weekday, BusinessHoursInterval[]>>;

export const holidayCalendars = pgTable('holiday_calendars', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  description: text('description'),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

/**
 * One row per day off. `date` is the day the business is closed (the observed day); `officialDate`
 * is the holiday itself, which differs when it falls on a weekend (e.g. 2026-07-04 → 2026-07-03).
 */
export const holidays = pgTable(
  'holidays',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    calendarCode: text('calendar_code')
      .notNull()
      .references(() => holidayCalendars.code, { onDelete: 'cascade' }),
    date: date('date', { mode: 'string' }).notNull(),
    officialDate: date('official_date', { mode: 'string' }).notNull(),
    name: text('name').notNull(),
    isObserved: boolean('is_observed').notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [unique('holidays_calendar_date_unique').on(t.calendarCode, t.date)],
);

/** Regions carry the time zone and business hours that business-time SLA clocks count in. */
export const regions = pgTable('regions', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  /** IANA zone, e.g. America/New_York. */
  timeZone: text('time_zone').notNull(),
  businessHours: jsonb('business_hours').$type<WeeklyBusinessHours>().notNull(),
  holidayCalendarCode: text('holiday_calendar_code').references(() => holidayCalendars.code),
  /** Default quiet hours for people in this region (lending story rule 5: no calls 21:00-09:00). */
  quietHoursStart: time('quiet_hours_start').notNull().default('21:00'),
  quietHoursEnd: time('quiet_hours_end').notNull().default('09:00'),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const queueKinds = ['work', 'escalation', 'compliance'] as const;

export const queues = pgTable('queues', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  description: text('description'),
  /** 'escalation' holds "Pending Manager Review" cases; 'compliance' the day-10 complaint escalations. */
  kind: text('kind', { enum: queueKinds }).notNull().default('work'),
  regionCode: text('region_code').references(() => regions.code),
  isActive: boolean('is_active').notNull().default(true),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const skills = pgTable('skills', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  description: text('description'),
  createdAt: createdAt(),
});

/**
 * Case types (the brochure's "workflows") with their TAT: the maximum is the actual turnaround,
 * the minimum is the priority-based target that may be shorter.
 */
export const caseTypes = pgTable('case_types', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  description: text('description'),
  tatMinMinutes: integer('tat_min_minutes').notNull(),
  tatMaxMinutes: integer('tat_max_minutes').notNull(),
  tatTimeMode: slaTimeModeEnum('tat_time_mode').notNull().default('business'),
  defaultQueueCode: text('default_queue_code').references(() => queues.code),
  defaultPriority: casePriorityEnum('default_priority').notNull().default('P3'),
  defaultComplaintClassification: complaintClassificationEnum('default_complaint_classification'),
  /** Roles that may create, resolve and escalate cases of this type (brochure: creator / resolver / escalator groups). */
  creatorRoles: userRoleEnum('creator_roles').array().notNull(),
  resolverRoles: userRoleEnum('resolver_roles').array().notNull(),
  escalatorRoles: userRoleEnum('escalator_roles').array().notNull(),
  requiredSkillCodes: text('required_skill_codes').array().notNull().default([]),
  requiresSeniorHandler: boolean('requires_senior_handler').notNull().default(false),
  isActive: boolean('is_active').notNull().default(true),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const reasonCodeCategories = ['status', 'transfer', 'escalation', 'de_escalation', 'pause', 'reassignment', 'classification'] as const;

/** Editable reason codes (brochure): why a case was transferred, escalated, paused, closed. */
export const reasonCodes = pgTable(
  'reason_codes',
  {
    code: text('code').primaryKey(),
    category: text('category', { enum: reasonCodeCategories }).notNull(),
    description: text('description').notNull(),
    isActive: boolean('is_active').notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('reason_codes_category_idx').on(t.category)],
);

/** The six resolution categories of the lending story (business rule 4). */
export const resolutionCategories = pgTable('resolution_categories', {
  code: text('code').primaryKey(),
  label: text('label').notNull(),
  /** "Resolved - …" versus "Not Resolved - …". */
  isResolved: boolean('is_resolved').notNull(),
  position: integer('position').notNull(),
  isActive: boolean('is_active').notNull().default(true),
  createdAt: createdAt(),
});

export type HolidayCalendar = typeof holidayCalendars.$inferSelect;
export type Holiday = typeof holidays.$inferSelect;
export type NewHoliday = typeof holidays.$inferInsert;
export type Region = typeof regions.$inferSelect;
export type NewRegion = typeof regions.$inferInsert;
export type Queue = typeof queues.$inferSelect;
export type NewQueue = typeof queues.$inferInsert;
export type Skill = typeof skills.$inferSelect;
export type CaseType = typeof caseTypes.$inferSelect;
export type NewCaseType = typeof caseTypes.$inferInsert;
export type ReasonCode = typeof reasonCodes.$inferSelect;
export type ResolutionCategory = typeof resolutionCategories.$inferSelect;
