import { addBusinessTime, createAroundTheClockCalendar, measureBusinessTime, type BusinessCalendar } from './business-calendar.js';
import { addBusinessDays, findEndOfCalendarDay } from './business-days.js';
import { toEpochMs, type EpochMs, type Instant } from './zoned-time.js';

/** Whether a target counts business hours of the case's calendar or plain elapsed time. */
export const timeModes = ['business', 'calendar'] as const;
export type TimeMode = (typeof timeModes)[number];

/** The two clocks every case runs. */
export const slaClockKinds = ['firstResponse', 'resolution'] as const;
export type SlaClockKind = (typeof slaClockKinds)[number];

/**
 * A target length. Minutes and hours are durations of (business or elapsed) time. Days end at a
 * day boundary: `days: 15, mode: 'business'` is due at the close of the 15th business day after
 * the start day; in calendar mode at midnight ending the 15th calendar day after it.
 */
export interface SlaSpan {
  amount: number;
  unit: 'minutes' | 'hours' | 'days';
  mode: TimeMode;
}

/** What a clock aims at: a span and the fractions of it at which handlers get a warning. */
export interface SlaTarget {
  span: SlaSpan;
  warningThresholds: readonly number[];
}

/** A stretch during which the clock ran; `endedAt` is null while it still runs. */
export interface ClockRun {
  startedAt: EpochMs;
  endedAt: EpochMs | null;
}

/**
 * An SLA clock as an immutable value. It records only instants (when it ran); time is measured
 * when it is evaluated against a calendar, so the value stays small and JSON-safe for workflow
 * state, queries and continue-as-new.
 */
export interface SlaClock {
  target: SlaTarget;
  startedAt: EpochMs;
  state: 'running' | 'paused' | 'stopped';
  runs: readonly ClockRun[];
  /** Bumped by each re-target, so warnings already sent can be keyed by (revision, threshold). */
  revision: number;
  lastChangedAt: EpochMs;
}

/** The next instant the workflow must wake for this clock. */
export type ClockDeadline = { kind: 'warning'; threshold: number; at: EpochMs } | { kind: 'breach'; at: EpochMs };

/** A clock measured at one instant. */
export interface ClockEvaluation {
  state: SlaClock['state'];
  isPaused: boolean;
  isBreached: boolean;
  targetMs: number;
  elapsedMs: number;
  /** Time left before breach, 0 once breached; `overdueMs` then says by how much. */
  remainingMs: number;
  overdueMs: number;
  /** When the clock reaches its target if it keeps running; null while paused or stopped. */
  dueAt: EpochMs | null;
  /** When the elapsed time reached the target (under the current target), else null. */
  breachedAt: EpochMs | null;
  /** Thresholds already crossed (e.g. [0.75] at 80 %), in ascending order. */
  warningsDue: number[];
  nextDeadline: ClockDeadline | null;
  nextDeadlineAt: EpochMs | null;
  revision: number;
}

const minuteMs = 60_000;

// A `now` earlier than the last change (it cannot happen in workflow time) counts as that change.
function clampNow(clock: SlaClock, now: Instant): EpochMs {
  return Math.max(toEpochMs(now), clock.lastChangedAt);
}

function selectMeasuringCalendar(target: SlaTarget, calendar: BusinessCalendar): BusinessCalendar {
  return target.span.mode === 'calendar' ? createAroundTheClockCalendar(calendar.timeZone) : calendar;
}

/** Starts a running clock at `now` toward `target`. */
export function startClock(target: SlaTarget, now: Instant): SlaClock {
  const startedAt = toEpochMs(now);
  return { target, startedAt, state: 'running', runs: [{ startedAt, endedAt: null }], revision: 0, lastChangedAt: startedAt };
}

function closeOpenRun(clock: SlaClock, atMs: EpochMs): readonly ClockRun[] {
  return clock.runs.map((run) => (run.endedAt === null ? { ...run, endedAt: atMs } : run));
}

/** Pauses a running clock (pending customer). Pausing a paused or stopped clock returns it unchanged. */
export function pauseClock(clock: SlaClock, now: Instant): SlaClock {
  if (clock.state !== 'running') return clock;
  const atMs = clampNow(clock, now);
  return { ...clock, state: 'paused', runs: closeOpenRun(clock, atMs), lastChangedAt: atMs };
}

/** Resumes a paused clock; the time it stood still does not count. Other states return it unchanged. */
export function resumeClock(clock: SlaClock, now: Instant): SlaClock {
  if (clock.state !== 'paused') return clock;
  return startNewRun(clock, now);
}

/** Restarts a stopped clock when its case is reopened; elapsed time continues from where it stopped. */
export function reopenClock(clock: SlaClock, now: Instant): SlaClock {
  if (clock.state !== 'stopped') return clock;
  return startNewRun(clock, now);
}

function startNewRun(clock: SlaClock, now: Instant): SlaClock {
  const atMs = clampNow(clock, now);
  return { ...clock, state: 'running', runs: [...clock.runs, { startedAt: atMs, endedAt: null }], lastChangedAt: atMs };
}

/** Stops a clock for good (responded, resolved). Stopping a stopped clock returns it unchanged. */
export function stopClock(clock: SlaClock, now: Instant): SlaClock {
  if (clock.state === 'stopped') return clock;
  const atMs = clampNow(clock, now);
  return { ...clock, state: 'stopped', runs: closeOpenRun(clock, atMs), lastChangedAt: atMs };
}

/**
 * Points the clock at a new target (priority, tier or policy change, recalculation after
 * escalation). Elapsed time, net of pauses, is kept; only the remainder changes. The clock keeps
 * its running/paused state.
 */
export function retargetClock(clock: SlaClock, target: SlaTarget, now: Instant): SlaClock {
  return { ...clock, target, revision: clock.revision + 1, lastChangedAt: clampNow(clock, now) };
}

/** The target length in ms of measured time, for a clock started at `startedAt`. */
export function measureTargetMs(target: SlaTarget, calendar: BusinessCalendar, startedAt: Instant): number {
  const { amount, unit, mode } = target.span;
  if (unit === 'minutes') return Math.round(amount * minuteMs);
  if (unit === 'hours') return Math.round(amount * 60 * minuteMs);
  const startMs = toEpochMs(startedAt);
  const dueAt = mode === 'business' ? addBusinessDays(calendar, startMs, amount) : findEndOfCalendarDay(calendar.timeZone, startMs, amount);
  return measureBusinessTime(selectMeasuringCalendar(target, calendar), startMs, dueAt);
}

function measureRuns(clock: SlaClock, calendar: BusinessCalendar, nowMs: EpochMs): { runMs: number[]; elapsedMs: number } {
  const runMs = clock.runs.map((run) => measureBusinessTime(calendar, run.startedAt, run.endedAt ?? nowMs));
  return { runMs, elapsedMs: runMs.reduce((sum, ms) => sum + ms, 0) };
}

/** The instant the clock's elapsed time reaches `goalMs`, or null if paused/stopped before reaching it. */
function findInstantAtElapsed(clock: SlaClock, calendar: BusinessCalendar, runMs: number[], nowMs: EpochMs, goalMs: number): EpochMs | null {
  let accumulatedMs = 0;
  for (const [index, run] of clock.runs.entries()) {
    const ms = runMs[index] ?? 0;
    if (accumulatedMs + ms >= goalMs) return addBusinessTime(calendar, run.startedAt, goalMs - accumulatedMs);
    accumulatedMs += ms;
  }
  return clock.state === 'running' ? addBusinessTime(calendar, nowMs, goalMs - accumulatedMs) : null;
}

/**
 * Measures a clock at `now`: elapsed and remaining time, due date, breach, warnings crossed, and
 * the next instant (warning or breach) a workflow should wake for. Business-mode targets count
 * only the calendar's business hours; calendar-mode targets count elapsed time.
 */
export function evaluateClock(clock: SlaClock, calendar: BusinessCalendar, now: Instant): ClockEvaluation {
  const nowMs = clampNow(clock, now);
  const measuring = selectMeasuringCalendar(clock.target, calendar);
  const targetMs = measureTargetMs(clock.target, calendar, clock.startedAt);
  const { runMs, elapsedMs } = measureRuns(clock, measuring, nowMs);
  const isBreached = elapsedMs >= targetMs;
  const thresholds = [...clock.target.warningThresholds].sort((a, b) => a - b);
  // Whole milliseconds keep "woken at the warning instant" and "warning is due" exactly equal.
  const goalOf = (fraction: number) => Math.ceil(fraction * targetMs);
  const at = (goalMs: number) => findInstantAtElapsed(clock, measuring, runMs, nowMs, goalMs);
  let nextDeadline: ClockDeadline | null = null;
  if (clock.state === 'running') {
    const threshold = thresholds.find((fraction) => elapsedMs < goalOf(fraction));
    const warningAt = threshold === undefined ? null : at(goalOf(threshold));
    if (threshold !== undefined && warningAt !== null) nextDeadline = { kind: 'warning', threshold, at: warningAt };
    else if (!isBreached) nextDeadline = { kind: 'breach', at: at(targetMs) ?? nowMs };
  }
  return {
    state: clock.state,
    isPaused: clock.state === 'paused',
    isBreached,
    targetMs,
    elapsedMs,
    remainingMs: Math.max(0, targetMs - elapsedMs),
    overdueMs: Math.max(0, elapsedMs - targetMs),
    dueAt: clock.state === 'running' ? at(targetMs) : null,
    breachedAt: isBreached ? at(targetMs) : null,
    warningsDue: thresholds.filter((fraction) => elapsedMs >= goalOf(fraction)),
    nextDeadline,
    nextDeadlineAt: nextDeadline?.at ?? null,
    revision: clock.revision,
  };
}
