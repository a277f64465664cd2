import { describe, expect, it } from 'vitest';
import { type CasePriority, type CaseType, type CustomerSegment } from '../../src/domain/case-vocabulary.js';
import { type SlaSpan } from '../../src/domain/sla-clock.js';
import { defaultSlaPolicy, resolveSlaTargets, validateSlaPolicy, type SlaPolicy } from '../../src/domain/sla-policy.js';

const hours = (amount: number): SlaSpan => ({ amount, unit: 'hours', mode: 'business' });
const minutes = (amount: number): SlaSpan => ({ amount, unit: 'minutes', mode: 'business' });

describe('defaultSlaPolicy targets (lending story business rule 1)', () => {
  it.each<[CaseType, CasePriority, CustomerSegment, boolean, SlaSpan, SlaSpan, string, string]>([
    ['information_request', 'P3', 'standard', false, hours(4), hours(24), 'information-request', 'information-request'],
    ['payment_issue', 'P2', 'standard', false, hours(1), hours(4), 'payment-issue', 'payment-issue'],
    ['dispute', 'P3', 'standard', false, hours(4), hours(48), 'dispute', 'dispute'],
    ['complaint', 'P2', 'standard', false, hours(8), { amount: 15, unit: 'days', mode: 'business' }, 'formal-complaint', 'formal-complaint'],
    ['information_request', 'P4', 'standard', true, minutes(30), hours(2), 'urgent', 'urgent'],
    ['dispute', 'P1', 'standard', false, minutes(15), hours(4), 'p1-critical', 'p1-critical'],
    ['information_request', 'P3', 'vip', false, minutes(30), hours(24), 'vip-first-response', 'information-request'],
    ['dispute', 'P3', 'institutional', false, hours(1), hours(48), 'institutional-first-response', 'dispute'],
    ['payment_issue', 'P1', 'vip', false, minutes(15), hours(4), 'p1-critical', 'p1-critical'],
    ['complaint', 'P4', 'vip', true, minutes(30), hours(2), 'urgent', 'urgent'],
  ])('%s %s %s urgent=%s', (caseType, priority, segment, isUrgent, firstResponse, resolution, firstRule, resolutionRule) => {
    const result = resolveSlaTargets(defaultSlaPolicy, { caseType, priority, segment, isUrgent });
    expect(result).toEqual({
      ok: true,
      policyId: 'default',
      policyVersion: 1,
      targets: {
        firstResponse: { span: firstResponse, warningThresholds: [0.75, 0.9] },
        resolution: { span: resolution, warningThresholds: [0.75, 0.9] },
      },
      matchedRuleIds: { firstResponse: firstRule, resolution: resolutionRule },
    });
  });

  it('keeps the complaint rule and the compliance settings in step (15 days, escalation on day 10)', () => {
    const complaintRule = defaultSlaPolicy.rules.find(({ ruleId }) => ruleId === 'formal-complaint');
    expect(complaintRule?.resolution?.amount).toBe(defaultSlaPolicy.complaint.resolutionBusinessDays);
    expect(defaultSlaPolicy.complaint).toEqual({ complianceEscalationBusinessDay: 10, resolutionBusinessDays: 15 });
  });

  it('sends the CSAT survey 24 h after resolution with a 7-day window and reviews scores below 3', () => {
    expect(defaultSlaPolicy.csat).toEqual({ sendAfterMs: 86_400_000, answerWindowMs: 604_800_000, minIntervalPerCustomerMs: 604_800_000, reviewBelowScore: 3 });
  });

  it('is itself a valid policy', () => {
    expect(validateSlaPolicy(defaultSlaPolicy).ok).toBe(true);
  });
});

describe('resolveSlaTargets with policy data', () => {
  it('refuses when no rule sets a clock for the case', () => {
    const partial: SlaPolicy = { ...defaultSlaPolicy, rules: [{ ruleId: 'disputes', match: { caseType: 'dispute' }, firstResponse: hours(1), resolution: hours(2) }] };
    const result = resolveSlaTargets(partial, { caseType: 'payment_issue', priority: 'P3', segment: 'standard', isUrgent: false });
    expect(result).toMatchObject({ ok: false, error: { code: 'no_matching_sla_rule' } });
  });

  it('takes the first matching rule per clock, in policy order', () => {
    const ordered: SlaPolicy = {
      ...defaultSlaPolicy,
      rules: [
        { ruleId: 'vip-disputes', match: { caseType: 'dispute', segment: 'vip' }, resolution: { amount: 3, unit: 'days', mode: 'calendar' } },
        { ruleId: 'all', match: {}, firstResponse: hours(2), resolution: hours(10) },
      ],
    };
    const vip = resolveSlaTargets(ordered, { caseType: 'dispute', priority: 'P3', segment: 'vip', isUrgent: false });
    expect(vip).toMatchObject({ ok: true, matchedRuleIds: { firstResponse: 'all', resolution: 'vip-disputes' } });
    const standard = resolveSlaTargets(ordered, { caseType: 'dispute', priority: 'P3', segment: 'standard', isUrgent: false });
    expect(standard).toMatchObject({ ok: true, matchedRuleIds: { firstResponse: 'all', resolution: 'all' } });
  });
});

describe('validateSlaPolicy', () => {
  it.each<[string, Partial<SlaPolicy>]>([
    ['a zero span', { rules: [...defaultSlaPolicy.rules, { ruleId: 'zero', match: {}, firstResponse: hours(0) }] }],
    ['fractional days', { rules: [...defaultSlaPolicy.rules, { ruleId: 'half', match: {}, resolution: { amount: 1.5, unit: 'days', mode: 'business' } }] }],
    ['a threshold of 1', { warningThresholds: [0.75, 1] }],
    ['no catch-all rule', { rules: defaultSlaPolicy.rules.filter(({ ruleId }) => ruleId !== 'fallback') }],
    ['escalation after the deadline', { complaint: { complianceEscalationBusinessDay: 15, resolutionBusinessDays: 15 } }],
    ['a non-positive urgent target', { urgent: { firstResponse: minutes(30), resolution: hours(-2) } }],
  ])('refuses %s', (_name, change) => {
    expect(validateSlaPolicy({ ...defaultSlaPolicy, ...change })).toMatchObject({ ok: false, error: { code: 'invalid_sla_policy' } });
  });
});
