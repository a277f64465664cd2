import { proxyActivities, type ActivityOptions } from '@temporalio/workflow';
import type { CaseActivities } from '../activities/index.js';
import type { ComplaintLetterKind } from '../activities/letters/letter-templates.js';
import type { CaseEvent } from '../src/domain/case-event.js';
import { transition } from '../src/domain/case-state.js';
import {
  complianceGroup,
  escalateCaseToCompliance,
  reclassifyCaseComplaint,
  resolveCaseComplaint,
  sendInProgressResponse,
} from '../src/domain/complaint-case.js';
import { applyComplaintClockEvent, createComplaintClockSettings, type ComplaintClockEvent } from '../src/domain/complaint-clocks.js';
import type { DomainError } from '../src/domain/errors.js';
import { applyClockEffect } from './case-clocks.js';
import { notifyHandler } from './case-effects.js';
import { evaluateCaseComplaint, readComplaintDueAtMs } from './case-complaint-clocks.js';
import { handleCaseEvent, recordEvent } from './case-loop.js';
import type { CaseWorkflowState, InboxItem } from './case-workflow-types.js';

// Rendering a PDF and one transaction; idempotent by (case, sequence), so retried until it lands.
const letterOptions: ActivityOptions = { startToCloseTimeout: '1 minute', retry: { initialInterval: '1 second', maximumInterval: '1 minute' } };
const { sendComplaintLetter } = proxyActivities<CaseActivities>(letterOptions);

const complianceNotification = (state: CaseWorkflowState, template: string, payload: Record<string, unknown>) =>
  ({ template, channel: 'in_app', recipient: complianceGroup, payload: { caseNumber: state.input.caseNumber, ...payload } }) as const;

/** Applies a clock event the workflow itself decided; a refusal here is a bug, not a user error. */
function applyClockEvent(state: CaseWorkflowState, event: ComplaintClockEvent): void {
  if (state.complaint.clocks === null) throw new Error(`case ${state.input.caseNumber} has no complaint clocks for ${event.type}`);
  const result = applyComplaintClockEvent(state.complaint.clocks, event);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  state.complaint = { ...state.complaint, clocks: result.state };
}

/** Sends a complaint letter under the next event number (the activity writes its `letter_sent` event). */
async function sendLetter(state: CaseWorkflowState, nowMs: number, kind: ComplaintLetterKind, actor: string): Promise<void> {
  const evaluation = evaluateCaseComplaint(state, nowMs);
  if (evaluation === null) return;
  const sequence = state.sequence + 1;
  const resolution = state.caseState.resolution;
  await sendComplaintLetter.executeWithOptions({ ...letterOptions, summary: `#${sequence} ${kind.replaceAll('_', ' ')} letter` }, [
    {
      caseId: state.input.caseId,
      sequence,
      kind,
      occurredAtMs: nowMs,
      actor,
      deadlines: {
        resolutionDueAtMs: readComplaintDueAtMs(evaluation, 'complaint_resolution'),
        regulatorResponseDueAtMs: readComplaintDueAtMs(evaluation, 'regulator_response'),
        regulatorFinalResponseDueAtMs: readComplaintDueAtMs(evaluation, 'regulator_final_response'),
      },
      ...(kind === 'response' && resolution ? { resolution: { categoryCode: resolution.category, notes: resolution.notes } } : {}),
    },
  ]);
  state.sequence = sequence;
}

/** At intake: a formal complaint is acknowledged in writing (its clocks already run from the case's creation). */
export async function registerComplaint(state: CaseWorkflowState, nowMs: number): Promise<void> {
  if (state.complaint.clocks !== null) await sendLetter(state, nowMs, 'acknowledgement', 'system');
}

/** Whether `handleDueComplaintTimers` has anything to do at `nowMs`. */
export function isAnyComplaintTimerDue(state: CaseWorkflowState, nowMs: number): boolean {
  const evaluation = evaluateCaseComplaint(state, nowMs);
  return evaluation !== null && (evaluation.warningsDue.length > 0 || evaluation.escalationDue !== null || evaluation.breachesDue.length > 0);
}

/** Warnings, the day-10 compliance escalation and missed deadlines of the complaint clocks due at `nowMs`. */
export async function handleDueComplaintTimers(state: CaseWorkflowState, nowMs: number): Promise<void> {
  const evaluation = evaluateCaseComplaint(state, nowMs);
  if (evaluation === null) return;
  for (const warning of evaluation.warningsDue) {
    applyClockEvent(state, { type: 'warning_sent', clock: warning.clock, at: nowMs });
    const payload = { clock: warning.clock, dueAtMs: warning.dueAt };
    const notifications = [...notifyHandler(state, 'complaint_deadline_warning', payload), complianceNotification(state, 'complaint_deadline_warning', payload)];
    await recordEvent(state, nowMs, 'complaint_deadline_warning', 'timer', { payload, notifications });
  }
  if (evaluation.escalationDue) await escalateToCompliance(state, nowMs, evaluation.escalationDue.dueAt);
  for (const breach of evaluation.breachesDue) {
    applyClockEvent(state, { type: 'breach_recorded', clock: breach.clock, at: nowMs });
    const payload = { clock: breach.clock, dueAtMs: breach.dueAt };
    const notifications = [...notifyHandler(state, 'compliance_breach', payload), complianceNotification(state, 'compliance_breach', payload)];
    await recordEvent(state, nowMs, 'compliance_breach', 'timer', { payload, notifications });
  }
}

/** Business day 10 and still unresolved: the case goes to the compliance group, once. */
async function escalateToCompliance(state: CaseWorkflowState, nowMs: number, dueAtMs: number): Promise<void> {
  applyClockEvent(state, { type: 'escalated_to_compliance', at: nowMs });
  const escalated = escalateCaseToCompliance(state.caseState);
  state.caseState = escalated.caseState;
  if (escalated.shouldResumeClocks) applyClockEffect(state, { type: 'resumeClocks' }, nowMs);
  const reason = `formal complaint unresolved on business day ${state.complaint.clocks?.settings.complianceEscalationBusinessDay ?? 10}`;
  const entry = { atMs: nowMs, trigger: 'compliance_deadline' as const, reason, handler: state.caseState.assignee };
  state.escalationLog.push(entry);
  state.escalationGroup = complianceGroup;
  state.escalatedAtMs = nowMs;
  const payload = { escalation: entry, group: complianceGroup, dueAtMs };
  const notifications = [...notifyHandler(state, 'complaint_escalated', payload), complianceNotification(state, 'complaint_escalated', payload)];
  await recordEvent(state, nowMs, 'escalated_to_compliance', 'timer', { payload, notifications });
}

async function rejectCommand(state: CaseWorkflowState, nowMs: number, eventType: string, actor: string, command: object, error: DomainError): Promise<void> {
  state.lastRejection = { sequence: state.sequence + 1, eventType, code: error.code, message: error.message };
  await recordEvent(state, nowMs, 'signal_rejected', actor, { payload: { event: { type: eventType, ...command }, error } });
}

/** The complaint signals: an "in progress" response, and a reclassification (reason required). */
export async function handleComplaintCommand(state: CaseWorkflowState, item: Extract<InboxItem, { kind: 'inProgressResponse' | 'reclassify' }>): Promise<void> {
  const { atMs: nowMs } = item;
  const { actorId, ...command } = item.command;
  if (item.kind === 'inProgressResponse') {
    const result = sendInProgressResponse(state.complaint, nowMs);
    if (!result.ok) return rejectCommand(state, nowMs, 'sendInProgressResponse', actorId, command, result.error);
    state.complaint = result.complaint;
    await recordEvent(state, nowMs, 'in_progress_response_sent', actorId, { payload: { notes: item.command.notes ?? null } });
    await sendLetter(state, nowMs, 'interim_response', actorId);
    return;
  }
  const settings = createComplaintClockSettings(state.casePolicy.policy.complaint);
  const result = reclassifyCaseComplaint(state.complaint, { to: item.command.classification, reason: item.command.reason, at: nowMs, receivedAt: state.createdAtMs, settings });
  if (!result.ok) return rejectCommand(state, nowMs, 'reclassify', actorId, command, result.error);
  const isFirstAcknowledgement = result.change.clockAction === 'start' && state.complaint.clocks === null;
  state.complaint = result.complaint;
  await recordEvent(state, nowMs, 'complaint_reclassified', actorId, { payload: { ...result.change } });
  if (isFirstAcknowledgement) await sendLetter(state, nowMs, 'acknowledgement', actorId);
}

/**
 * Runs a domain event; a resolution of a formal complaint is its final response: the clocks stop
 * with the `resolved` event (so its projection shows them stopped) and the response letter follows.
 */
export async function handleCaseEventWithComplaint(state: CaseWorkflowState, event: CaseEvent): Promise<void> {
  const isResolution = event.type === 'resolve' && transition(state.caseState, event, state.casePolicy.policy).ok;
  const resolved = isResolution ? resolveCaseComplaint(state.complaint, event.at) : null;
  const before = state.complaint;
  if (resolved) state.complaint = resolved.complaint;
  const sequence = state.sequence;
  await handleCaseEvent(state, event);
  const isApplied = state.lastRejection?.sequence !== sequence + 1;
  if (!isApplied) state.complaint = before;
  else if (resolved?.isResponseLetterDue) await sendLetter(state, event.at, 'response', event.actor);
}
