import { describe, expect, it } from 'vitest';
import { classifyAtIntake, isResponseRequired, isWrittenResponseRequired, reclassifyComplaint } from '../../src/domain/complaint-classification.js';

const receivedAt = Date.parse('2026-03-02T10:00-05:00');
const reviewedAt = Date.parse('2026-03-04T10:00-05:00');

describe('complaint classification', () => {
  it('classifies a complaint case as a formal complaint and anything else as an inquiry unless told', () => {
    expect(classifyAtIntake({ caseType: 'complaint' })).toBe('formal_complaint');
    expect(classifyAtIntake({ caseType: 'dispute' })).toBe('inquiry');
    expect(classifyAtIntake({ caseType: 'complaint', classification: 'feedback' })).toBe('feedback');
  });

  it('owes no response to feedback and a written one to a formal complaint', () => {
    expect(isResponseRequired('feedback')).toBe(false);
    expect(isResponseRequired('inquiry')).toBe(true);
    expect(isWrittenResponseRequired('formal_complaint')).toBe(true);
    expect(isWrittenResponseRequired('inquiry')).toBe(false);
  });

  it.each([
    ['inquiry', 'formal_complaint', 'start', receivedAt],
    ['formal_complaint', 'inquiry', 'stop', null],
    ['formal_complaint', 'feedback', 'stop', null],
    ['inquiry', 'feedback', 'none', null],
  ] as const)('reclassifying from %s to %s does %s to the clocks', (from, to, clockAction, countFrom) => {
    const result = reclassifyComplaint({ from, to, reason: 'reviewed by the senior handler', at: reviewedAt, receivedAt });
    expect(result).toMatchObject({ ok: true, change: { from, to, clockAction, clocksCountFromAt: countFrom, reason: 'reviewed by the senior handler' } });
  });

  it('refuses a reclassification without a reason or without a change', () => {
    expect(reclassifyComplaint({ from: 'inquiry', to: 'formal_complaint', reason: ' ', at: reviewedAt, receivedAt })).toMatchObject({ ok: false, error: { code: 'reason_required' } });
    expect(reclassifyComplaint({ from: 'inquiry', to: 'inquiry', reason: 'x', at: reviewedAt, receivedAt })).toMatchObject({ ok: false, error: { code: 'no_change' } });
  });
});
