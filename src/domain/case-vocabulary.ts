/**
 * The words cases are made of, each an `as const` list with its union type so that data (zod
 * schemas, database enums, seed data) and code share one source. Labels are what people read.
 */

/** Case statuses; `escalated` reads "Pending Manager Review" (CRM use case B-1). */
export const caseStatuses = ['new', 'assigned', 'in_progress', 'pending_customer', 'escalated', 'resolved', 'closed'] as const;
export type CaseStatus = (typeof caseStatuses)[number];

export const caseStatusLabels: Readonly<Record<CaseStatus, string>> = {
  new: 'New',
  assigned: 'Assigned',
  in_progress: 'In Progress',
  pending_customer: 'Pending Customer',
  escalated: 'Pending Manager Review',
  resolved: 'Resolved',
  closed: 'Closed',
};

/** Statuses in which work is still owed to the customer (SLA clocks may run). */
export const openCaseStatuses = ['new', 'assigned', 'in_progress', 'pending_customer', 'escalated'] as const satisfies readonly CaseStatus[];

/** Priorities of the lending story's business rule 2. */
export const casePriorities = ['P1', 'P2', 'P3', 'P4'] as const;
export type CasePriority = (typeof casePriorities)[number];

export const casePriorityLabels: Readonly<Record<CasePriority, string>> = {
  P1: 'Critical',
  P2: 'High',
  P3: 'Medium',
  P4: 'Low',
};

/** Resolution categories of the lending story's business rule 4. */
export const resolutionCategories = [
  'resolved_customer_satisfied',
  'resolved_policy_explained',
  'resolved_adjustment_made',
  'resolved_escalated_to_management',
  'not_resolved_pending_customer_action',
  'not_resolved_referred_to_other_department',
] as const;
export type ResolutionCategory = (typeof resolutionCategories)[number];

export const resolutionCategoryLabels: Readonly<Record<ResolutionCategory, string>> = {
  resolved_customer_satisfied: 'Resolved - Customer Satisfied',
  resolved_policy_explained: 'Resolved - Policy Explained',
  resolved_adjustment_made: 'Resolved - Adjustment Made',
  resolved_escalated_to_management: 'Resolved - Escalated to Management',
  not_resolved_pending_customer_action: 'Not Resolved - Pending Customer Action',
  not_resolved_referred_to_other_department: 'Not Resolved - Referred to Other Department',
};

/** Case types of the lending story's criterion B; `complaint` is a formal complaint for SLA purposes. */
export const caseTypes = ['information_request', 'payment_issue', 'dispute', 'complaint'] as const;
export type CaseType = (typeof caseTypes)[number];

export const caseTypeLabels: Readonly<Record<CaseType, string>> = {
  information_request: 'Information Request',
  payment_issue: 'Payment Issue',
  dispute: 'Dispute',
  complaint: 'Complaint (formal)',
};

export const caseChannels = ['phone', 'email', 'portal', 'chat'] as const;
export type CaseChannel = (typeof caseChannels)[number];

export const customerSegments = ['standard', 'vip', 'institutional'] as const;
export type CustomerSegment = (typeof customerSegments)[number];

export const caseComplexities = ['simple', 'moderate', 'complex'] as const;
export type CaseComplexity = (typeof caseComplexities)[number];

/** Tells whether `value` is one of `list` (narrowing data that crossed a boundary). */
export function isOneOf<T extends string>(list: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (list as readonly string[]).includes(value);
}
