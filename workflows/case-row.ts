import type { CaseRowSnapshot } from '../activities/case-projection-types.js';
import { evaluateClocks, findNextClockDeadlineMs } from './case-clocks.js';
import { isComplianceBreached } from '../src/domain/complaint-case.js';
import type { CaseWorkflowState } from './case-workflow-types.js';

function deriveSlaState(state: CaseWorkflowState, nowMs: number): CaseRowSnapshot['slaState'] {
  const isBreached = state.breachedAtMs.firstResponse !== null || state.breachedAtMs.resolution !== null;
  const status = state.caseState.status;
  if (status === 'resolved' || status === 'closed') return state.breachedAtMs.resolution === null ? 'met' : 'missed';
  if (isBreached) return 'breached';
  if (status === 'pending_customer') return 'paused';
  const evaluations = evaluateClocks(state, nowMs);
  const isWarned = evaluations.firstResponse.warningsDue.length > 0 || evaluations.resolution.warningsDue.length > 0;
  return isWarned ? 'warning' : 'on_track';
}

/** The `cases` row as it stands after the latest event. */
export function buildCaseRow(state: CaseWorkflowState, nowMs: number): CaseRowSnapshot {
  const { input, caseState } = state;
  const evaluations = evaluateClocks(state, nowMs);
  const isOpen = caseState.status !== 'resolved' && caseState.status !== 'closed';
  return {
    caseId: input.caseId,
    caseNumber: input.caseNumber,
    workflowId: `case-${input.caseNumber}`,
    customerId: input.customerId,
    channel: input.channel,
    caseTypeCode: input.caseType,
    subject: input.subject,
    description: input.description,
    priority: caseState.priority,
    isUrgent: input.isUrgent,
    status: caseState.status,
    segment: input.segment,
    complexity: input.complexity,
    regionCode: input.regionCode,
    parentCaseId: input.parentCaseId ?? null,
    queueCode: caseState.queue,
    assigneeAgentId: caseState.assignee,
    escalationGroup: state.escalationGroup,
    escalatedAtMs: state.escalatedAtMs,
    resolutionCategoryCode: caseState.resolution?.category ?? null,
    resolutionNotes: caseState.resolution?.notes ?? null,
    slaPolicyVersion: state.casePolicy.policy.version,
    slaState: deriveSlaState(state, nowMs),
    responseDueAtMs: evaluations.firstResponse.dueAt,
    resolutionDueAtMs: evaluations.resolution.dueAt,
    nextDeadlineAtMs: isOpen ? findNextClockDeadlineMs(state, nowMs) : null,
    firstResponseAtMs: caseState.firstRespondedAt,
    resolvedAtMs: caseState.resolution?.resolvedAt ?? null,
    closedAtMs: state.closedAtMs,
    isResponseBreached: state.breachedAtMs.firstResponse !== null,
    isResolutionBreached: state.breachedAtMs.resolution !== null,
    complaintClassification: state.complaint.classification,
    isComplianceBreached: isComplianceBreached(state.complaint),
    firstResponseMs: state.firstResponseMs,
    timeToResolveMs: state.timeToResolveMs,
    reopenCount: caseState.reopenCount,
    csatScore: state.csat.answer?.score ?? null,
    csatIsResolved: state.csat.answer?.isResolved ?? null,
  };
}
