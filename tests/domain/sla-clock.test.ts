import { describe, expect, it } from 'vitest';
import {
  evaluateClock,
  pauseClock,
  reopenClock,
  resumeClock,
  retargetClock,
  startClock,
  stopClock,
  type SlaClock,
  type SlaSpan,
  type SlaTarget,
} from '../../src/domain/sla-clock.js';
import { at, hourMs, minuteMs, newYork } from './calendar-fixtures.js';

const target = (span: SlaSpan, warningThresholds: number[] = [0.75, 0.9]): SlaTarget => ({ span, warningThresholds });
const businessHours = (amount: number) => target({ amount, unit: 'hours', mode: 'business' });
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

describe('a running business-hours clock (payment issue, 4 h)', () => {
  const clock = startClock(businessHours(4), at('2026-03-02T10:00-05:00'));

  it.each<[string, string, number, number[], string | null, string | null, boolean]>([
    ['at the start', '2026-03-02T10:00-05:00', 0, [], '2026-03-02T13:00-05:00', 'warning', false],
    ['just before 75 %', '2026-03-02T12:59-05:00', 179 * minuteMs, [], '2026-03-02T13:00-05:00', 'warning', false],
    ['at 75 %', '2026-03-02T13:00-05:00', 3 * hourMs, [0.75], '2026-03-02T13:36-05:00', 'warning', false],
    ['at 90 %', '2026-03-02T13:36-05:00', 216 * minuteMs, [0.75, 0.9], '2026-03-02T14:00-05:00', 'breach', false],
    ['at the due instant', '2026-03-02T14:00-05:00', 4 * hourMs, [0.75, 0.9], null, null, true],
    ['after hours the next day', '2026-03-03T18:00-05:00', 15 * hourMs, [0.75, 0.9], null, null, true],
  ])('%s', (_name, now, elapsedMs, warningsDue, nextAt, nextKind, isBreached) => {
    const evaluation = evaluateClock(clock, newYork, at(now));
    expect(evaluation).toMatchObject({ elapsedMs, warningsDue, isBreached, isPaused: false, dueAt: at('2026-03-02T14:00-05:00') });
    expect(iso(evaluation.nextDeadlineAt)).toBe(nextAt === null ? null : iso(at(nextAt)));
    expect(evaluation.nextDeadline?.kind ?? null).toBe(nextKind);
    expect(evaluation.breachedAt).toBe(isBreached ? at('2026-03-02T14:00-05:00') : null);
    expect(evaluation.remainingMs + elapsedMs - evaluation.overdueMs).toBe(4 * hourMs);
  });
});

describe('deadlines counted in business time', () => {
  it.each<[string, SlaTarget, string, string]>([
    ['4 h from Friday 15:00 lands on Monday after spring forward', businessHours(4), '2026-03-06T15:00-05:00', '2026-03-09T11:00-04:00'],
    ['24 h information request spans three business days', businessHours(24), '2026-03-02T10:00-05:00', '2026-03-05T10:00-05:00'],
    ['48 h dispute skips Thanksgiving', businessHours(48), '2026-11-23T09:00-05:00', '2026-12-01T17:00-05:00'],
    ['15 business days ends at close of day 15', target({ amount: 15, unit: 'days', mode: 'business' }), '2026-03-02T10:00-05:00', '2026-03-23T17:00-04:00'],
    ['2 h calendar-time target runs through the evening', target({ amount: 2, unit: 'hours', mode: 'calendar' }), '2026-03-06T16:00-05:00', '2026-03-06T18:00-05:00'],
    ['15 calendar days end at midnight ending day 15', target({ amount: 15, unit: 'days', mode: 'calendar' }), '2026-03-02T10:00-05:00', '2026-03-18T00:00-04:00'],
    ['30 minutes starting on Saturday run from Monday 09:00', target({ amount: 30, unit: 'minutes', mode: 'business' }), '2026-03-07T10:00-05:00', '2026-03-09T09:30-04:00'],
  ])('%s', (_name, clockTarget, startedAt, dueAt) => {
    const clock = startClock(clockTarget, at(startedAt));
    expect(iso(evaluateClock(clock, newYork, at(startedAt)).dueAt)).toBe(iso(at(dueAt)));
  });
});

describe('pause and resume', () => {
  const started = startClock(businessHours(4), at('2026-03-02T10:00-05:00'));
  const paused = pauseClock(started, at('2026-03-02T11:00-05:00'));

  it('stops counting while paused and has no due date', () => {
    const evaluation = evaluateClock(paused, newYork, at('2026-03-09T12:00-04:00'));
    expect(evaluation).toMatchObject({ isPaused: true, elapsedMs: hourMs, remainingMs: 3 * hourMs, dueAt: null, nextDeadlineAt: null, isBreached: false });
  });

  it('continues from the elapsed time net of the pause', () => {
    const resumed = resumeClock(paused, at('2026-03-03T10:00-05:00'));
    const evaluation = evaluateClock(resumed, newYork, at('2026-03-03T11:00-05:00'));
    expect(evaluation).toMatchObject({ elapsedMs: 2 * hourMs, dueAt: at('2026-03-03T13:00-05:00'), isPaused: false });
    expect(evaluation.nextDeadline).toEqual({ kind: 'warning', threshold: 0.75, at: at('2026-03-03T12:00-05:00') });
  });

  it('pushes a business-day deadline back by the paused business days', () => {
    const complaint = startClock(target({ amount: 15, unit: 'days', mode: 'business' }), at('2026-03-02T10:00-05:00'));
    const resumed = resumeClock(pauseClock(complaint, at('2026-03-03T09:00-05:00')), at('2026-03-05T09:00-05:00'));
    expect(iso(evaluateClock(resumed, newYork, at('2026-03-05T09:00-05:00')).dueAt)).toBe(iso(at('2026-03-25T17:00-04:00')));
  });

  it('reports the breach instant inside an earlier run', () => {
    const breachedThenPaused = pauseClock(started, at('2026-03-02T16:00-05:00'));
    expect(evaluateClock(breachedThenPaused, newYork, at('2026-03-04T12:00-05:00'))).toMatchObject({
      isBreached: true,
      breachedAt: at('2026-03-02T14:00-05:00'),
      overdueMs: 2 * hourMs,
      dueAt: null,
    });
  });

  it.each<[string, (clock: SlaClock) => SlaClock, SlaClock['state']]>([
    ['pausing a paused clock', (clock) => pauseClock(clock, at('2026-03-02T12:00-05:00')), 'paused'],
    ['resuming a running clock', (clock) => resumeClock(resumeClock(clock, at('2026-03-02T12:00-05:00')), at('2026-03-02T13:00-05:00')), 'running'],
    ['stopping a stopped clock', (clock) => stopClock(stopClock(clock, at('2026-03-02T12:00-05:00')), at('2026-03-02T13:00-05:00')), 'stopped'],
    ['resuming a stopped clock', (clock) => resumeClock(stopClock(clock, at('2026-03-02T12:00-05:00')), at('2026-03-02T13:00-05:00')), 'stopped'],
  ])('changes nothing when %s', (_name, apply, state) => {
    const once = apply(paused);
    expect(once.state).toBe(state);
    expect(apply(once)).toEqual(once);
  });

  it('treats a now earlier than the last change as that change', () => {
    const resumedEarly = resumeClock(paused, at('2026-03-02T10:30-05:00'));
    expect(resumedEarly.runs.at(-1)?.startedAt).toBe(at('2026-03-02T11:00-05:00'));
  });
});

describe('retargeting keeps the elapsed time', () => {
  const infoRequest = startClock(businessHours(24), at('2026-03-02T10:00-05:00'));

  it('re-targets a running clock to a shorter target', () => {
    const retargeted = retargetClock(infoRequest, businessHours(8), at('2026-03-02T12:00-05:00'));
    expect(evaluateClock(retargeted, newYork, at('2026-03-02T12:00-05:00'))).toMatchObject({
      elapsedMs: 2 * hourMs,
      remainingMs: 6 * hourMs,
      dueAt: at('2026-03-03T10:00-05:00'),
      revision: 1,
    });
  });

  it('re-targets mid-pause: the remainder waits for the resume', () => {
    const pausedAt6h = pauseClock(infoRequest, at('2026-03-02T16:00-05:00'));
    const retargeted = retargetClock(pausedAt6h, businessHours(8), at('2026-03-03T12:00-05:00'));
    expect(evaluateClock(retargeted, newYork, at('2026-03-03T12:00-05:00'))).toMatchObject({ isPaused: true, elapsedMs: 6 * hourMs, remainingMs: 2 * hourMs, dueAt: null });
    const resumed = resumeClock(retargeted, at('2026-03-04T09:00-05:00'));
    expect(evaluateClock(resumed, newYork, at('2026-03-04T09:00-05:00')).dueAt).toBe(at('2026-03-04T11:00-05:00'));
  });

  it('is breached at once when the new target is already used up', () => {
    const pausedAt6h = pauseClock(infoRequest, at('2026-03-02T16:00-05:00'));
    const retargeted = retargetClock(pausedAt6h, businessHours(4), at('2026-03-03T12:00-05:00'));
    expect(evaluateClock(retargeted, newYork, at('2026-03-03T12:00-05:00'))).toMatchObject({ isBreached: true, breachedAt: at('2026-03-02T14:00-05:00'), overdueMs: 2 * hourMs });
  });
});

describe('stop and reopen', () => {
  it('has no due date when stopped, and continues when reopened', () => {
    const stopped = stopClock(startClock(businessHours(4), at('2026-03-02T10:00-05:00')), at('2026-03-02T11:00-05:00'));
    expect(evaluateClock(stopped, newYork, at('2026-03-05T10:00-05:00'))).toMatchObject({ state: 'stopped', dueAt: null, nextDeadlineAt: null, elapsedMs: hourMs });
    const reopened = reopenClock(stopped, at('2026-03-05T10:00-05:00'));
    expect(evaluateClock(reopened, newYork, at('2026-03-05T10:00-05:00')).dueAt).toBe(at('2026-03-05T13:00-05:00'));
  });
});

describe('a workflow waking at each next deadline', () => {
  it.each<[string, SlaSpan, string]>([
    ['4 business hours', { amount: 4, unit: 'hours', mode: 'business' }, '2026-03-02T10:00-05:00'],
    ['7 business minutes', { amount: 7, unit: 'minutes', mode: 'business' }, '2026-03-02T16:55-05:00'],
    ['1.3 business hours over a weekend and DST', { amount: 1.3, unit: 'hours', mode: 'business' }, '2026-03-06T16:30-05:00'],
    ['15 business days', { amount: 15, unit: 'days', mode: 'business' }, '2026-12-23T14:00-05:00'],
    ['37 calendar minutes', { amount: 37, unit: 'minutes', mode: 'calendar' }, '2026-11-01T01:45-04:00'],
  ])('sees warning 75 %%, warning 90 %% and the breach exactly once each for %s', (_name, span, startedAt) => {
    const clock = startClock(target(span), at(startedAt));
    const seen: string[] = [];
    let now = at(startedAt);
    for (let wakeups = 0; wakeups < 10; wakeups += 1) {
      const { nextDeadline } = evaluateClock(clock, newYork, now);
      if (nextDeadline === null) break;
      expect(nextDeadline.at).toBeGreaterThan(now);
      now = nextDeadline.at;
      const evaluation = evaluateClock(clock, newYork, now);
      seen.push(nextDeadline.kind === 'warning' ? `warning ${nextDeadline.threshold}` : 'breach');
      if (nextDeadline.kind === 'warning') expect(evaluation.warningsDue).toContain(nextDeadline.threshold);
      else expect(evaluation.isBreached).toBe(true);
    }
    expect(seen).toEqual(['warning 0.75', 'warning 0.9', 'breach']);
  });
});
