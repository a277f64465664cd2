import type { CasePolicy } from '../activities/case-policy.js';
import type { ClockSnapshot } from '../activities/case-projection-types.js';
import { complaintClassificationLabels, isResponseRequired, type ComplaintClassification, type ComplaintClassificationChange } from '../src/domain/complaint-classification.js';
import { evaluateComplaintClocks, type ComplaintClockView, type ComplaintClocksEvaluation } from '../src/domain/complaint-clock-evaluation.js';
import { listComplaintClockSnapshots } from '../src/domain/complaint-clock-snapshots.js';
import { createComplaintClockSettings, type ComplaintClockKind } from '../src/domain/complaint-clocks.js';
import { isComplianceBreached, startCaseComplaint, type CaseComplaint } from '../src/domain/complaint-case.js';
import type { CaseWorkflowInput, CaseWorkflowState } from './case-workflow-types.js';
import { memoizeLast } from './memoize-last.js';

/** The complaint side of the case as the query shows it. */
export interface ComplaintView {
  classification: ComplaintClassification;
  classificationLabel: string;
  /** Feedback needs no response (rule 3). */
  isResponseRequired: boolean;
  /** The four clocks of a formal complaint, with days left; empty for other classifications. */
  clocks: ComplaintClockView[];
  inProgressResponseAtMs: number | null;
  escalatedToComplianceAtMs: number | null;
  /** Set when the clocks were stopped by a reclassification out of formal complaint. */
  stopped: { atMs: number; reason: string } | null;
  isComplianceBreached: boolean;
  classificationLog: ComplaintClassificationChange[];
}

/** The complaint side of a new case; the clocks count from the case's creation (its receipt). */
export function startComplaintForCase(input: CaseWorkflowInput, casePolicy: CasePolicy, nowMs: number): CaseComplaint {
  const settings = createComplaintClockSettings(casePolicy.policy.complaint);
  return startCaseComplaint({ caseType: input.caseType, classification: input.complaintClassification ?? null, receivedAt: nowMs, settings });
}

/** The complaint clocks evaluated at an instant, reused for the same clocks, calendar and instant (see `evaluateClocks`). */
const evaluateComplaintClocksOnce = memoizeLast(evaluateComplaintClocks);

/** The complaint clocks evaluated in the case's region calendar, or null when the case never was a formal complaint. */
export function evaluateCaseComplaint(state: CaseWorkflowState, nowMs: number): ComplaintClocksEvaluation | null {
  const clocks = state.complaint.clocks;
  return clocks === null ? null : evaluateComplaintClocksOnce(clocks, state.casePolicy.calendar, nowMs);
}

/** The complaint clocks as case_clocks rows. */
export function snapshotComplaintClocks(state: CaseWorkflowState, nowMs: number): ClockSnapshot[] {
  const evaluation = evaluateCaseComplaint(state, nowMs);
  if (evaluation === null || state.complaint.clocks === null) return [];
  return listComplaintClockSnapshots(state.complaint.clocks, evaluation, nowMs);
}

/** The next warning, escalation or deadline of the complaint clocks, or null. */
export function findNextComplaintDeadlineMs(state: CaseWorkflowState, nowMs: number): number | null {
  return evaluateCaseComplaint(state, nowMs)?.nextDeadlineAt ?? null;
}

/** The due instant of one complaint clock, for letters and event payloads. */
export function readComplaintDueAtMs(evaluation: ComplaintClocksEvaluation, kind: ComplaintClockKind): number {
  const clock = evaluation.clocks.find((candidate) => candidate.kind === kind);
  if (!clock) throw new Error(`complaint clock ${kind} is missing from the evaluation`);
  return clock.dueAt;
}

/** Builds the query's complaint section; pure. */
export function buildComplaintView(state: CaseWorkflowState, nowMs: number): ComplaintView {
  const { complaint } = state;
  return {
    classification: complaint.classification,
    classificationLabel: complaintClassificationLabels[complaint.classification],
    isResponseRequired: isResponseRequired(complaint.classification),
    clocks: evaluateCaseComplaint(state, nowMs)?.clocks ?? [],
    inProgressResponseAtMs: complaint.clocks?.inProgressResponseAt ?? null,
    escalatedToComplianceAtMs: complaint.clocks?.escalatedAt ?? null,
    stopped: complaint.clocks?.stopped ? { atMs: complaint.clocks.stopped.at, reason: complaint.clocks.stopped.reason } : null,
    isComplianceBreached: isComplianceBreached(complaint),
    classificationLog: complaint.classificationLog,
  };
}
