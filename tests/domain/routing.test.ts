import { describe, expect, it } from 'vitest';
import { adjustPriority, evaluateRoutingRules, matchRoutingConditions, type RoutingConditions } from '../../src/domain/routing.js';
import { buildFacts, buildRule, seededRoutingRules } from './routing-fixtures.js';

describe('matchRoutingConditions', () => {
  it.each<[string, RoutingConditions, Parameters<typeof buildFacts>[0], boolean]>([
    ['empty conditions match every case', {}, {}, true],
    ['case type listed', { caseTypes: ['dispute', 'information_request'] }, {}, true],
    ['case type not listed', { caseTypes: ['dispute'] }, {}, false],
    ['channel listed', { channels: ['email'] }, { channel: 'email' }, true],
    ['segment not listed', { segments: ['vip'] }, { segment: 'standard' }, false],
    ['complexity listed', { complexities: ['complex'] }, { complexity: 'complex' }, true],
    ['priority listed', { priorities: ['P1', 'P2'] }, { priority: 'P2' }, true],
    ['language not listed', { languages: ['es'] }, { language: 'en' }, false],
    ['region listed', { regions: ['us_pacific'] }, { regionCode: 'us_pacific' }, true],
    ['one of the tags present', { tagsAny: ['api-integration', 'webhook'] }, { tags: ['billing', 'webhook'] }, true],
    ['none of the tags present', { tagsAny: ['api-integration'] }, { tags: ['billing'] }, false],
    ['urgent flag equal', { isUrgent: true }, { isUrgent: true }, true],
    ['urgent flag differs', { isUrgent: true }, { isUrgent: false }, false],
    ['every present field must hold', { segments: ['vip'], complexities: ['complex'] }, { segment: 'vip', complexity: 'simple' }, false],
  ])('%s', (_name, conditions, facts, isMatch) => {
    expect(matchRoutingConditions(conditions, buildFacts(facts)).isMatch).toBe(isMatch);
  });

  it('gives one reason per condition that held', () => {
    const match = matchRoutingConditions({ segments: ['vip'], tagsAny: ['x', 'y'] }, buildFacts({ segment: 'vip', tags: ['y'] }));
    expect(match.reasons).toEqual(['segment vip is one of [vip]', 'tag y is one of [x, y]']);
  });
});

describe('adjustPriority', () => {
  it.each([
    ['P3', -1, 'P2'],
    ['P1', -1, 'P1'],
    ['P4', 2, 'P4'],
    ['P2', 1, 'P3'],
    ['P4', -5, 'P1'],
  ] as const)('%s moved by %i is %s', (priority, levels, expected) => {
    expect(adjustPriority(priority, levels)).toBe(expected);
  });
});

describe('evaluateRoutingRules with the demo rules', () => {
  it.each([
    ['a complaint goes to Complaints, senior, complaint handling 3', { caseType: 'complaint' }, 'complaints', 'P3', [{ skillCode: 'complaint_handling', minLevel: 3 }], true, ['formal_complaints']],
    ['an API integration error goes to Technical Support (A-1)', { caseType: 'technical_issue', tags: ['api-integration'], priority: 'P2' as const }, 'technical_support', 'P2', [{ skillCode: 'api_integration', minLevel: 3 }], false, ['api_integration']],
    ['a complex VIP case goes to the priority desk, one level up, senior', { caseType: 'dispute', segment: 'vip' as const, complexity: 'complex' as const }, 'priority_clients', 'P2', [], true, ['complex_priority_clients']],
    ['a simple VIP payment issue is raised one level and goes to Payments', { caseType: 'payment_issue', segment: 'vip' as const }, 'payments', 'P2', [{ skillCode: 'payments', minLevel: 2 }], false, ['vip_priority_boost', 'payment_issues']],
    ['a VIP P2 payment issue becomes critical and so needs a senior', { caseType: 'payment_issue', segment: 'vip' as const, priority: 'P2' as const }, 'payments', 'P1', [{ skillCode: 'payments', minLevel: 2 }], true, ['vip_priority_boost', 'payment_issues']],
    ['a login problem goes to Login', { caseType: 'account_access' }, 'login', 'P3', [{ skillCode: 'account_access', minLevel: 2 }], false, ['account_access']],
    ['a refund goes to Refunds', { caseType: 'refund_request', priority: 'P4' as const }, 'refunds', 'P4', [{ skillCode: 'refunds', minLevel: 2 }], false, ['refunds']],
  ])('%s', (_name, facts, queueCode, priority, requiredSkills, isSeniorRequired, matchedCodes) => {
    const decision = evaluateRoutingRules(seededRoutingRules, buildFacts(facts));
    expect(decision).toMatchObject({ queueCode, priority, requiredSkills, isSeniorRequired });
    expect(decision.matchedRules.map((rule) => rule.ruleCode)).toEqual(matchedCodes);
  });

  it('explains the A-1 match with the rule and the tag that triggered it', () => {
    const decision = evaluateRoutingRules(seededRoutingRules, buildFacts({ caseType: 'technical_issue', tags: ['api-integration'], priority: 'P2' }));
    expect(decision.matchedRules).toEqual([
      { ruleCode: 'api_integration', ruleName: 'API integration errors to integration specialists', reasons: ['tag api-integration is one of [api-integration]'] },
    ]);
    expect(decision.reasons[0]).toContain('rule api_integration');
  });
});

describe('evaluateRoutingRules semantics', () => {
  it('stops at the first matching final rule', () => {
    const rules = [buildRule({ code: 'first', position: 1, targetQueueCode: 'a', isFinal: true }), buildRule({ code: 'second', position: 2, targetQueueCode: 'b' })];
    expect(evaluateRoutingRules(rules, buildFacts()).matchedRules.map((rule) => rule.ruleCode)).toEqual(['first']);
  });

  it('takes the queue of the earliest match and the highest level of each skill', () => {
    const rules = [
      buildRule({ code: 'late', position: 20, targetQueueCode: 'late_queue', requiredSkills: [{ skillCode: 'payments', minLevel: 4 }] }),
      buildRule({ code: 'early', position: 10, targetQueueCode: 'early_queue', requiredSkills: [{ skillCode: 'payments', minLevel: 2 }, { skillCode: 'disputes', minLevel: 1 }] }),
    ];
    const decision = evaluateRoutingRules(rules, buildFacts());
    expect(decision.queueCode).toBe('early_queue');
    expect(decision.requiredSkills).toEqual([
      { skillCode: 'disputes', minLevel: 1 },
      { skillCode: 'payments', minLevel: 4 },
    ]);
  });

  it('ignores inactive rules', () => {
    const decision = evaluateRoutingRules([buildRule({ code: 'off', targetQueueCode: 'x', isActive: false })], buildFacts());
    expect(decision.matchedRules).toEqual([]);
    expect(decision.queueCode).toBeNull();
  });

  it("falls back to the case type's queue, skills and seniority when no rule sets them", () => {
    const decision = evaluateRoutingRules([], buildFacts({ caseTypeDefaults: { queueCode: 'general_inquiries', requiredSkills: [{ skillCode: 'loan_servicing', minLevel: 1 }], requiresSeniorHandler: true } }));
    expect(decision).toMatchObject({ queueCode: 'general_inquiries', requiredSkills: [{ skillCode: 'loan_servicing', minLevel: 1 }], isSeniorRequired: true });
  });

  it('requires a senior handler for a formal complaint whatever its type', () => {
    const decision = evaluateRoutingRules([], buildFacts({ complaintClassification: 'formal_complaint' }));
    expect(decision.isSeniorRequired).toBe(true);
    expect(decision.reasons).toContain('formal complaints go to senior handlers');
  });

  it('requires a senior handler for a critical case', () => {
    expect(evaluateRoutingRules([], buildFacts({ priority: 'P1' })).isSeniorRequired).toBe(true);
    expect(evaluateRoutingRules([], buildFacts({ priority: 'P2' })).isSeniorRequired).toBe(false);
  });

  it("requires the customer's language", () => {
    expect(evaluateRoutingRules([], buildFacts({ language: 'es' })).requiredLanguage).toBe('es');
  });
});
