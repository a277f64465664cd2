import { routingRuleSeeds } from '../../db/seed/routing-rule-seeds.js';
import type { AgentCandidate, AssignmentRequest } from '../../src/domain/agent-selection.js';
import type { CaseFacts, RoutingRule } from '../../src/domain/routing.js';
import { at, buildUsCalendar, newYork } from './calendar-fixtures.js';

/** The demo routing rules as the engine sees them (defaults filled in as the table does). */
export const seededRoutingRules: RoutingRule[] = routingRuleSeeds.map((seed) => ({
  code: seed.code,
  name: seed.name,
  position: seed.position,
  conditions: seed.conditions,
  targetQueueCode: seed.targetQueueCode ?? null,
  requiredSkills: seed.requiredSkills ?? [],
  priorityAdjustment: seed.priorityAdjustment ?? 0,
  requiresSeniorHandler: seed.requiresSeniorHandler ?? false,
  isFinal: seed.isFinal ?? false,
  isActive: seed.isActive ?? true,
}));

/** A rule that matches everything and changes nothing, unless overridden. */
export function buildRule(overrides: Partial<RoutingRule> & Pick<RoutingRule, 'code'>): RoutingRule {
  return {
    name: overrides.code,
    position: 100,
    conditions: {},
    targetQueueCode: null,
    requiredSkills: [],
    priorityAdjustment: 0,
    requiresSeniorHandler: false,
    isFinal: false,
    isActive: true,
    ...overrides,
  };
}

/** A standard customer's simple information request by phone, in English, unless overridden. */
export function buildFacts(overrides: Partial<CaseFacts> = {}): CaseFacts {
  return {
    caseType: 'information_request',
    channel: 'phone',
    segment: 'standard',
    complexity: 'simple',
    priority: 'P3',
    language: 'en',
    regionCode: 'us_eastern',
    tags: [],
    isUrgent: false,
    ...overrides,
  };
}

/** Wednesday 2026-11-18 10:00 in Los Angeles: business hours in every US zone. */
export const businessHoursNow = at('2026-11-18T18:00:00Z');
/** Saturday: nobody's business hours. */
export const weekendNow = at('2026-11-21T18:00:00Z');

let agentCount = 0;

/** An online New York handler with room for 10 points and no skills, unless overridden. */
export function buildCandidate(overrides: Partial<AgentCandidate> = {}): AgentCandidate {
  agentCount += 1;
  return {
    agentId: `agent-${String(agentCount).padStart(3, '0')}`,
    displayName: `Agent ${agentCount}`,
    isSeniorHandler: false,
    availability: 'online',
    capacityPoints: 10,
    loadPoints: 0,
    skills: {},
    languages: ['en'],
    calendar: newYork,
    lastAssignedAtMs: null,
    ...overrides,
  };
}

export function buildRequest(overrides: Partial<AssignmentRequest> = {}): AssignmentRequest {
  return { requiredSkills: [], requiredLanguage: 'en', isSeniorRequired: false, priority: 'P3', now: businessHoursNow, ...overrides };
}

export const losAngelesCalendar = buildUsCalendar('America/Los_Angeles');
