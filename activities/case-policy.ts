import { ApplicationFailure } from '@temporalio/common';
import { toIsoWeeklyHours } from '../db/weekly-hours.js';
import { and, asc, desc, eq } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { defaultSlaPolicyCode } from '../db/seed/sla-policy-seed.js';
import { holidays, regions, slaPolicies, slaPolicyVersions } from '../db/schema.js';
import type { SlaDuration, SlaPolicyTargets, SlaTimeMode } from '../db/schema.js';
import type { BusinessCalendar } from '../src/domain/business-calendar.js';
import type { CasePriority, CaseType, CustomerSegment } from '../src/domain/case-vocabulary.js';
import type { SlaSpan } from '../src/domain/sla-clock.js';
import { defaultSlaPolicy, validateSlaPolicy, type SlaPolicy, type SlaRule } from '../src/domain/sla-policy.js';

/** The policy code new cases run under unless the request names another one (the seeded lending policy). */
export const defaultPolicyCode = defaultSlaPolicyCode;

export interface LoadCasePolicyInput {
  regionCode: string;
  /** A specific version (policy re-applied by an admin); else the policy's current version. */
  policyVersionId?: string;
  policyCode?: string;
}

export interface CasePolicy {
  policy: SlaPolicy;
  /** The `sla_policy_versions.id` the case runs under; null for the built-in defaults. */
  policyVersionId: string | null;
  calendar: BusinessCalendar;
}

const hourMs = 3_600_000;
const dayMs = 24 * hourMs;

function toSpan(duration: SlaDuration, mode: SlaTimeMode): SlaSpan {
  if (duration.unit === 'business_days') return { amount: duration.amount, unit: 'days', mode: 'business' };
  if (duration.unit === 'calendar_days') return { amount: duration.amount, unit: 'days', mode: 'calendar' };
  return { amount: duration.amount, unit: duration.unit, mode };
}

/** Maps a stored policy version (rows of the admin's target matrix) onto the domain's policy. */
export function toDomainSlaPolicy(code: string, version: number, targets: SlaPolicyTargets, timeMode: SlaTimeMode, warningThresholds: number[]): SlaPolicy {
  const urgentRule = targets.rules.find((rule) => rule.isUrgent === true);
  const rules: SlaRule[] = targets.rules
    .filter((rule) => rule.isUrgent !== true)
    .map((rule, index) => ({
      ruleId: `${code}-v${version}-rule-${index + 1}`,
      match: {
        ...(rule.caseType ? { caseType: rule.caseType as CaseType } : {}),
        ...(rule.priority ? { priority: rule.priority as CasePriority } : {}),
        ...(rule.segment ? { segment: rule.segment as CustomerSegment } : {}),
      },
      firstResponse: toSpan(rule.firstResponse, rule.timeMode ?? timeMode),
      resolution: toSpan(rule.resolution, rule.timeMode ?? timeMode),
    }));
  // Stored versions may leave out a catch-all row; the built-in fallback then answers what no row matches.
  const hasCatchAll = rules.some((rule) => Object.keys(rule.match).length === 0);
  const builtInFallback = defaultSlaPolicy.rules.filter((rule) => Object.keys(rule.match).length === 0);
  return {
    policyId: code,
    version,
    name: code,
    warningThresholds: [...warningThresholds].sort((a, b) => a - b),
    rules: hasCatchAll ? rules : [...rules, ...builtInFallback],
    urgent: urgentRule
      ? { firstResponse: toSpan(urgentRule.firstResponse, urgentRule.timeMode ?? timeMode), resolution: toSpan(urgentRule.resolution, urgentRule.timeMode ?? timeMode) }
      : defaultSlaPolicy.urgent,
    complaint: {
      complianceEscalationBusinessDay: targets.complaint.complianceEscalationBusinessDay,
      resolutionBusinessDays: targets.complaint.resolutionBusinessDays,
    },
    csat: {
      sendAfterMs: targets.csat.sendAfterHours * hourMs,
      answerWindowMs: targets.csat.answerWindowDays * dayMs,
      minIntervalPerCustomerMs: targets.csat.minDaysBetweenSurveysPerCustomer * dayMs,
      reviewBelowScore: targets.csat.lowScoreBelow,
    },
    reopenWindowMs: defaultSlaPolicy.reopenWindowMs,
  };
}

async function loadPolicyVersion(db: Db, input: LoadCasePolicyInput) {
  const columns = {
    versionId: slaPolicyVersions.id,
    code: slaPolicies.code,
    version: slaPolicyVersions.version,
    targets: slaPolicyVersions.targets,
    timeMode: slaPolicyVersions.timeMode,
    warningThresholds: slaPolicyVersions.warningThresholds,
    holidayCalendarCode: slaPolicyVersions.holidayCalendarCode,
  };
  const base = db.select(columns).from(slaPolicyVersions).innerJoin(slaPolicies, eq(slaPolicies.id, slaPolicyVersions.policyId));
  const rows = input.policyVersionId
    ? await base.where(eq(slaPolicyVersions.id, input.policyVersionId)).limit(1)
    : await base
        .where(and(eq(slaPolicies.code, input.policyCode ?? defaultPolicyCode), eq(slaPolicyVersions.version, slaPolicies.currentVersion)))
        .orderBy(desc(slaPolicyVersions.version))
        .limit(1);
  if (rows.length === 0 && input.policyVersionId) {
    throw ApplicationFailure.nonRetryable(`SLA policy version ${input.policyVersionId} does not exist`, 'invalid_sla_policy');
  }
  return rows[0];
}

/**
 * Reads the SLA policy version and the region's business calendar, so that policy data enters the
 * workflow as an activity result (replays see the same values). Without a stored policy the
 * built-in lending defaults apply (`policyVersionId` null).
 */
export async function loadCasePolicy(db: Db, input: LoadCasePolicyInput): Promise<CasePolicy> {
  const [region] = await db.select().from(regions).where(eq(regions.code, input.regionCode)).limit(1);
  if (!region) throw ApplicationFailure.nonRetryable(`region ${input.regionCode} does not exist`, 'invalid_calendar');
  const stored = await loadPolicyVersion(db, input);
  const policy = stored
    ? toDomainSlaPolicy(stored.code, stored.version, stored.targets, stored.timeMode, stored.warningThresholds)
    : defaultSlaPolicy;
  const validation = validateSlaPolicy(policy);
  if (!validation.ok) throw ApplicationFailure.nonRetryable(validation.error.message, validation.error.code);
  const calendarCode = stored?.holidayCalendarCode ?? region.holidayCalendarCode;
  const closedDates = calendarCode
    ? await db.select({ date: holidays.date }).from(holidays).where(eq(holidays.calendarCode, calendarCode)).orderBy(asc(holidays.date))
    : [];
  return {
    policy,
    policyVersionId: stored?.versionId ?? null,
    calendar: { timeZone: region.timeZone, weeklyHours: toIsoWeeklyHours(region.businessHours), holidays: closedDates.map((row) => row.date) },
  };
}
