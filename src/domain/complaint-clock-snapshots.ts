import { type ComplaintClocksEvaluation } from './complaint-clock-evaluation.js';
import { type ComplaintClockKind, type ComplaintClocksState } from './complaint-clocks.js';
import { type EpochMs } from './zoned-time.js';

/** One complaint clock in the shape of a case_clocks row (the projection's `ClockSnapshot`). */
export interface ComplaintClockSnapshot {
  kind: ComplaintClockKind;
  /** From day 0 (receipt) to the deadline, in elapsed ms. */
  targetMs: number;
  startedAtMs: EpochMs;
  dueAtMs: EpochMs;
  elapsedMs: number;
  pausedAtMs: null;
  /** When the clock stopped counting: satisfied, escalated (day-10 clock) or reclassified out. */
  stoppedAtMs: EpochMs | null;
  /** The deadline instant once a breach was recorded for it (the escalation clock never breaches). */
  breachedAtMs: EpochMs | null;
  warningsSent: string[];
}

/**
 * The four complaint clocks as rows for case_clocks, so lists and the compliance view read what the
 * workflow decided. Complaint clocks never pause: a complaint waiting on the customer still owes
 * the regulator its answer.
 */
export function listComplaintClockSnapshots(state: ComplaintClocksState, evaluation: ComplaintClocksEvaluation, now: EpochMs): ComplaintClockSnapshot[] {
  return evaluation.clocks.map((clock) => {
    const escalatedAt = clock.kind === 'complaint_compliance_escalation' ? state.escalatedAt : null;
    const stoppedAtMs = clock.satisfiedAt ?? escalatedAt ?? state.stopped?.at ?? null;
    const isBreachRecorded = (state.breachesRecorded as readonly ComplaintClockKind[]).includes(clock.kind);
    return {
      kind: clock.kind,
      targetMs: clock.dueAt - state.receivedAt,
      startedAtMs: state.startedAt,
      dueAtMs: clock.dueAt,
      elapsedMs: Math.max(0, (stoppedAtMs ?? now) - state.receivedAt),
      pausedAtMs: null,
      stoppedAtMs,
      breachedAtMs: isBreachRecorded ? clock.dueAt : null,
      warningsSent: state.warningsSent.includes(clock.kind) ? ['warning'] : [],
    };
  });
}
