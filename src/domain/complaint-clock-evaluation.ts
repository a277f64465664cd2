import { type BusinessCalendar } from './business-calendar.js';
import { findEndOfCalendarDay, findNthBusinessDay, getBusinessDayNumber } from './business-days.js';
import {
  complaintDeadlineKinds,
  type ComplaintClockKind,
  type ComplaintClocksState,
  type ComplaintDeadlineKind,
} from './complaint-clocks.js';
import { toLocalDate, type EpochMs } from './zoned-time.js';

/**
 * `on_track` → `warning` → `breached` while open; `met`/`missed` once satisfied in time or late;
 * `stopped` by a reclassification; the escalation clock reads `escalated` once day 10 arrives.
 */
export type ComplaintClockStatus = 'on_track' | 'warning' | 'escalated' | 'breached' | 'met' | 'missed' | 'stopped';

/** One clock as the case state and the compliance view show it. */
export interface ComplaintClockView {
  kind: ComplaintClockKind;
  unit: 'business_days' | 'calendar_days';
  /** The day number of the deadline counted from the day of receipt (day 0). */
  dueDay: number;
  dueAt: EpochMs;
  warnAt: EpochMs;
  /** Days of the clock's unit from today to the due day: 0 = due today, negative = overdue. */
  daysLeft: number;
  status: ComplaintClockStatus;
  satisfiedAt: EpochMs | null;
}

/** The clocks now, and what the workflow owes them: warnings, escalation, breaches, the next wake-up. */
export interface ComplaintClocksEvaluation {
  clocks: ComplaintClockView[];
  warningsDue: { clock: ComplaintClockKind; warnAt: EpochMs; dueAt: EpochMs }[];
  escalationDue: { dueAt: EpochMs } | null;
  breachesDue: { clock: ComplaintDeadlineKind; dueAt: EpochMs }[];
  /** The earliest future instant at which something falls due; null when nothing is pending. */
  nextDeadlineAt: EpochMs | null;
}

const dayMs = 86_400_000;

function countCalendarDays(timeZone: string, from: EpochMs, to: EpochMs): number {
  return Math.round((Date.parse(toLocalDate(to, timeZone)) - Date.parse(toLocalDate(from, timeZone))) / dayMs);
}

interface ClockSchedule {
  kind: ComplaintClockKind;
  unit: ComplaintClockView['unit'];
  dueDay: number;
  dueAt: EpochMs;
  warnAt: EpochMs;
  satisfiedAt: EpochMs | null;
}

/*
 * The instants of each clock. Escalation falls at the opening of business day 10 ("escalates if
 * unresolved by day 10"); resolution at the close of business day 15; the regulator's days end at
 * local midnight after calendar day 15/60. Warnings leave the lead's days (2 business, 3 calendar).
 */
function scheduleComplaintClocks(state: ComplaintClocksState, calendar: BusinessCalendar): ClockSchedule[] {
  const { settings, receivedAt, inProgressResponseAt, finalResponseAt } = state;
  const escalationDay = settings.complianceEscalationBusinessDay;
  const resolutionDay = settings.resolutionBusinessDays;
  const businessDay = (n: number) => findNthBusinessDay(calendar, receivedAt, Math.max(1, n));
  const calendarDayEnd = (n: number) => findEndOfCalendarDay(calendar.timeZone, receivedAt, Math.max(0, n));
  const lead = { business: settings.warningLeadBusinessDays, calendar: settings.warningLeadCalendarDays };
  const firstResponseAt = [inProgressResponseAt, finalResponseAt].filter((at): at is number => at !== null);
  return [
    {
      kind: 'complaint_compliance_escalation',
      unit: 'business_days',
      dueDay: escalationDay,
      dueAt: businessDay(escalationDay).startAt,
      warnAt: businessDay(escalationDay - lead.business).startAt,
      satisfiedAt: finalResponseAt,
    },
    {
      kind: 'complaint_resolution',
      unit: 'business_days',
      dueDay: resolutionDay,
      dueAt: businessDay(resolutionDay).endAt,
      warnAt: businessDay(resolutionDay - lead.business).endAt,
      satisfiedAt: finalResponseAt,
    },
    {
      kind: 'regulator_response',
      unit: 'calendar_days',
      dueDay: settings.regulatorResponseCalendarDays,
      dueAt: calendarDayEnd(settings.regulatorResponseCalendarDays),
      warnAt: calendarDayEnd(settings.regulatorResponseCalendarDays - lead.calendar),
      satisfiedAt: firstResponseAt.length > 0 ? Math.min(...firstResponseAt) : null,
    },
    {
      kind: 'regulator_final_response',
      unit: 'calendar_days',
      dueDay: settings.regulatorFinalResponseCalendarDays,
      dueAt: calendarDayEnd(settings.regulatorFinalResponseCalendarDays),
      warnAt: calendarDayEnd(settings.regulatorFinalResponseCalendarDays - lead.calendar),
      satisfiedAt: finalResponseAt,
    },
  ];
}

function isDeadlineKind(kind: ComplaintClockKind): kind is ComplaintDeadlineKind {
  return (complaintDeadlineKinds as readonly string[]).includes(kind);
}

function decideStatus(state: ComplaintClocksState, clock: ClockSchedule, now: EpochMs): ComplaintClockStatus {
  if (clock.kind === 'complaint_compliance_escalation') {
    if (state.escalatedAt !== null) return 'escalated';
    if (clock.satisfiedAt !== null) return 'met';
    if (state.stopped !== null) return 'stopped';
    return now >= clock.dueAt ? 'escalated' : now >= clock.warnAt ? 'warning' : 'on_track';
  }
  if (clock.satisfiedAt !== null) return clock.satisfiedAt <= clock.dueAt ? 'met' : 'missed';
  if (isDeadlineKind(clock.kind) && state.breachesRecorded.includes(clock.kind)) return 'breached';
  if (state.stopped !== null) return 'stopped';
  return now >= clock.dueAt ? 'breached' : now >= clock.warnAt ? 'warning' : 'on_track';
}

/**
 * Evaluates the complaint clocks at `now` in the case's region calendar: each clock's due instant,
 * days left and status; the warnings, day-10 escalation and breaches now due and not yet recorded
 * (a deadline missed is always reported, also when the response came late); and the next instant
 * the workflow must wake up for. Pure: the caller passes `now`.
 */
export function evaluateComplaintClocks(state: ComplaintClocksState, calendar: BusinessCalendar, now: EpochMs): ComplaintClocksEvaluation {
  const schedule = scheduleComplaintClocks(state, calendar);
  const currentBusinessDay = getBusinessDayNumber(calendar, state.receivedAt, now);
  const currentCalendarDay = countCalendarDays(calendar.timeZone, state.receivedAt, now);
  const stoppedAt = state.stopped?.at ?? Number.POSITIVE_INFINITY;
  const evaluation: ComplaintClocksEvaluation = { clocks: [], warningsDue: [], escalationDue: null, breachesDue: [], nextDeadlineAt: null };
  const upcoming: EpochMs[] = [];
  for (const clock of schedule) {
    const today = clock.unit === 'business_days' ? currentBusinessDay : currentCalendarDay;
    evaluation.clocks.push({
      kind: clock.kind,
      unit: clock.unit,
      dueDay: clock.dueDay,
      dueAt: clock.dueAt,
      warnAt: clock.warnAt,
      daysLeft: clock.dueDay - today,
      status: decideStatus(state, clock, now),
      satisfiedAt: clock.satisfiedAt,
    });
    const isPending = clock.satisfiedAt === null && state.stopped === null;
    if (isPending && !state.warningsSent.includes(clock.kind) && clock.warnAt < clock.dueAt) {
      if (now >= clock.warnAt && now < clock.dueAt) evaluation.warningsDue.push({ clock: clock.kind, warnAt: clock.warnAt, dueAt: clock.dueAt });
      else if (now < clock.warnAt) upcoming.push(clock.warnAt);
    }
    if (clock.kind === 'complaint_compliance_escalation') {
      if (isPending && state.escalatedAt === null) {
        if (now >= clock.dueAt) evaluation.escalationDue = { dueAt: clock.dueAt };
        else upcoming.push(clock.dueAt);
      }
      continue;
    }
    if (!isDeadlineKind(clock.kind) || state.breachesRecorded.includes(clock.kind) || stoppedAt < clock.dueAt) continue;
    const isLate = (clock.satisfiedAt ?? Number.POSITIVE_INFINITY) > clock.dueAt;
    if (isLate && now >= clock.dueAt) evaluation.breachesDue.push({ clock: clock.kind, dueAt: clock.dueAt });
    else if (clock.satisfiedAt === null && state.stopped === null) upcoming.push(clock.dueAt);
  }
  evaluation.nextDeadlineAt = upcoming.length > 0 ? Math.min(...upcoming) : null;
  return evaluation;
}


/** The unit a complaint clock counts in: business days for the operational ones, calendar days for the CFPB's. */
export function readComplaintClockUnit(kind: ComplaintClockKind): ComplaintClockView['unit'] {
  return kind === 'regulator_response' || kind === 'regulator_final_response' ? 'calendar_days' : 'business_days';
}

/**
 * Days left until a complaint clock's `dueAt`, counted as {@link evaluateComplaintClocks} does:
 * 0 = due today, negative = days overdue. Business days of `calendar` for the operational clocks;
 * calendar days in its zone for the regulator's, whose deadline is the midnight ending the last day.
 */
export function countComplaintDaysLeft(calendar: BusinessCalendar, kind: ComplaintClockKind, dueAt: EpochMs, now: EpochMs): number {
  if (readComplaintClockUnit(kind) === 'calendar_days') return countCalendarDays(calendar.timeZone, now, dueAt - 1);
  return now <= dueAt ? getBusinessDayNumber(calendar, now, dueAt) : -getBusinessDayNumber(calendar, dueAt, now);
}
