import { caseStatusLabels, type CasePriority, type CaseStatus } from '../src/domain/case-vocabulary.js';
import type { CsatStatus } from '../src/domain/case-event.js';
import type { SlaClockKind } from '../src/domain/sla-clock.js';
import { buildComplaintView, type ComplaintView } from './case-complaint-clocks.js';
import { evaluateClocks } from './case-clocks.js';
import type { CsatSchedule, CaseWorkflowState, EscalationLogEntry } from './case-workflow-types.js';

/** One SLA clock as the query shows it, measured at the query's workflow time. */
export interface SlaClockView {
  targetMs: number;
  elapsedMs: number;
  remainingMs: number;
  dueAtMs: number | null;
  isPaused: boolean;
  isStopped: boolean;
  isBreached: boolean;
  breachedAtMs: number | null;
  warningsSent: number[];
}

/** The live state of one case (the `caseState` query). */
export interface CaseView {
  caseId: string;
  caseNumber: number;
  status: CaseStatus;
  statusLabel: string;
  priority: CasePriority;
  queue: string | null;
  assignee: string | null;
  escalationGroup: string | null;
  policy: { policyId: string; version: number; policyVersionId: string | null };
  clocks: Record<SlaClockKind, SlaClockView>;
  escalationLog: EscalationLogEntry[];
  resolution: { category: string; notes: string; resolvedAtMs: number } | null;
  firstResponseMs: number | null;
  timeToResolveMs: number | null;
  reopenCount: number;
  csatStatus: CsatStatus;
  csat: CsatSchedule;
  closeAtMs: number | null;
  lastSequence: number;
  lastRejection: CaseWorkflowState['lastRejection'];
  /** Classification and, for a formal complaint, its four clocks. */
  complaint: ComplaintView;
  nowMs: number;
}

/** Builds the query answer; pure, so a query never changes the workflow. */
export function buildCaseView(state: CaseWorkflowState, nowMs: number): CaseView {
  const evaluations = evaluateClocks(state, nowMs);
  const clockView = (kind: SlaClockKind): SlaClockView => {
    const evaluation = evaluations[kind];
    return {
      targetMs: evaluation.targetMs,
      elapsedMs: evaluation.elapsedMs,
      remainingMs: evaluation.remainingMs,
      dueAtMs: evaluation.dueAt,
      isPaused: evaluation.isPaused,
      isStopped: evaluation.state === 'stopped',
      isBreached: evaluation.isBreached,
      breachedAtMs: state.breachedAtMs[kind],
      warningsSent: state.warningsSent
        .filter((key) => key.startsWith(`${kind}:${evaluation.revision}:`))
        .map((key) => Number(key.split(':')[2])),
    };
  };
  const { caseState } = state;
  return {
    caseId: state.input.caseId,
    caseNumber: state.input.caseNumber,
    status: caseState.status,
    statusLabel: caseStatusLabels[caseState.status],
    priority: caseState.priority,
    queue: caseState.queue,
    assignee: caseState.assignee,
    escalationGroup: state.escalationGroup,
    policy: { policyId: state.casePolicy.policy.policyId, version: state.casePolicy.policy.version, policyVersionId: state.casePolicy.policyVersionId },
    clocks: { firstResponse: clockView('firstResponse'), resolution: clockView('resolution') },
    escalationLog: state.escalationLog,
    resolution: caseState.resolution
      ? { category: caseState.resolution.category, notes: caseState.resolution.notes, resolvedAtMs: caseState.resolution.resolvedAt }
      : null,
    firstResponseMs: state.firstResponseMs,
    timeToResolveMs: state.timeToResolveMs,
    reopenCount: caseState.reopenCount,
    csatStatus: caseState.csat,
    csat: state.csat,
    closeAtMs: state.closeAtMs,
    lastSequence: state.sequence,
    lastRejection: state.lastRejection,
    complaint: buildComplaintView(state, nowMs),
    nowMs,
  };
}
