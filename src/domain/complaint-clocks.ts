import { refuse, type DomainResult } from './errors.js';
import { type SlaPolicy } from './sla-policy.js';
import { type EpochMs } from './zoned-time.js';

/**
 * The four clocks of a formal complaint (criterion C, business rule 1, CFPB): the operational
 * day-10 compliance escalation and day-15 resolution in business days of the case's region
 * calendar, and the regulator's 15-day response and 60-day final response in calendar days.
 * Names match the `case_clock_kind` values of the case_clocks table.
 */
export const complaintClockKinds = ['complaint_compliance_escalation', 'complaint_resolution', 'regulator_response', 'regulator_final_response'] as const;
export type ComplaintClockKind = (typeof complaintClockKinds)[number];

/** The clocks whose lapse is a compliance breach; the escalation clock's lapse is an escalation instead. */
export const complaintDeadlineKinds = ['complaint_resolution', 'regulator_response', 'regulator_final_response'] as const satisfies readonly ComplaintClockKind[];
export type ComplaintDeadlineKind = (typeof complaintDeadlineKinds)[number];

/** Day counts of the clocks and how early each warns. Frozen into the state when the clocks start. */
export interface ComplaintClockSettings {
  complianceEscalationBusinessDay: number;
  resolutionBusinessDays: number;
  regulatorResponseCalendarDays: number;
  regulatorFinalResponseCalendarDays: number;
  warningLeadBusinessDays: number;
  warningLeadCalendarDays: number;
}

/**
 * The CFPB's company response expectations: a response (which may say the work is in progress)
 * within 15 calendar days and a final response within 60. Law, not policy, so not in the SLA
 * policy; our choice for the warnings: 2 business days / 3 calendar days ahead.
 */
export const regulatorDefaults = {
  regulatorResponseCalendarDays: 15,
  regulatorFinalResponseCalendarDays: 60,
  warningLeadBusinessDays: 2,
  warningLeadCalendarDays: 3,
} as const;

/** The clock settings for a case: the SLA policy's operational days plus the regulator's. */
export function createComplaintClockSettings(complaint: SlaPolicy['complaint']): ComplaintClockSettings {
  return { ...regulatorDefaults, ...complaint };
}

/** The complaint clocks of one case as plain JSON (instants in epoch ms), kept in the workflow state. */
export interface ComplaintClocksState {
  settings: ComplaintClockSettings;
  /** Day 0 of every clock: when the company received the complaint. */
  receivedAt: EpochMs;
  /** When the clocks were started (registration, or a reclassification into formal complaint). */
  startedAt: EpochMs;
  inProgressResponseAt: EpochMs | null;
  finalResponseAt: EpochMs | null;
  escalatedAt: EpochMs | null;
  stopped: { at: EpochMs; reason: string } | null;
  warningsSent: ComplaintClockKind[];
  breachesRecorded: ComplaintDeadlineKind[];
}

/** What happens to a complaint, in the order the workflow learns it. */
export type ComplaintClockEvent =
  | { type: 'in_progress_response_sent'; at: EpochMs }
  | { type: 'final_response_sent'; at: EpochMs }
  | { type: 'reclassified_out'; at: EpochMs; reason: string }
  | { type: 'escalated_to_compliance'; at: EpochMs }
  | { type: 'warning_sent'; clock: ComplaintClockKind; at: EpochMs }
  | { type: 'breach_recorded'; clock: ComplaintDeadlineKind; at: EpochMs };

/**
 * Starts the four clocks of a formal complaint. `receivedAt` is day 0 (the day of receipt, whatever
 * its hour); `startedAt` defaults to it and is later when a case is reclassified into a complaint.
 */
export function startComplaintClocks(input: { receivedAt: EpochMs; startedAt?: EpochMs; settings: ComplaintClockSettings }): ComplaintClocksState {
  return {
    settings: input.settings,
    receivedAt: input.receivedAt,
    startedAt: input.startedAt ?? input.receivedAt,
    inProgressResponseAt: null,
    finalResponseAt: null,
    escalatedAt: null,
    stopped: null,
    warningsSent: [],
    breachesRecorded: [],
  };
}

/** Tells whether the clocks still run: not stopped by a reclassification and no final response yet. */
export function isComplaintOpen(state: ComplaintClocksState): boolean {
  return state.stopped === null && state.finalResponseAt === null;
}

/**
 * Applies one event to the clocks. An in-progress response satisfies only the regulator's 15-day
 * clock; the final response (resolution) satisfies all four; reclassification out stops the
 * running ones with its reason. Events that cannot apply are refused, never dropped: a response
 * after the final one or after a stop, a second escalation, a warning or breach recorded twice.
 */
export function applyComplaintClockEvent(state: ComplaintClocksState, event: ComplaintClockEvent): DomainResult<{ state: ComplaintClocksState }> {
  const isOpen = isComplaintOpen(state);
  switch (event.type) {
    case 'in_progress_response_sent':
      if (!isOpen) return refuse('invalid_transition', 'the complaint is no longer open', { event: event.type });
      if (state.inProgressResponseAt !== null) return refuse('no_change', 'an in-progress response was already sent', { event: event.type });
      return { ok: true, state: { ...state, inProgressResponseAt: event.at } };
    case 'final_response_sent':
      if (!isOpen) return refuse('invalid_transition', 'the complaint is no longer open', { event: event.type });
      return { ok: true, state: { ...state, finalResponseAt: event.at } };
    case 'reclassified_out':
      if (state.stopped !== null) return refuse('no_change', 'the complaint clocks are already stopped', { event: event.type });
      if (event.reason.trim().length === 0) return refuse('reason_required', 'stopping complaint clocks needs a reason', { field: 'reason' });
      return { ok: true, state: { ...state, stopped: { at: event.at, reason: event.reason.trim() } } };
    case 'escalated_to_compliance':
      if (state.escalatedAt !== null) return refuse('no_change', 'the complaint was already escalated to compliance', { event: event.type });
      if (!isOpen) return refuse('invalid_transition', 'the complaint is no longer open', { event: event.type });
      return { ok: true, state: { ...state, escalatedAt: event.at } };
    case 'warning_sent':
      if (state.warningsSent.includes(event.clock)) return refuse('no_change', `a ${event.clock} warning was already sent`, { clock: event.clock });
      return { ok: true, state: { ...state, warningsSent: [...state.warningsSent, event.clock] } };
    case 'breach_recorded':
      if (state.breachesRecorded.includes(event.clock)) return refuse('no_change', `a ${event.clock} breach was already recorded`, { clock: event.clock });
      return { ok: true, state: { ...state, breachesRecorded: [...state.breachesRecorded, event.clock] } };
  }
}
