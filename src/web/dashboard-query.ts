import { and, asc, count, desc, eq, gte, isNotNull, isNull, lt, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { agents, cases, surveys } from '../../db/schema.js';
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
  csatTrend: CsatWeek[];
  slaCompliance: SlaCompliance;
}

/** One calendar week (Monday 00:00 UTC onwards) of a trend. */
export interface TrendWeek {
  weekStart: Date;
}

export interface CsatWeek extends TrendWeek {
  responses: number;
  /** Mean of the week's 1–5 scores; null when nobody answered. */
  averageScore: number | null;
}

export interface SlaTally {
  /** Cases resolved in the period. */
  resolved: number;
  /** Of those, resolved after their resolution target (the resolution clock breached). */
  breached: number;
}

export interface SlaCompliance {
  byWeek: Array<TrendWeek & SlaTally>;
  /** Over the whole trend period, largest queue first. */
  byQueue: Array<SlaTally & { queue: string }>;
}

/** Weeks the trend charts cover, the current (partial) week last. */
export const trendWeekCount = 12;
const weekMs = 7 * 24 * 3_600_000;

/** The Mondays 00:00 UTC of the `weekCount` weeks up to and including the one holding `now`, oldest first. */
export function listTrendWeeks(now: Date, weekCount: number): Date[] {
  const midnight = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const daysSinceMonday = (now.getUTCDay() + 6) % 7;
  const currentWeekStartMs = midnight - daysSinceMonday * 24 * 3_600_000;
  return Array.from({ length: weekCount }, (_, index) => new Date(currentWeekStartMs - (weekCount - 1 - index) * weekMs));
}

/** Scores below this are reviewed by a supervisor (the lending story's CSAT rule). */
const lowCsatBelow = 3;

// Written out, not bound: only a literal list lets the planner match the partial index of open
// cases (cases_open_facts_idx) in every plan, including the generic plan of a prepared statement.
const isOpen = sql`${cases.status} in (${sql.raw(openCaseStatuses.map((status) => `'${status}'`).join(', '))})`;

async function countBy(db: Db, column: typeof cases.status | typeof cases.priority | typeof cases.slaState | typeof cases.queueCode, onlyOpen: boolean): Promise<CountBy[]> {
  const rows = await db.select({ key: column, count: count() }).from(cases).where(onlyOpen ? isOpen : undefined).groupBy(column).orderBy(asc(column));
  return rows.map((row) => ({ key: String(row.key ?? 'none'), count: Number(row.count) }));
}

// The week of a row, 0 = the oldest: a binary search over the weeks' start instants. Inlined (our
// own ISO strings), because with bound parameters the grouped expression would not equal the
// selected one and Postgres would refuse the query.
const weekIndexOf = (column: typeof surveys.answeredAt | typeof cases.resolvedAt, weeks: Date[]) =>
  sql<number>`width_bucket(${column}, array[${sql.raw(weeks.map((week) => `'${week.toISOString()}'`).join(', '))}]::timestamptz[]) - 1`;

/** Weekly average CSAT score and number of answers, from the answered surveys (indexed by answer time). */
async function readCsatTrend(db: Db, weeks: Date[]): Promise<CsatWeek[]> {
  const fromAt = weeks[0]!;
  const weekIndex = weekIndexOf(surveys.answeredAt, weeks);
  const rows = await db
    .select({ weekIndex, responses: count(), scoreSum: sql<string>`sum(${surveys.score})` })
    .from(surveys)
    .where(and(gte(surveys.answeredAt, fromAt), isNotNull(surveys.score)))
    .groupBy(weekIndex);
  const byIndex = new Map(rows.map((row) => [Number(row.weekIndex), row]));
  return weeks.map((weekStart, index) => {
    const row = byIndex.get(index);
    const responses = Number(row?.responses ?? 0);
    return { weekStart, responses, averageScore: responses > 0 ? Number(row!.scoreSum) / responses : null };
  });
}

/**
 * Resolved cases per week of resolution and per queue, met vs breached against their resolution
 * target: one grouped scan of the cases resolved in the trend period.
 */
async function readSlaCompliance(db: Db, weeks: Date[]): Promise<SlaCompliance> {
  const fromAt = weeks[0]!;
  const weekIndex = weekIndexOf(cases.resolvedAt, weeks);
  const rows = await db
    .select({ weekIndex, queue: cases.queueCode, resolved: count(), breached: sql<string>`count(*) filter (where ${cases.isResolutionBreached})` })
    .from(cases)
    .where(gte(cases.resolvedAt, fromAt))
    .groupBy(weekIndex, cases.queueCode);
  const byWeek = weeks.map((weekStart) => ({ weekStart, resolved: 0, breached: 0 }));
  const byQueue = new Map<string, SlaTally & { queue: string }>();
  for (const row of rows) {
    const tally = { resolved: Number(row.resolved), breached: Number(row.breached) };
    const week = byWeek[Number(row.weekIndex)];
    if (week) {
      week.resolved += tally.resolved;
      week.breached += tally.breached;
    }
    const queue = row.queue ?? 'none';
    const queueTally = byQueue.get(queue) ?? { queue, resolved: 0, breached: 0 };
    queueTally.resolved += tally.resolved;
    queueTally.breached += tally.breached;
    byQueue.set(queue, queueTally);
  }
  return { byWeek, byQueue: [...byQueue.values()].sort((a, b) => b.resolved - a.resolved || a.queue.localeCompare(b.queue)) };
}

/**
 * The supervisor dashboard's figures in a few grouped counts over the read model (indexed by
 * status), so the page renders in one round of queries however many cases there are.
 */
export async function readDashboardFigures(db: Db, now: Date): Promise<DashboardFigures> {
  const weeks = listTrendWeeks(now, trendWeekCount);
  const [byStatus, openByPriority, openBySlaState, openByQueue, agentRows, unassigned, lowCsat, csatTrend, slaCompliance] = await Promise.all([
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
    readCsatTrend(db, weeks),
    readSlaCompliance(db, weeks),
  ]);
  const openByAgent = agentRows.map((row) => ({ key: row.key, count: Number(row.count) }));
  return { byStatus, openByPriority, openBySlaState, openByQueue, openByAgent, unassigned, lowCsat, csatTrend, slaCompliance };
}
