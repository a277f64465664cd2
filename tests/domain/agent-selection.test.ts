import { describe, expect, it } from 'vitest';
import { chooseAgent, priorityLoadPoints } from '../../src/domain/agent-selection.js';
import { evaluateRoutingRules } from '../../src/domain/routing.js';
import { buildCandidate, buildFacts, buildRequest, businessHoursNow, losAngelesCalendar, seededRoutingRules, weekendNow } from './routing-fixtures.js';

const apiSkill = [{ skillCode: 'api_integration', minLevel: 3 }];

describe('chooseAgent exclusions', () => {
  it.each([
    ['offline', buildCandidate({ availability: 'offline' }), buildRequest(), 'is offline'],
    ['away', buildCandidate({ availability: 'away' }), buildRequest(), 'is away'],
    ['outside business hours', buildCandidate(), buildRequest({ now: weekendNow }), 'is outside the business hours of their region (America/New_York)'],
    ['missing skill', buildCandidate(), buildRequest({ requiredSkills: apiSkill }), 'lacks skill api_integration'],
    ['skill below the minimum', buildCandidate({ skills: { api_integration: 2 } }), buildRequest({ requiredSkills: apiSkill }), 'has api_integration at level 2, below 3'],
    ['language', buildCandidate({ languages: ['en'] }), buildRequest({ requiredLanguage: 'es' }), 'does not speak es'],
    ['not senior', buildCandidate(), buildRequest({ isSeniorRequired: true }), 'is not a senior handler'],
    ['full for a P1', buildCandidate({ loadPoints: 8 }), buildRequest({ priority: 'P1' }), 'has no spare capacity (8/10 points, needs 3)'],
  ])('excludes a handler who is %s', (_name, candidate, request, reason) => {
    const choice = chooseAgent([candidate], request);
    expect(choice.agentId).toBeNull();
    expect(choice.candidates).toEqual([expect.objectContaining({ agentId: candidate.agentId, status: 'excluded', reasons: [reason] })]);
    expect(choice.reasons[0]).toContain('manual scheduling');
  });

  it('takes a handler whose load plus the case exactly fills their capacity', () => {
    const candidate = buildCandidate({ loadPoints: 7 });
    expect(chooseAgent([candidate], buildRequest({ priority: 'P1' })).agentId).toBe(candidate.agentId);
  });

  it('weighs cases by priority: P1=3, P2=2, P3=1, P4=1', () => {
    expect(priorityLoadPoints).toEqual({ P1: 3, P2: 2, P3: 1, P4: 1 });
  });
});

describe('chooseAgent ranking', () => {
  it('prefers the best skill match over a lower load', () => {
    const expert = buildCandidate({ skills: { api_integration: 5 }, loadPoints: 6 });
    const adequate = buildCandidate({ skills: { api_integration: 3 } });
    expect(chooseAgent([adequate, expert], buildRequest({ requiredSkills: apiSkill })).agentId).toBe(expert.agentId);
  });

  it('prefers the lowest load (as a share of capacity) between equal skills', () => {
    const busy = buildCandidate({ loadPoints: 4, capacityPoints: 10 });
    const lighter = buildCandidate({ loadPoints: 5, capacityPoints: 20 });
    expect(chooseAgent([busy, lighter], buildRequest()).agentId).toBe(lighter.agentId);
  });

  it('prefers the longest idle between equal skills and load, never-assigned first', () => {
    const recent = buildCandidate({ lastAssignedAtMs: businessHoursNow - 60_000 });
    const longAgo = buildCandidate({ lastAssignedAtMs: businessHoursNow - 3_600_000 });
    const never = buildCandidate({ lastAssignedAtMs: null });
    expect(chooseAgent([recent, longAgo], buildRequest()).agentId).toBe(longAgo.agentId);
    expect(chooseAgent([recent, longAgo, never], buildRequest()).agentId).toBe(never.agentId);
  });

  it('breaks a complete tie by agent id, whatever the input order', () => {
    const b = buildCandidate({ agentId: 'b' });
    const a = buildCandidate({ agentId: 'a' });
    expect(chooseAgent([b, a], buildRequest()).agentId).toBe('a');
    expect(chooseAgent([a, b], buildRequest()).agentId).toBe('a');
  });

  it('lists every candidate: ranked ones first with why they lost, then the excluded', () => {
    const first = buildCandidate({ skills: { api_integration: 5 } });
    const second = buildCandidate({ skills: { api_integration: 4 } });
    const offline = buildCandidate({ skills: { api_integration: 5 }, availability: 'offline' });
    const choice = chooseAgent([offline, second, first], buildRequest({ requiredSkills: apiSkill }));
    expect(choice.candidates.map((candidate) => [candidate.agentId, candidate.status])).toEqual([
      [first.agentId, 'ranked'],
      [second.agentId, 'ranked'],
      [offline.agentId, 'excluded'],
    ]);
    expect(choice.candidates[1]!.reasons[0]).toBe('ranked 2: weaker skill match');
  });
});

describe('test case A-1: a high-priority "API Integration Error" goes to Li Lei', () => {
  it('assigns Li Lei, who has API Integration, with the matched rule and the reasoning', () => {
    const routing = evaluateRoutingRules(seededRoutingRules, buildFacts({ caseType: 'technical_issue', priority: 'P2', tags: ['api-integration'], channel: 'portal' }));
    const liLei = buildCandidate({ agentId: 'li-lei', displayName: 'Li Lei', skills: { api_integration: 5, loan_servicing: 3 }, languages: ['en', 'zh'], calendar: losAngelesCalendar });
    const emilyChen = buildCandidate({ agentId: 'emily-chen', displayName: 'Emily Chen', skills: { account_access: 5, api_integration: 2 }, calendar: losAngelesCalendar });
    const choice = chooseAgent([emilyChen, liLei], { ...routing, now: businessHoursNow });
    expect(routing.matchedRules.map((rule) => rule.ruleCode)).toEqual(['api_integration']);
    expect(choice.agentId).toBe('li-lei');
    expect(choice.loadPoints).toBe(2);
    expect(choice.reasons[0]).toMatch(/^Li Lei chosen from 1 qualified of 2 candidates/);
    expect(choice.candidates.find((candidate) => candidate.agentId === 'emily-chen')?.reasons).toEqual(['has api_integration at level 2, below 3']);
  });
});
