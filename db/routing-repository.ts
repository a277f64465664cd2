import { and, asc, eq } from 'drizzle-orm';
import type { CandidateVerdict } from '../src/domain/agent-selection.js';
import type { CasePriority } from '../src/domain/case-vocabulary.js';
import type { CaseFacts, RequiredSkill, RoutingRule } from '../src/domain/routing.js';
import type { DbOrTx } from './agent-repository.js';
import { caseTypes, routingDecisions, routingRules } from './schema.js';

export type RoutingOutcome = 'assigned' | 'manual_scheduling';

/** A stored routing decision: what was decided for one case event and why. */
export interface StoredRoutingDecision {
  routingDecisionId: string;
  caseId: string;
  eventSequence: number;
  outcome: RoutingOutcome;
  queueCode: string | null;
  agentId: string | null;
  matchedRuleCodes: string[];
  candidates: CandidateVerdict[];
  reasons: string[];
  decidedAt: Date;
  /** The priority after rule adjustments. */
  priority: CasePriority;
  requiredSkills: RequiredSkill[];
  isSeniorRequired: boolean;
  /** Points reserved on the handler (the priority's weight). */
  loadPoints: number;
}

/** The active routing rules in evaluation order. */
export async function listActiveRoutingRules(db: DbOrTx): Promise<RoutingRule[]> {
  const rows = await db.select().from(routingRules).where(eq(routingRules.isActive, true)).orderBy(asc(routingRules.position));
  return rows.map((row) => ({
    code: row.code,
    name: row.name,
    position: row.position,
    conditions: row.conditions,
    targetQueueCode: row.targetQueueCode,
    requiredSkills: row.requiredSkills,
    priorityAdjustment: row.priorityAdjustment,
    requiresSeniorHandler: row.requiresSeniorHandler,
    isFinal: row.isFinal,
    isActive: row.isActive,
  }));
}

/** A case type's own routing defaults; its required skills count at level 1. Null: unknown type. */
export async function findCaseTypeRoutingDefaults(db: DbOrTx, caseTypeCode: string): Promise<CaseFacts['caseTypeDefaults'] | null> {
  const [row] = await db
    .select({ queueCode: caseTypes.defaultQueueCode, skillCodes: caseTypes.requiredSkillCodes, requiresSeniorHandler: caseTypes.requiresSeniorHandler })
    .from(caseTypes)
    .where(eq(caseTypes.code, caseTypeCode))
    .limit(1);
  if (!row) return null;
  return { queueCode: row.queueCode, requiredSkills: row.skillCodes.map((skillCode) => ({ skillCode, minLevel: 1 })), requiresSeniorHandler: row.requiresSeniorHandler };
}

export function toStoredDecision(row: typeof routingDecisions.$inferSelect): StoredRoutingDecision {
  return {
    routingDecisionId: row.id,
    caseId: row.caseId,
    eventSequence: row.eventSequence,
    outcome: row.outcome === 'assigned' ? 'assigned' : 'manual_scheduling',
    queueCode: row.queueCode,
    agentId: row.agentId,
    matchedRuleCodes: row.matchedRuleCodes,
    candidates: row.candidates as unknown as CandidateVerdict[],
    reasons: row.reasons,
    decidedAt: row.decidedAt,
    priority: row.priority ?? 'P3',
    requiredSkills: row.requiredSkills,
    isSeniorRequired: row.isSeniorRequired,
    loadPoints: row.loadPoints,
  };
}

export async function findRoutingDecision(db: DbOrTx, caseId: string, eventSequence: number): Promise<StoredRoutingDecision | null> {
  const [row] = await db
    .select()
    .from(routingDecisions)
    .where(and(eq(routingDecisions.caseId, caseId), eq(routingDecisions.eventSequence, eventSequence)))
    .limit(1);
  return row ? toStoredDecision(row) : null;
}

export async function findRoutingDecisionById(db: DbOrTx, routingDecisionId: string): Promise<StoredRoutingDecision | null> {
  const [row] = await db.select().from(routingDecisions).where(eq(routingDecisions.id, routingDecisionId)).limit(1);
  return row ? toStoredDecision(row) : null;
}

export async function insertRoutingDecision(db: DbOrTx, decision: Omit<StoredRoutingDecision, 'routingDecisionId'>): Promise<StoredRoutingDecision> {
  const [row] = await db
    .insert(routingDecisions)
    .values({ ...decision, candidates: decision.candidates as unknown as Array<Record<string, unknown>> })
    .returning();
  return toStoredDecision(row!);
}

/**
 * Rewrites a decision after the fact (a waiting case dispatched, a supervisor's reassignment):
 * the reasons keep the earlier ones and add why it changed.
 */
export async function updateRoutingDecision(
  db: DbOrTx,
  routingDecisionId: string,
  change: { outcome: RoutingOutcome; agentId: string | null; loadPoints: number; candidates?: CandidateVerdict[]; reasons: string[] },
): Promise<void> {
  await db
    .update(routingDecisions)
    .set({
      outcome: change.outcome,
      agentId: change.agentId,
      loadPoints: change.loadPoints,
      reasons: change.reasons,
      ...(change.candidates ? { candidates: change.candidates as unknown as Array<Record<string, unknown>> } : {}),
    })
    .where(eq(routingDecisions.id, routingDecisionId));
}
