import { describe, expect, it } from 'vitest';
import { type BusinessCalendar } from '../../src/domain/business-calendar.js';
import { evaluateComplaintClocks, type ComplaintClocksEvaluation } from '../../src/domain/complaint-clock-evaluation.js';
import { listComplaintClockSnapshots } from '../../src/domain/complaint-clock-snapshots.js';
import {
  applyComplaintClockEvent,
  createComplaintClockSettings,
  startComplaintClocks,
  type ComplaintClockEvent,
  type ComplaintClockKind,
  type ComplaintClocksState,
} from '../../src/domain/complaint-clocks.js';
import { defaultSlaPolicy } from '../../src/domain/sla-policy.js';
import { at, losAngeles, newYork } from './calendar-fixtures.js';

const settings = createComplaintClockSettings(defaultSlaPolicy.complaint);
const start = (receivedAt: number) => startComplaintClocks({ receivedAt, settings });

function apply(state: ComplaintClocksState, ...events: ComplaintClockEvent[]): ComplaintClocksState {
  return events.reduce((current, event) => {
    const result = applyComplaintClockEvent(current, event);
    if (!result.ok) throw new Error(result.error.message);
    return result.state;
  }, state);
}

function clock(evaluation: ComplaintClocksEvaluation, kind: ComplaintClockKind) {
  const found = evaluation.clocks.find((candidate) => candidate.kind === kind);
  if (!found) throw new Error(`no ${kind} clock`);
  return found;
}

// Day 0 is the day of receipt. Escalation: opening of business day 10; resolution: close of
// business day 15; CFPB: local midnight ending calendar day 15 and day 60.
describe('complaint deadlines (day 10, day 15, CFPB 15 and 60 calendar days)', () => {
  it.each<[string, BusinessCalendar, string, string, string, string, string]>([
    ['filed on a Monday morning (spring-forward on day 6)', newYork, '2026-03-02T10:00-05:00', '2026-03-16T09:00-04:00', '2026-03-23T17:00-04:00', '2026-03-18T00:00-04:00', '2026-05-02T00:00-04:00'],
    ['filed on a Friday evening', newYork, '2026-03-06T18:00-05:00', '2026-03-20T09:00-04:00', '2026-03-27T17:00-04:00', '2026-03-22T00:00-04:00', '2026-05-06T00:00-04:00'],
    ['filed just before Thanksgiving', newYork, '2026-11-25T10:00-05:00', '2026-12-10T09:00-05:00', '2026-12-17T17:00-05:00', '2026-12-11T00:00-05:00', '2027-01-25T00:00-05:00'],
    ['filed over Christmas and New Year', newYork, '2026-12-23T14:00-05:00', '2027-01-08T09:00-05:00', '2027-01-15T17:00-05:00', '2027-01-08T00:00-05:00', '2027-02-22T00:00-05:00'],
    ['filed before the fall-back switch and Veterans Day', newYork, '2026-10-23T12:00-04:00', '2026-11-06T09:00-05:00', '2026-11-16T17:00-05:00', '2026-11-08T00:00-05:00', '2026-12-23T00:00-05:00'],
    ['filed on a Monday morning in Los Angeles', losAngeles, '2026-03-02T10:00-08:00', '2026-03-16T09:00-07:00', '2026-03-23T17:00-07:00', '2026-03-18T00:00-07:00', '2026-05-02T00:00-07:00'],
    ['one instant, New York: already Saturday', newYork, '2026-03-07T02:00-05:00', '2026-03-20T09:00-04:00', '2026-03-27T17:00-04:00', '2026-03-23T00:00-04:00', '2026-05-07T00:00-04:00'],
    ['the same instant, Los Angeles: still Friday', losAngeles, '2026-03-07T02:00-05:00', '2026-03-20T09:00-07:00', '2026-03-27T17:00-07:00', '2026-03-22T00:00-07:00', '2026-05-06T00:00-07:00'],
  ])('%s', (_name, calendar, filedAt, day10At, day15At, cfpb15At, cfpb60At) => {
    const evaluation = evaluateComplaintClocks(start(at(filedAt)), calendar, at(filedAt));
    expect(clock(evaluation, 'complaint_compliance_escalation').dueAt).toBe(at(day10At));
    expect(clock(evaluation, 'complaint_resolution').dueAt).toBe(at(day15At));
    expect(clock(evaluation, 'regulator_response').dueAt).toBe(at(cfpb15At));
    expect(clock(evaluation, 'regulator_final_response').dueAt).toBe(at(cfpb60At));
  });
});

describe('evaluateComplaintClocks', () => {
  const filedAt = at('2026-03-02T10:00-05:00');
  const state = start(filedAt);

  it('counts days left in business days for the operational clocks and calendar days for the CFPB', () => {
    const evaluation = evaluateComplaintClocks(state, newYork, at('2026-03-09T12:00-04:00'));
    expect(evaluation.clocks.map(({ kind, daysLeft, status }) => [kind, daysLeft, status])).toEqual([
      ['complaint_compliance_escalation', 5, 'on_track'],
      ['complaint_resolution', 10, 'on_track'],
      ['regulator_response', 8, 'on_track'],
      ['regulator_final_response', 53, 'on_track'],
    ]);
  });

  it('wakes the workflow first for the day-8 escalation warning', () => {
    const evaluation = evaluateComplaintClocks(state, newYork, filedAt);
    expect(evaluation.nextDeadlineAt).toBe(at('2026-03-12T09:00-04:00'));
    expect(evaluation.warningsDue).toEqual([]);
  });

  it('warns two business days before day 10 and three calendar days before the CFPB 15 days', () => {
    const evaluation = evaluateComplaintClocks(state, newYork, at('2026-03-15T00:00-04:00'));
    expect(evaluation.warningsDue.map(({ clock }) => clock)).toEqual(['complaint_compliance_escalation', 'regulator_response']);
    const warned = apply(state, ...evaluation.warningsDue.map(({ clock: kind }) => ({ type: 'warning_sent' as const, clock: kind, at: at('2026-03-15T00:00-04:00') })));
    const after = evaluateComplaintClocks(warned, newYork, at('2026-03-15T00:00-04:00'));
    expect(after.warningsDue).toEqual([]);
    expect(after.nextDeadlineAt).toBe(at('2026-03-16T09:00-04:00'));
  });

  it('asks for the compliance escalation on business day 10 exactly once', () => {
    const day10 = at('2026-03-16T09:00-04:00');
    expect(evaluateComplaintClocks(state, newYork, day10 - 1).escalationDue).toBeNull();
    expect(evaluateComplaintClocks(state, newYork, day10).escalationDue).toEqual({ dueAt: day10 });
    const escalated = apply(state, { type: 'escalated_to_compliance', at: day10 });
    const after = evaluateComplaintClocks(escalated, newYork, day10 + 60_000);
    expect(after.escalationDue).toBeNull();
    expect(clock(after, 'complaint_compliance_escalation').status).toBe('escalated');
    expect(applyComplaintClockEvent(escalated, { type: 'escalated_to_compliance', at: day10 }).ok).toBe(false);
  });

  it('stops all four clocks when the final response goes out on business day 9', () => {
    const resolved = apply(state, { type: 'final_response_sent', at: at('2026-03-13T15:00-04:00') });
    const evaluation = evaluateComplaintClocks(resolved, newYork, at('2026-06-01T12:00-04:00'));
    expect(evaluation.clocks.map(({ status }) => status)).toEqual(['met', 'met', 'met', 'met']);
    expect(evaluation).toMatchObject({ warningsDue: [], escalationDue: null, breachesDue: [], nextDeadlineAt: null });
  });

  it('lets an in-progress response stop the 15-day regulator clock but not the 60-day one', () => {
    const inProgress = apply(state, { type: 'in_progress_response_sent', at: at('2026-03-10T11:00-04:00') });
    const evaluation = evaluateComplaintClocks(inProgress, newYork, at('2026-03-20T12:00-04:00'));
    expect(clock(evaluation, 'regulator_response').status).toBe('met');
    expect(clock(evaluation, 'regulator_final_response').status).toBe('on_track');
    expect(evaluation.breachesDue).toEqual([]);
  });

  it('reports each missed deadline as a breach until it is recorded', () => {
    const late = at('2026-03-24T10:00-04:00');
    const evaluation = evaluateComplaintClocks(apply(state, { type: 'escalated_to_compliance', at: at('2026-03-16T09:00-04:00') }), newYork, late);
    expect(evaluation.breachesDue.map(({ clock: kind }) => kind)).toEqual(['complaint_resolution', 'regulator_response']);
    const recorded = apply(state, { type: 'breach_recorded', clock: 'complaint_resolution', at: late }, { type: 'breach_recorded', clock: 'regulator_response', at: late });
    const after = evaluateComplaintClocks(recorded, newYork, late);
    expect(after.breachesDue).toEqual([]);
    expect(clock(after, 'complaint_resolution').status).toBe('breached');
    expect(clock(after, 'complaint_resolution').daysLeft).toBe(-1);
    expect(after.nextDeadlineAt).toBe(at('2026-04-29T00:00-04:00'));
  });

  it('still reports a breach when the final response came after the deadline', () => {
    const resolvedLate = apply(state, { type: 'final_response_sent', at: at('2026-03-24T10:00-04:00') });
    const evaluation = evaluateComplaintClocks(resolvedLate, newYork, at('2026-03-24T10:00-04:00'));
    expect(clock(evaluation, 'complaint_resolution').status).toBe('missed');
    expect(evaluation.breachesDue.map(({ clock: kind }) => kind)).toEqual(['complaint_resolution', 'regulator_response']);
  });

  it('stops the clocks with a reason when the case is reclassified out of formal complaint', () => {
    const stopped = apply(state, { type: 'reclassified_out', at: at('2026-03-05T10:00-05:00'), reason: 'customer asked a question only' });
    expect(stopped.stopped).toEqual({ at: at('2026-03-05T10:00-05:00'), reason: 'customer asked a question only' });
    const evaluation = evaluateComplaintClocks(stopped, newYork, at('2026-04-01T10:00-04:00'));
    expect(evaluation.clocks.map(({ status }) => status)).toEqual(['stopped', 'stopped', 'stopped', 'stopped']);
    expect(evaluation).toMatchObject({ warningsDue: [], escalationDue: null, breachesDue: [], nextDeadlineAt: null });
    expect(applyComplaintClockEvent(stopped, { type: 'final_response_sent', at: at('2026-04-01T10:00-04:00') }).ok).toBe(false);
  });

  it('refuses a reclassification out without a reason', () => {
    const result = applyComplaintClockEvent(state, { type: 'reclassified_out', at: filedAt, reason: '  ' });
    expect(result).toMatchObject({ ok: false, error: { code: 'reason_required' } });
  });

  it('takes the operational day counts from the SLA policy', () => {
    const custom = startComplaintClocks({ receivedAt: filedAt, settings: createComplaintClockSettings({ complianceEscalationBusinessDay: 5, resolutionBusinessDays: 8 }) });
    const evaluation = evaluateComplaintClocks(custom, newYork, filedAt);
    expect(clock(evaluation, 'complaint_compliance_escalation').dueAt).toBe(at('2026-03-09T09:00-04:00'));
    expect(clock(evaluation, 'complaint_resolution').dueAt).toBe(at('2026-03-12T17:00-04:00'));
  });
});

describe('listComplaintClockSnapshots', () => {
  it('turns the clocks into case_clocks rows with stops, breaches and warnings', () => {
    const filedAt = at('2026-03-02T10:00-05:00');
    const late = at('2026-03-24T10:00-04:00');
    const state = apply(
      start(filedAt),
      { type: 'warning_sent', clock: 'complaint_resolution', at: at('2026-03-19T17:00-04:00') },
      { type: 'escalated_to_compliance', at: at('2026-03-16T09:00-04:00') },
      { type: 'in_progress_response_sent', at: at('2026-03-10T11:00-04:00') },
      { type: 'breach_recorded', clock: 'complaint_resolution', at: late },
    );
    const rows = listComplaintClockSnapshots(state, evaluateComplaintClocks(state, newYork, late), late);
    expect(rows.map(({ kind, dueAtMs, stoppedAtMs, breachedAtMs, warningsSent }) => [kind, dueAtMs, stoppedAtMs, breachedAtMs, warningsSent])).toEqual([
      ['complaint_compliance_escalation', at('2026-03-16T09:00-04:00'), at('2026-03-16T09:00-04:00'), null, []],
      ['complaint_resolution', at('2026-03-23T17:00-04:00'), null, at('2026-03-23T17:00-04:00'), ['warning']],
      ['regulator_response', at('2026-03-18T00:00-04:00'), at('2026-03-10T11:00-04:00'), null, []],
      ['regulator_final_response', at('2026-05-02T00:00-04:00'), null, null, []],
    ]);
  });
});
