import { caseTypes, holidayCalendars, holidays, queues, reasonCodes, regions, resolutionCategories, skills, type NewQueue, type WeeklyBusinessHours } from '../schema.js';
import { caseTypeSeeds } from './case-type-seeds.js';
import type { SeedDb } from './seed-db.js';
import { listUsFederalHolidays } from './us-federal-holidays.js';

export const usFederalCalendarCode = 'us_federal';
const holidayYears = [2026, 2027, 2028];

const nineToFive = [{ start: '09:00', end: '17:00' }];
const weekdaysNineToFive: WeeklyBusinessHours = { monday: nineToFive, tuesday: nineToFive, wednesday: nineToFive, thursday: nineToFive, friday: nineToFive };

export const regionSeeds = [
  { code: 'us_eastern', name: 'US Eastern', timeZone: 'America/New_York' },
  { code: 'us_central', name: 'US Central', timeZone: 'America/Chicago' },
  { code: 'us_mountain', name: 'US Mountain', timeZone: 'America/Denver' },
  { code: 'us_pacific', name: 'US Pacific', timeZone: 'America/Los_Angeles' },
] as const;

// The platform PRD's five queues first, then the lending desk's and the escalation targets.
export const queueSeeds: NewQueue[] = [
  { code: 'login', name: 'Login', description: 'Account access, password resets and authentication problems' },
  { code: 'orders', name: 'Orders', description: 'Order modifications, cancellations and processing issues' },
  { code: 'deliveries', name: 'Deliveries', description: 'Delivery tracking, shipping issues and damaged packages' },
  { code: 'payments', name: 'Payments', description: 'Payment processing, failed or misapplied loan payments, billing inquiries' },
  { code: 'refunds', name: 'Refunds', description: 'Returns, refund requests and credits' },
  { code: 'general_inquiries', name: 'General Inquiries', description: 'Information requests about loans, guarantees and investments' },
  { code: 'disputes', name: 'Disputes', description: 'Disputed charges, balances and credit reporting' },
  { code: 'complaints', name: 'Complaints', description: 'Formal complaints handled by senior handlers under the regulatory clock' },
  { code: 'priority_clients', name: 'Priority Clients', description: 'VIP and institutional customers with complex cases' },
  { code: 'technical_support', name: 'Technical Support', description: 'Portal and API integration problems' },
  { code: 'manager_review', name: 'Manager Review', description: 'Cases escalated after an SLA breach ("Pending Manager Review")', kind: 'escalation' },
  { code: 'compliance', name: 'Compliance', description: 'Formal complaints escalated on business day 10 and regulator deadlines', kind: 'compliance' },
];

export const skillSeeds = [
  { code: 'api_integration', name: 'API Integration', description: 'Signatures, webhooks and API errors of partner integrations' },
  { code: 'loan_servicing', name: 'Loan Servicing', description: 'Loan terms, statements, payoff quotes' },
  { code: 'payments', name: 'Payments', description: 'Payment processing, autopay, returned payments' },
  { code: 'disputes', name: 'Disputes', description: 'Charge and credit-reporting disputes' },
  { code: 'complaint_handling', name: 'Complaint Handling', description: 'Formal complaints and regulatory responses' },
  { code: 'collections', name: 'Collections', description: 'Delinquency, hardship plans' },
  { code: 'investments', name: 'Investments', description: 'Investor accounts and distributions' },
  { code: 'guarantees', name: 'Guarantees', description: 'Guarantor obligations and releases' },
  { code: 'account_access', name: 'Account Access', description: 'Login, MFA and password resets' },
  { code: 'orders_and_deliveries', name: 'Orders and Deliveries', description: 'Order and shipment problems' },
  { code: 'refunds', name: 'Refunds', description: 'Returns, refunds and credits' },
];

// Brochure: reason codes have an id and description and cover statuses, transfers and escalations.
export const reasonCodeSeeds = [
  { code: 'completed', category: 'status', description: 'Completed' },
  { code: 'in_progress', category: 'status', description: 'In progress' },
  { code: 'needs_approval', category: 'status', description: 'Needs approval' },
  { code: 'not_a_problem', category: 'status', description: 'Not a problem' },
  { code: 'rejected', category: 'status', description: 'Rejected' },
  { code: 'wrong_queue', category: 'transfer', description: 'Routed to the wrong queue' },
  { code: 'needs_expertise', category: 'transfer', description: 'Needs a specialist skill' },
  { code: 'language_match', category: 'transfer', description: "Handler who speaks the customer's language" },
  { code: 'workload_balance', category: 'reassignment', description: 'Rebalanced for workload' },
  { code: 'handler_unavailable', category: 'reassignment', description: 'Handler is away or offline' },
  { code: 'sla_breach', category: 'escalation', description: 'SLA target missed' },
  { code: 'customer_request', category: 'escalation', description: 'Customer asked for a manager' },
  { code: 'financial_impact', category: 'escalation', description: 'Decision with financial impact' },
  { code: 'regulatory_deadline', category: 'escalation', description: 'Formal complaint unresolved by business day 10' },
  { code: 'false_escalation', category: 'de_escalation', description: 'Escalated in error' },
  { code: 'awaiting_documents', category: 'pause', description: 'Waiting for documents from the customer' },
  { code: 'awaiting_customer_reply', category: 'pause', description: 'Waiting for the customer to reply' },
  { code: 'reclassified', category: 'classification', description: 'Complaint classification changed on review' },
] as const;

// Lending story, business rule 4, in its order.
export const resolutionCategorySeeds = [
  { code: 'resolved_customer_satisfied', label: 'Resolved - Customer Satisfied', isResolved: true },
  { code: 'resolved_policy_explained', label: 'Resolved - Policy Explained', isResolved: true },
  { code: 'resolved_adjustment_made', label: 'Resolved - Adjustment Made', isResolved: true },
  { code: 'resolved_escalated_to_management', label: 'Resolved - Escalated to Management', isResolved: true },
  { code: 'not_resolved_pending_customer_action', label: 'Not Resolved - Pending Customer Action', isResolved: false },
  { code: 'not_resolved_referred_to_other_department', label: 'Not Resolved - Referred to Other Department', isResolved: false },
].map((category, index) => ({ ...category, position: index + 1 }));

/** Calendars, regions, queues, skills, case types, reason codes and resolution categories. */
export async function seedReferenceData(db: SeedDb): Promise<void> {
  await db
    .insert(holidayCalendars)
    .values({ code: usFederalCalendarCode, name: 'US federal holidays', description: 'Federal holidays with their observed days (5 U.S.C. 6103)' })
    .onConflictDoNothing();
  const holidayRows = holidayYears.flatMap(listUsFederalHolidays).map((holiday) => ({
    calendarCode: usFederalCalendarCode,
    date: holiday.observedDate,
    officialDate: holiday.officialDate,
    name: holiday.observedDate === holiday.officialDate ? holiday.name : `${holiday.name} (observed)`,
    isObserved: holiday.observedDate !== holiday.officialDate,
  }));
  await db.insert(holidays).values(holidayRows).onConflictDoNothing();
  await db
    .insert(regions)
    .values(regionSeeds.map((region) => ({ ...region, businessHours: weekdaysNineToFive, holidayCalendarCode: usFederalCalendarCode })))
    .onConflictDoNothing();
  await db.insert(queues).values(queueSeeds).onConflictDoNothing();
  await db.insert(skills).values(skillSeeds).onConflictDoNothing();
  await db.insert(caseTypes).values(caseTypeSeeds).onConflictDoNothing();
  await db.insert(reasonCodes).values([...reasonCodeSeeds]).onConflictDoNothing();
  await db.insert(resolutionCategories).values(resolutionCategorySeeds).onConflictDoNothing();
}
