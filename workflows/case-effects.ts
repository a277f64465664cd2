import type { NotificationRecord, ProjectCaseEventInput } from '../activities/case-projection-types.js';
import type { CaseEffect, NotificationAudience } from '../src/domain/case-event.js';
import { applyClockEffect, evaluateClocks } from './case-clocks.js';
import type { CaseWorkflowState } from './case-workflow-types.js';

/** The manager group escalated cases go to ("Pending Manager Review", CRM use case B-1): the seeded escalation queue. */
export const managerGroup = 'manager_review';
export const supervisorGroup = 'supervisors';

/** The records an event writes besides the case row and its log entry. */
export type EventRecords = Pick<ProjectCaseEventInput, 'note' | 'notifications' | 'survey' | 'review'> & { payload: Record<string, unknown> };

function toNotification(state: CaseWorkflowState, audience: NotificationAudience, topic: string, recipient: string | undefined, payload: Record<string, unknown>): NotificationRecord | null {
  const base = { template: topic, payload: { caseNumber: state.input.caseNumber, ...payload } };
  switch (audience) {
    case 'assignee': {
      const to = recipient ?? state.caseState.assignee ?? state.caseState.queue;
      return to ? { ...base, channel: 'in_app', recipient: to } : null;
    }
    case 'manager_group':
      return { ...base, channel: 'in_app', recipient: managerGroup };
    case 'supervisor':
      return { ...base, channel: 'in_app', recipient: supervisorGroup };
    case 'customer':
      return { ...base, channel: 'email', recipient: state.input.customerId };
  }
}

/** A notification to the handler (or the queue when nobody holds the case). */
export function notifyHandler(state: CaseWorkflowState, topic: string, payload: Record<string, unknown>): NotificationRecord[] {
  const notification = toNotification(state, 'assignee', topic, undefined, payload);
  return notification ? [notification] : [];
}

/**
 * Runs a transition's effects against workflow state (clocks, log, CSAT schedule, facts) and
 * collects the records the projection writes. Mutates `state`; call with the post-transition state.
 */
export function applyEffects(state: CaseWorkflowState, effects: CaseEffect[], nowMs: number): EventRecords {
  const records: EventRecords = { payload: {}, notifications: [] };
  const { sendAfterMs, answerWindowMs } = state.casePolicy.policy.csat;
  for (const effect of effects) {
    switch (effect.type) {
      case 'notify': {
        const notification = toNotification(state, effect.audience, effect.topic, effect.recipient, { status: state.caseState.status });
        if (notification) records.notifications!.push(notification);
        break;
      }
      case 'recordNote':
        records.note = { visibility: effect.visibility === 'customer' ? 'customer_visible' : 'internal', kind: 'note', authorName: effect.author, body: effect.body };
        break;
      case 'logEscalation': {
        const entry = { atMs: nowMs, trigger: effect.trigger, reason: effect.reason, handler: effect.handler, ...(effect.clock ? { clock: effect.clock } : {}) };
        state.escalationLog.push(entry);
        records.payload.escalation = entry;
        const isRollback = effect.trigger === 'rollback';
        state.escalationGroup = isRollback ? null : managerGroup;
        state.escalatedAtMs = isRollback ? null : nowMs;
        break;
      }
      case 'recordResolution':
        // Reporting facts (criterion D): time to resolve and first response, in the policy's time.
        state.timeToResolveMs = evaluateClocks(state, nowMs).resolution.elapsedMs;
        records.payload.resolution = { category: effect.category, notes: effect.notes, timeToResolveMs: state.timeToResolveMs };
        state.closeAtMs = nowMs + sendAfterMs + answerWindowMs;
        break;
      case 'scheduleCsat':
        state.csat = { scheduledForMs: nowMs + sendAfterMs, sentAtMs: null, windowClosesAtMs: null, answer: null };
        records.survey = { status: 'scheduled', scheduledForMs: nowMs + sendAfterMs };
        break;
      case 'cancelCsat':
        state.csat = { ...state.csat, scheduledForMs: null };
        records.survey = { status: 'cancelled' };
        break;
      case 'recordCsat': {
        const answer = { score: effect.score, isResolved: effect.isResolved, comment: effect.comment, answeredAtMs: nowMs };
        state.csat = { ...state.csat, answer };
        records.survey = { status: 'answered', answer: { ...answer, comment: answer.comment === '' ? null : answer.comment } };
        records.payload.csat = answer;
        break;
      }
      case 'openSupervisorReview':
        records.review = { kind: 'low_csat', reason: effect.reason };
        break;
      case 'retargetClocks':
        applyClockEffect(state, effect, nowMs);
        records.payload.recalculated = { reason: effect.reason, dueAtMs: { firstResponse: evaluateClocks(state, nowMs).firstResponse.dueAt, resolution: evaluateClocks(state, nowMs).resolution.dueAt } };
        break;
      case 'stopClock':
        applyClockEffect(state, effect, nowMs);
        if (effect.clock === 'firstResponse') state.firstResponseMs = evaluateClocks(state, nowMs).firstResponse.elapsedMs;
        break;
      default:
        applyClockEffect(state, effect, nowMs);
    }
  }
  if (state.caseState.status !== 'resolved' && state.caseState.status !== 'closed') state.closeAtMs = null;
  if (state.firstResponseMs === null && state.caseState.firstRespondedAt !== null) {
    state.firstResponseMs = evaluateClocks(state, nowMs).firstResponse.elapsedMs;
  }
  return records;
}
