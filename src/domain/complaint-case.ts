import type { CaseState } from './case-event.js';
import { classifyAtIntake, isWrittenResponseRequired, reclassifyComplaint, type ComplaintClassification, type ComplaintClassificationChange } from './complaint-classification.js';
import { applyComplaintClockEvent, isComplaintOpen, startComplaintClocks, type ComplaintClockSettings, type ComplaintClocksState } from './complaint-clocks.js';
import { refuse, type DomainResult } from './errors.js';
import { type EpochMs } from './zoned-time.js';

/** The escalation group formal complaints go to on business day 10 (the seeded `compliance` queue). */
export const complianceGroup = 'compliance';

/** The complaint side of a case: its classification and, while it is a formal complaint, its clocks. */
export interface CaseComplaint {
  classification: ComplaintClassification;
  /** Null until the case is (re)classified as a formal complaint; kept, stopped, when it leaves. */
  clocks: ComplaintClocksState | null;
  /** Every (re)classification, with its reason, oldest first. */
  classificationLog: ComplaintClassificationChange[];
}

/**
 * The complaint side of a new case: the classification intake chose (else the case type's), and
 * for a formal complaint the four clocks running from the receipt.
 */
export function startCaseComplaint(input: {
  caseType: string;
  classification?: ComplaintClassification | null;
  receivedAt: EpochMs;
  settings: ComplaintClockSettings;
}): CaseComplaint {
  const classification = classifyAtIntake(input);
  const clocks = classification === 'formal_complaint' ? startComplaintClocks({ receivedAt: input.receivedAt, settings: input.settings }) : null;
  return { classification, clocks, classificationLog: [] };
}

/** Tells whether the complaint clocks run: a formal complaint not yet answered in full nor reclassified. */
export function isComplaintRunning(complaint: CaseComplaint): boolean {
  return complaint.clocks !== null && isComplaintOpen(complaint.clocks);
}

/**
 * Reclassifies a case on review (reason required). Into a formal complaint the clocks start again
 * from the receipt; what was already recorded on earlier clocks (warnings, escalation, breaches,
 * responses) is kept, so nothing is announced twice and no breach disappears. Out of it the clocks
 * stop with the reason.
 */
export function reclassifyCaseComplaint(
  complaint: CaseComplaint,
  input: { to: ComplaintClassification; reason: string; at: EpochMs; receivedAt: EpochMs; settings: ComplaintClockSettings },
): DomainResult<{ complaint: CaseComplaint; change: ComplaintClassificationChange }> {
  const result = reclassifyComplaint({ from: complaint.classification, to: input.to, reason: input.reason, at: input.at, receivedAt: input.receivedAt });
  if (!result.ok) return result;
  const { change } = result;
  let clocks = complaint.clocks;
  if (change.clockAction === 'start') {
    const fresh = startComplaintClocks({ receivedAt: input.receivedAt, startedAt: input.at, settings: complaint.clocks?.settings ?? input.settings });
    const kept = complaint.clocks
      ? { inProgressResponseAt: complaint.clocks.inProgressResponseAt, escalatedAt: complaint.clocks.escalatedAt, warningsSent: complaint.clocks.warningsSent, breachesRecorded: complaint.clocks.breachesRecorded }
      : {};
    clocks = { ...fresh, ...kept };
  }
  if (change.clockAction === 'stop' && clocks !== null && clocks.stopped === null) {
    const stopped = applyComplaintClockEvent(clocks, { type: 'reclassified_out', at: input.at, reason: change.reason });
    if (!stopped.ok) return stopped;
    clocks = stopped.state;
  }
  const next = { classification: change.to, clocks, classificationLog: [...complaint.classificationLog, change] };
  return { ok: true, complaint: next, change };
}

/**
 * Records the "in progress" response of a formal complaint: it satisfies the regulator's 15-day
 * clock and nothing else. Refused for a case that is not a running formal complaint.
 */
export function sendInProgressResponse(complaint: CaseComplaint, at: EpochMs): DomainResult<{ complaint: CaseComplaint }> {
  if (complaint.clocks === null) return refuse('invalid_transition', 'only a formal complaint gets an in-progress response', { classification: complaint.classification });
  const result = applyComplaintClockEvent(complaint.clocks, { type: 'in_progress_response_sent', at });
  return result.ok ? { ok: true, complaint: { ...complaint, clocks: result.state } } : result;
}

/**
 * The resolution of a case as the final response of its complaint: the clocks stop, and the
 * response letter is due when the classification needs a written answer (rule 5). Feedback and
 * inquiries leave the clocks untouched and get no letter.
 */
export function resolveCaseComplaint(complaint: CaseComplaint, at: EpochMs): { complaint: CaseComplaint; isResponseLetterDue: boolean } {
  if (!isComplaintRunning(complaint) || complaint.clocks === null) return { complaint, isResponseLetterDue: false };
  const result = applyComplaintClockEvent(complaint.clocks, { type: 'final_response_sent', at });
  const clocks = result.ok ? result.state : complaint.clocks;
  return { complaint: { ...complaint, clocks }, isResponseLetterDue: isWrittenResponseRequired(complaint.classification) };
}

/**
 * The case state after the day-10 compliance escalation: an open case becomes `escalated` (an
 * escalated one stays so, only its group changes to compliance); `shouldResumeClocks` when it
 * was waiting on the customer, as a manual escalation does.
 */
export function escalateCaseToCompliance(caseState: CaseState): { caseState: CaseState; shouldResumeClocks: boolean } {
  if (caseState.status === 'escalated' || caseState.status === 'resolved' || caseState.status === 'closed') return { caseState, shouldResumeClocks: false };
  return {
    caseState: { ...caseState, status: 'escalated', statusBeforeEscalation: caseState.status },
    shouldResumeClocks: caseState.status === 'pending_customer',
  };
}

/** Tells whether any complaint deadline was missed: the case's compliance-breach flag. */
export function isComplianceBreached(complaint: CaseComplaint): boolean {
  return (complaint.clocks?.breachesRecorded.length ?? 0) > 0;
}
