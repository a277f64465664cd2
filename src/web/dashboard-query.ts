import { and, asc, count, desc, eq, inArray, isNull, lt, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { agents, cases } from '../../db/schema.js';
import { openCaseStatuses } from '../domain/case-vocabulary.js';

export interface CountBy {
  key: string;
  count: number;
}

export interface DashboardFigures {
  byStatus: CountBy[];
  openByPriority: CountBy[];
  openBySlaState: CountBy[];
  openByQueue: CountBy[];
  openByAgent: CountBy[];
  unassigned: Array<{ caseId: string; caseNumber: number; subject: string; priority: string; queue: string | null; waitingSince: Date | null }>;
  /** Answered surveys below the review threshold, newest first. */
  lowCsat: Array<{ caseId: string; caseNumber: number; subject: string; score: number | null; isResolved: boolean | null }>;
}

/** Scores below this are reviewed by a supervisor (the lending story's CSAT rule). */
const lowCsatBelow = 3;

const isOpen = inArray(cases.status, [...openCaseStatuses]);

async function countBy(db: Db, column: typeof cases.status | typeof cases.priority | typeof cases.slaState | typeof cases.queueCode, onlyOpen: boolean): Promise<CountBy[]> {
  const rows = await db.select({ key: column, count: count() }).from(cases).where(onlyOpen ? isOpen : undefined).groupBy(column).orderBy(asc(column));
  return rows.map((row) => ({ key: String(row.key ?? 'none'), count: Number(row.count) }));
}

/**
 * The supervisor dashboard's figures in a few grouped counts over the read model (indexed by
 * status), so the page renders in one round of queries however many cases there are.
 */
export async function readDashboardFigures(db: Db): Promise<DashboardFigures> {
  const [byStatus, openByPriority, openBySlaState, openByQueue, agentRows, unassigned, lowCsat] = await Promise.all([
    countBy(db, cases.status, false),
    countBy(db, cases.priority, true),
    countBy(db, cases.slaState, true),
    countBy(db, cases.queueCode, true),
    db.select({ key: agents.displayName, count: count() }).from(cases).innerJoin(agents, eq(agents.id, cases.assigneeAgentId)).where(isOpen).groupBy(agents.displayName).orderBy(sql`count(*) desc`).limit(10),
    db
      .select({ caseId: cases.id, caseNumber: cases.caseNumber, subject: cases.subject, priority: cases.priority, queue: cases.queueCode, waitingSince: cases.awaitingAssignmentSince })
      .from(cases)
      .where(and(isOpen, isNull(cases.assigneeAgentId)))
      .orderBy(asc(cases.priority), asc(cases.createdAt))
      .limit(25),
    db
      .select({ caseId: cases.id, caseNumber: cases.caseNumber, subject: cases.subject, score: cases.csatScore, isResolved: cases.csatIsResolved })
      .from(cases)
      .where(lt(cases.csatScore, lowCsatBelow))
      .orderBy(desc(cases.updatedAt))
      .limit(10),
  ]);
  return { byStatus, openByPriority, openBySlaState, openByQueue, openByAgent: agentRows.map((row) => ({ key: row.key, count: Number(row.count) })), unassigned, lowCsat };
}
