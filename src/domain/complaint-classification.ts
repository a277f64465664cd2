import { refuse, type DomainResult } from './errors.js';
import { type EpochMs } from './zoned-time.js';

/** Lending story, business rule 3: how a customer's statement is classified, at intake and on review. */
export const complaintClassifications = ['formal_complaint', 'inquiry', 'feedback'] as const;
export type ComplaintClassification = (typeof complaintClassifications)[number];

export const complaintClassificationLabels: Readonly<Record<ComplaintClassification, string>> = {
  formal_complaint: 'Formal Complaint',
  inquiry: 'Inquiry',
  feedback: 'Feedback',
};

/** What a (re)classification does to the complaint clocks. */
export type ComplaintClockAction = 'start' | 'stop' | 'none';

/** The outcome of a (re)classification, as plain data for the case state and its event log. */
export interface ComplaintClassificationChange {
  from: ComplaintClassification | null;
  to: ComplaintClassification;
  reason: string;
  at: EpochMs;
  clockAction: ComplaintClockAction;
  /** Day 0 of the clocks when they start: the case's receipt, not the moment of reclassification. */
  clocksCountFromAt: EpochMs | null;
}

/** Tells whether the classification owes the customer a response (feedback does not, rule 3). */
export function isResponseRequired(classification: ComplaintClassification): boolean {
  return classification !== 'feedback';
}

/**
 * Tells whether the response must go out in writing whatever the customer's channel preference
 * (rule 5: complaints require a written response), i.e. as a letter.
 */
export function isWrittenResponseRequired(classification: ComplaintClassification): boolean {
  return classification === 'formal_complaint';
}

/**
 * The classification a new case starts with: the one the handler chose, else a formal complaint for
 * the `complaint` case type (criterion C: a formal complaint "is received" as such) and an inquiry
 * for everything else.
 */
export function classifyAtIntake(input: { caseType: string; classification?: ComplaintClassification | null }): ComplaintClassification {
  if (input.classification) return input.classification;
  return input.caseType === 'complaint' ? 'formal_complaint' : 'inquiry';
}

/**
 * Reclassifies a case on review. Moving into `formal_complaint` starts the complaint clocks counted
 * from the case's receipt (a regulator counts from when the company received the complaint, so a
 * late reclassification cannot buy time); moving out stops them. A reason is required and goes to
 * the log; reclassifying to the current value is refused rather than ignored.
 */
export function reclassifyComplaint(input: {
  from: ComplaintClassification | null;
  to: ComplaintClassification;
  reason: string;
  at: EpochMs;
  receivedAt: EpochMs;
}): DomainResult<{ change: ComplaintClassificationChange }> {
  const reason = input.reason.trim();
  if (reason.length === 0) return refuse('reason_required', 'a reclassification needs a reason', { field: 'reason' });
  if (input.from === input.to) return refuse('no_change', `the case is already classified as ${input.to}`, { classification: input.to });
  const isComplaintBefore = input.from === 'formal_complaint';
  const isComplaintAfter = input.to === 'formal_complaint';
  const clockAction: ComplaintClockAction = isComplaintAfter ? 'start' : isComplaintBefore ? 'stop' : 'none';
  return {
    ok: true,
    change: {
      from: input.from,
      to: input.to,
      reason,
      at: input.at,
      clockAction,
      clocksCountFromAt: clockAction === 'start' ? input.receivedAt : null,
    },
  };
}
