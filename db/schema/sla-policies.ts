import { index, integer, jsonb, pgTable, real, text, unique, uuid } from 'drizzle-orm/pg-core';
import { createdAt, timestamptz, updatedAt } from './column-types.js';
import { slaTimeModeEnum, type CasePriority, type CustomerSegment, type SlaTimeMode } from './enums.js';
import { holidayCalendars } from './reference-data.js';
import { users } from './users.js';

/** A target length. Hours count business or calendar time as the version's (or the rule's) time mode says. */
export type SlaDuration = { unit: 'minutes' | 'hours'; amount: number } | { unit: 'business_days' | 'calendar_days'; amount: number };

/**
 * One row of the target matrix (case type × priority × segment × customer-marked urgent).
 * `null` matches anything; the most specific matching rule wins (ties: earlier in the list).
 */
export interface SlaTargetRule {
  caseType: string | null;
  priority: CasePriority | null;
  segment: CustomerSegment | null;
  isUrgent: boolean | null;
  firstResponse: SlaDuration;
  resolution: SlaDuration;
  timeMode?: SlaTimeMode;
}

/** Formal complaints: the operational clock of the lending story and the regulator's (CFPB) clock. */
export interface ComplaintTargets {
  resolutionBusinessDays: number;
  complianceEscalationBusinessDay: number;
  regulatorResponseCalendarDays: number;
  regulatorFinalResponseCalendarDays: number;
}

export interface CsatSettings {
  sendAfterHours: number;
  answerWindowDays: number;
  minDaysBetweenSurveysPerCustomer: number;
  /** A score below this opens a supervisor review. */
  lowScoreBelow: number;
}

export interface SlaPolicyTargets {
  rules: SlaTargetRule[];
  complaint: ComplaintTargets;
  csat: CsatSettings;
}

export const slaPolicies = pgTable('sla_policies', {
  id: uuid('id').primaryKey().defaultRandom(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  description: text('description'),
  /** The version new cases start under. */
  currentVersion: integer('current_version').notNull().default(1),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

/** Versions are immutable once written: a case records the version it runs under. */
export const slaPolicyVersions = pgTable(
  'sla_policy_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    policyId: uuid('policy_id')
      .notNull()
      .references(() => slaPolicies.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    targets: jsonb('targets').$type<SlaPolicyTargets>().notNull(),
    timeMode: slaTimeModeEnum('time_mode').notNull().default('business'),
    /** Which holidays business time skips; the case's region gives the time zone and hours. */
    holidayCalendarCode: text('holiday_calendar_code').references(() => holidayCalendars.code),
    /** Fractions of the target at which the handler is warned, ascending, e.g. [0.75, 0.9]. */
    warningThresholds: real('warning_thresholds').array().notNull().default([0.75, 0.9]),
    notes: text('notes'),
    effectiveFrom: timestamptz('effective_from').notNull().defaultNow(),
    createdByUserId: uuid('created_by_user_id').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [unique('sla_policy_versions_policy_version_unique').on(t.policyId, t.version), index('sla_policy_versions_effective_idx').on(t.policyId, t.effectiveFrom)],
);

export type SlaPolicy = typeof slaPolicies.$inferSelect;
export type NewSlaPolicy = typeof slaPolicies.$inferInsert;
export type SlaPolicyVersion = typeof slaPolicyVersions.$inferSelect;
export type NewSlaPolicyVersion = typeof slaPolicyVersions.$inferInsert;
