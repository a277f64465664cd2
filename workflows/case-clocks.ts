import {
  evaluateClock,
  pauseClock,
  resumeClock,
  retargetClock,
  slaClockKinds,
  startClock,
  stopClock,
  type ClockEvaluation,
  type SlaClock,
  type SlaClockKind,
} from '../src/domain/sla-clock.js';
import { resolveSlaTargets, type ResolvedSlaTargets } from '../src/domain/sla-policy.js';
import type { CaseEffect } from '../src/domain/case-event.js';
import type { ClockSnapshot } from '../activities/case-projection-types.js';
import { findNextComplaintDeadlineMs, snapshotComplaintClocks } from './case-complaint-clocks.js';
import type { CaseWorkflowState } from './case-workflow-types.js';
import { memoizeLast } from './memoize-last.js';

/** A warning or breach instant reached by a clock, which the loop turns into an event. */
export type DueClockEvent = { kind: 'warning'; clock: SlaClockKind; threshold: number; revision: number } | { kind: 'breach'; clock: SlaClockKind };

/** Resolves both targets for the case's current priority under its policy; a policy without a match is a bug in data. */
export function resolveTargets(state: Pick<CaseWorkflowState, 'input' | 'casePolicy'>, priority = state.input.priority): ResolvedSlaTargets {
  const resolved = resolveSlaTargets(state.casePolicy.policy, {
    caseType: state.input.caseType,
    priority,
    segment: state.input.segment,
    isUrgent: state.input.isUrgent,
  });
  if (!resolved.ok) throw new Error(`${resolved.error.code}: ${resolved.error.message}`);
  return resolved;
}

/** Starts both clocks at case creation. */
export function startClocks(targets: ResolvedSlaTargets, nowMs: number): Record<SlaClockKind, SlaClock> {
  return { firstResponse: startClock(targets.targets.firstResponse, nowMs), resolution: startClock(targets.targets.resolution, nowMs) };
}

/**
 * Both SLA clocks evaluated at an instant in a calendar. One event reads the clocks for its row, its
 * snapshot, its next deadline and the loop's due check, all at the same instant; clocks are
 * replaced, never mutated, so the same objects mean the same answer.
 */
const evaluateBothClocks = memoizeLast(
  (firstResponse: SlaClock, resolution: SlaClock, calendar: CaseWorkflowState['casePolicy']['calendar'], nowMs: number): Record<SlaClockKind, ClockEvaluation> => ({
    firstResponse: evaluateClock(firstResponse, calendar, nowMs),
    resolution: evaluateClock(resolution, calendar, nowMs),
  }),
);

/** Both SLA clocks evaluated at `nowMs` in the case's calendar. */
export function evaluateClocks(state: CaseWorkflowState, nowMs: number): Record<SlaClockKind, ClockEvaluation> {
  return evaluateBothClocks(state.clocks.firstResponse, state.clocks.resolution, state.casePolicy.calendar, nowMs);
}

/**
 * Marks the thresholds a fresh target has already passed as warned, so a re-target (priority,
 * policy, escalation) does not repeat warnings for time that was already announced.
 */
function markPassedWarnings(state: CaseWorkflowState, nowMs: number): void {
  for (const [kind, evaluation] of Object.entries(evaluateClocks(state, nowMs)) as [SlaClockKind, ClockEvaluation][]) {
    for (const threshold of evaluation.warningsDue) {
      const key = `${kind}:${evaluation.revision}:${threshold}`;
      if (!state.warningsSent.includes(key)) state.warningsSent.push(key);
    }
  }
}

/** Points both clocks at the targets of the case's current priority and policy, keeping elapsed time. */
export function retargetClocks(state: CaseWorkflowState, nowMs: number): ResolvedSlaTargets {
  const targets = resolveTargets(state, state.caseState.priority);
  for (const kind of slaClockKinds) state.clocks[kind] = retargetClock(state.clocks[kind], targets.targets[kind], nowMs);
  markPassedWarnings(state, nowMs);
  return targets;
}

/** Runs the clock effects of a transition against the workflow's clocks (mutates `state.clocks`). */
export function applyClockEffect(state: CaseWorkflowState, effect: CaseEffect, nowMs: number): void {
  const each = (change: (clock: SlaClock) => SlaClock) => {
    for (const kind of slaClockKinds) state.clocks[kind] = change(state.clocks[kind]);
  };
  switch (effect.type) {
    case 'pauseClocks':
      return each((clock) => pauseClock(clock, nowMs));
    case 'resumeClocks':
      return each((clock) => (clock.state === 'paused' ? resumeClock(clock, nowMs) : clock));
    case 'stopClock':
      state.clocks[effect.clock] = stopClock(state.clocks[effect.clock], nowMs);
      return;
    case 'stopClocks':
      return each((clock) => stopClock(clock, nowMs));
    case 'reopenClock':
      state.clocks[effect.clock] = resumeClock(state.clocks[effect.clock], nowMs);
      return;
    case 'retargetClocks':
      retargetClocks(state, nowMs);
      return;
    default:
      return;
  }
}

/** Warnings and breaches that are due at `nowMs` and not yet recorded, in time order. */
export function findDueClockEvents(state: CaseWorkflowState, nowMs: number): DueClockEvent[] {
  const due: DueClockEvent[] = [];
  for (const [kind, evaluation] of Object.entries(evaluateClocks(state, nowMs)) as [SlaClockKind, ClockEvaluation][]) {
    // A paused clock cannot breach: a re-target while pending customer takes effect on resume.
    if (evaluation.state !== 'running') continue;
    for (const threshold of evaluation.warningsDue) {
      if (!state.warningsSent.includes(`${kind}:${evaluation.revision}:${threshold}`)) due.push({ kind: 'warning', clock: kind, threshold, revision: evaluation.revision });
    }
    if (evaluation.isBreached && state.breachedAtMs[kind] === null) due.push({ kind: 'breach', clock: kind });
  }
  return due;
}

/** The next instant a clock (SLA or complaint) needs the workflow awake, or null when no clock is running. */
export function findNextClockDeadlineMs(state: CaseWorkflowState, nowMs: number): number | null {
  const instants = [...Object.values(evaluateClocks(state, nowMs)).map((evaluation) => evaluation.nextDeadlineAt), findNextComplaintDeadlineMs(state, nowMs)]
    .filter((at): at is number => at !== null);
  return instants.length === 0 ? null : Math.min(...instants);
}

const snapshotKinds: Record<SlaClockKind, ClockSnapshot['kind']> = { firstResponse: 'first_response', resolution: 'resolution' };

/** The clocks as rows of `case_clocks`: both SLA clocks, then a formal complaint's four. */
export function snapshotClocks(state: CaseWorkflowState, nowMs: number): ClockSnapshot[] {
  const evaluations = evaluateClocks(state, nowMs);
  const slaSnapshots = slaClockKinds.map((kind): ClockSnapshot => {
    const clock = state.clocks[kind];
    const evaluation = evaluations[kind];
    return {
      kind: snapshotKinds[kind],
      targetMs: evaluation.targetMs,
      startedAtMs: clock.startedAt,
      dueAtMs: evaluation.dueAt,
      elapsedMs: evaluation.elapsedMs,
      pausedAtMs: clock.state === 'paused' ? clock.lastChangedAt : null,
      stoppedAtMs: clock.state === 'stopped' ? clock.lastChangedAt : null,
      breachedAtMs: state.breachedAtMs[kind],
      warningsSent: state.warningsSent.filter((key) => key.startsWith(`${kind}:${clock.revision}:`)).map((key) => key.split(':')[2] ?? ''),
    };
  });
  return [...slaSnapshots, ...snapshotComplaintClocks(state, nowMs)];
}
