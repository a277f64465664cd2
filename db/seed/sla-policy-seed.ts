import { eq } from 'drizzle-orm';
import { slaPolicies, slaPolicyVersions, type SlaDuration, type SlaPolicyTargets, type SlaTargetRule } from '../schema.js';
import { usFederalCalendarCode } from './reference-data-seed.js';
import type { SeedDb } from './seed-db.js';

export const defaultSlaPolicyCode = 'lending_default';

const hours = (amount: number): SlaDuration => ({ unit: 'hours', amount });
const minutes = (amount: number): SlaDuration => ({ unit: 'minutes', amount });
const businessDays = (amount: number): SlaDuration => ({ unit: 'business_days', amount });

function rule(caseType: string | null, firstResponse: SlaDuration, resolution: SlaDuration, extra: Partial<SlaTargetRule> = {}): SlaTargetRule {
  return { caseType, priority: null, segment: null, isUrgent: null, firstResponse, resolution, ...extra };
}

/**
 * Version 1: the lending story's business rule 1 (resolution targets), first-response targets we
 * chose, tighter targets for VIP and institutional customers (tiered SLAs of the CRM use case), the
 * platform PRD's queue topics, and a catch-all. All hours are business hours of the case's region.
 * The formal complaint rule comes before "urgent" so a complaint keeps its 15 business days.
 */
export const defaultSlaTargets: SlaPolicyTargets = {
  rules: [
    rule('complaint', businessDays(1), businessDays(15)),
    rule(null, minutes(30), hours(2), { isUrgent: true }),
    rule('payment_issue', minutes(30), hours(2), { segment: 'vip' }),
    rule('payment_issue', minutes(30), hours(2), { segment: 'institutional' }),
    rule('information_request', hours(2), hours(12), { segment: 'vip' }),
    rule('information_request', hours(2), hours(12), { segment: 'institutional' }),
    rule('dispute', hours(2), hours(24), { segment: 'vip' }),
    rule('dispute', hours(2), hours(24), { segment: 'institutional' }),
    rule('information_request', hours(4), hours(24)),
    rule('payment_issue', hours(1), hours(4)),
    rule('dispute', hours(4), hours(48)),
    rule('account_access', hours(1), hours(8)),
    rule('order_issue', hours(4), hours(24)),
    rule('delivery_issue', hours(4), hours(24)),
    rule('refund_request', hours(4), hours(48)),
    // CRM use case B-1: response SLA of 2 hours.
    rule('technical_issue', hours(2), hours(24)),
    rule(null, hours(4), hours(24)),
  ],
  complaint: {
    resolutionBusinessDays: 15,
    complianceEscalationBusinessDay: 10,
    regulatorResponseCalendarDays: 15,
    regulatorFinalResponseCalendarDays: 60,
  },
  csat: { sendAfterHours: 24, answerWindowDays: 7, minDaysBetweenSurveysPerCustomer: 7, lowScoreBelow: 3 },
};

export async function seedSlaPolicy(db: SeedDb): Promise<void> {
  await db
    .insert(slaPolicies)
    .values({ code: defaultSlaPolicyCode, name: 'Lending customer service', description: 'SLA rules of the lending desk (US-LMS-016)', currentVersion: 1 })
    .onConflictDoNothing();
  const [policy] = await db.select({ id: slaPolicies.id }).from(slaPolicies).where(eq(slaPolicies.code, defaultSlaPolicyCode));
  if (!policy) throw new Error(`SLA policy ${defaultSlaPolicyCode} is missing after its insert`);
  await db
    .insert(slaPolicyVersions)
    .values({
      policyId: policy.id,
      version: 1,
      targets: defaultSlaTargets,
      timeMode: 'business',
      holidayCalendarCode: usFederalCalendarCode,
      warningThresholds: [0.75, 0.9],
      notes: 'Initial version from the lending story',
      effectiveFrom: new Date('2026-01-01T00:00:00Z'),
    })
    .onConflictDoNothing();
}
