import { and, asc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { CasePriority } from '../src/domain/case-vocabulary.js';
import type { RequiredSkill } from '../src/domain/routing.js';
import type { DbOrTx } from './agent-repository.js';
import { caseAssignments, cases } from './schema.js';

/** The current assignment of an open case: its handler and reserved points, or its wait. */
export interface CaseAssignmentState {
  caseId: string;
  queueCode: string | null;
  priority: CasePriority;
  agentId: string | null;
  loadPoints: number;
  requiredSkills: RequiredSkill[];
  requiredLanguage: string | null;
  isSeniorRequired: boolean;
  waitingSince: Date | null;
  eventSequence: number;
  routingDecisionId: string | null;
  assignedAt: Date | null;
}

export function toCaseAssignmentState(row: typeof caseAssignments.$inferSelect): CaseAssignmentState {
  return {
    caseId: row.caseId,
    queueCode: row.queueCode,
    priority: row.priority,
    agentId: row.agentId,
    loadPoints: row.loadPoints,
    requiredSkills: row.requiredSkills,
    requiredLanguage: row.requiredLanguage,
    isSeniorRequired: row.isSeniorRequired,
    waitingSince: row.waitingSince,
    eventSequence: row.eventSequence,
    routingDecisionId: row.routingDecisionId,
    assignedAt: row.assignedAt,
  };
}

/**
 * Locks the case row for the rest of the transaction: every assignment change of one case goes
 * through this lock, so two of them never interleave. `FOR NO KEY UPDATE` leaves foreign-key
 * checks of other rows free. Returns false when the case does not exist (or, with `skipLocked`,
 * is being changed by another transaction right now).
 */
export async function lockCase(db: DbOrTx, caseId: string, options: { skipLocked?: boolean } = {}): Promise<boolean> {
  const rows = await db.execute(sql`select id from cases where id = ${caseId} for no key update ${options.skipLocked ? sql`skip locked` : sql``}`);
  return rows.length === 1;
}

/** The workflow id of a case (`case-<number>`), for signalling it. */
export async function findWorkflowId(db: DbOrTx, caseId: string): Promise<string> {
  const [row] = await db.select({ workflowId: cases.workflowId }).from(cases).where(eq(cases.id, caseId));
  if (!row) throw new Error(`case ${caseId} does not exist`);
  return row.workflowId;
}

export async function findCaseAssignment(db: DbOrTx, caseId: string): Promise<CaseAssignmentState | null> {
  const [row] = await db.select().from(caseAssignments).where(eq(caseAssignments.caseId, caseId)).limit(1);
  return row ? toCaseAssignmentState(row) : null;
}

export async function listCaseAssignments(db: DbOrTx, caseIds: string[]): Promise<CaseAssignmentState[]> {
  if (caseIds.length === 0) return [];
  const rows = await db.select().from(caseAssignments).where(inArray(caseAssignments.caseId, caseIds)).orderBy(asc(caseAssignments.caseId));
  return rows.map(toCaseAssignmentState);
}

/** Writes the case's assignment and mirrors it on the case row that lists and supervisors read. */
export async function saveCaseAssignment(db: DbOrTx, state: CaseAssignmentState): Promise<void> {
  const { caseId, ...values } = state;
  await db
    .insert(caseAssignments)
    .values({ caseId, ...values, updatedAt: new Date() })
    .onConflictDoUpdate({ target: caseAssignments.caseId, set: { ...values, updatedAt: new Date() } });
  await db
    .update(cases)
    .set({ assigneeAgentId: state.agentId, queueCode: state.queueCode, awaitingAssignmentSince: state.waitingSince, updatedAt: new Date() })
    .where(eq(cases.id, caseId));
}

/** Removes the assignment (the case is resolved); the case row keeps who handled it. */
export async function deleteCaseAssignment(db: DbOrTx, caseId: string): Promise<void> {
  await db.delete(caseAssignments).where(eq(caseAssignments.caseId, caseId));
  await db.update(cases).set({ awaitingAssignmentSince: null, updatedAt: new Date() }).where(eq(cases.id, caseId));
}

/** Cases waiting for manual scheduling, most urgent first, then the longest waiting. */
export async function listWaitingCaseIds(db: DbOrTx, options: { queueCode?: string | null; limit: number }): Promise<string[]> {
  const inQueue = options.queueCode ? eq(caseAssignments.queueCode, options.queueCode) : undefined;
  const rows = await db
    .select({ caseId: caseAssignments.caseId })
    .from(caseAssignments)
    .where(and(isNotNull(caseAssignments.waitingSince), inQueue))
    .orderBy(asc(caseAssignments.priority), asc(caseAssignments.waitingSince), asc(caseAssignments.caseId))
    .limit(options.limit);
  return rows.map((row) => row.caseId);
}
