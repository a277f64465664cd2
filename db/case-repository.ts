import { asc, eq, sql } from 'drizzle-orm';
import type { Db } from './client.js';
import { summaryColumns, type CaseSummary } from './case-summary-columns.js';
import { reusePrepared } from './reuse-prepared.js';
import { agents, caseClocks, caseEvents, caseNotes, cases, customers, type CaseStatus } from './schema.js';

export type { CaseCursor, CaseListFilters, CaseSortKey } from './case-query-filters.js';
export type { CaseSummary } from './case-summary-columns.js';
export { listCases, type CasePage } from './list-cases.js';

/** What access checks and action pre-checks need of a case. */
export interface CaseAccessFacts {
  caseId: string;
  caseNumber: number;
  workflowId: string;
  customerId: string;
  status: CaseStatus;
  lastEventSequence: number;
}

function prepareCaseAccessFactsQuery(db: Db) {
  return db
    .select({ caseId: cases.id, caseNumber: cases.caseNumber, workflowId: cases.workflowId, customerId: cases.customerId, status: cases.status, lastEventSequence: cases.lastEventSequence })
    .from(cases)
    .where(eq(cases.id, sql.placeholder('caseId')))
    .prepare('find_case_access_facts');
}

/** Read before every case action and timeline: prepared once, so one round trip and no re-planning. */
export async function findCaseAccessFacts(db: Db, caseId: string): Promise<CaseAccessFacts | null> {
  const [row] = await reusePrepared(db, 'case-access-facts', () => prepareCaseAccessFactsQuery(db)).execute({ caseId });
  return row ?? null;
}

export interface CaseDetail extends CaseSummary {
  description: string;
  isUrgent: boolean;
  segment: string;
  regionCode: string;
  complaintClassification: string | null;
  escalationGroup: string | null;
  escalatedAt: Date | null;
  resolutionCategory: string | null;
  resolutionNotes: string | null;
  resolvedAt: Date | null;
  closedAt: Date | null;
  reopenCount: number;
  slaPolicyVersion: number | null;
  csatScore: number | null;
  clocks: Array<{ kind: string; dueAt: Date | null; elapsedMs: number; pausedAt: Date | null; stoppedAt: Date | null; breachedAt: Date | null }>;
}

interface StoredClock {
  kind: string;
  dueAt: string | null;
  elapsedMs: number;
  pausedAt: string | null;
  stoppedAt: string | null;
  breachedAt: string | null;
}

const readInstant = (text: string | null): Date | null => (text === null ? null : new Date(text));

/** The detail query; the clocks come along as JSON: one round trip, not two. */
function selectCaseDetail(db: Pick<Db, 'select'>) {
  const clocks = sql<StoredClock[]>`coalesce((
      select json_agg(json_build_object('kind', k.kind, 'dueAt', k.due_at, 'elapsedMs', k.elapsed_ms, 'pausedAt', k.paused_at,
        'stoppedAt', k.stopped_at, 'breachedAt', k.breached_at) order by k.kind)
      from ${caseClocks} k where k.case_id = ${cases.id}), '[]'::json)`;
  return db
    .select({
      ...summaryColumns,
      description: cases.description,
      isUrgent: cases.isUrgent,
      segment: cases.segment,
      regionCode: cases.regionCode,
      complaintClassification: cases.complaintClassification,
      escalationGroup: cases.escalationGroup,
      escalatedAt: cases.escalatedAt,
      resolutionCategory: cases.resolutionCategoryCode,
      resolutionNotes: cases.resolutionNotes,
      resolvedAt: cases.resolvedAt,
      closedAt: cases.closedAt,
      reopenCount: cases.reopenCount,
      slaPolicyVersion: cases.slaPolicyVersion,
      csatScore: cases.csatScore,
      clocks,
    })
    .from(cases)
    .innerJoin(customers, eq(customers.id, cases.customerId))
    .leftJoin(agents, eq(agents.id, cases.assigneeAgentId))
    .where(eq(cases.id, sql.placeholder('caseId')));
}

/**
 * The SQL text of the case-detail read, its one parameter the case id: the bench's bare server
 * runs exactly this, so "the same read served bare" cannot drift from the product's.
 */
export const caseDetailSqlText = (db: Pick<Db, 'select'>): string => selectCaseDetail(db).toSQL().sql;

/** The read model of one case with its clocks, or null. */
export async function findCaseDetail(db: Db, caseId: string): Promise<CaseDetail | null> {
  const [row] = await reusePrepared(db, 'case-detail', () => selectCaseDetail(db).prepare('find_case_detail')).execute({ caseId });
  if (!row) return null;
  const clocks = row.clocks.map((clock) => ({
    ...clock,
    elapsedMs: Number(clock.elapsedMs),
    dueAt: readInstant(clock.dueAt),
    pausedAt: readInstant(clock.pausedAt),
    stoppedAt: readInstant(clock.stoppedAt),
    breachedAt: readInstant(clock.breachedAt),
  }));
  return { ...row, clocks };
}

export interface TimelineEntry {
  sequence: number;
  type: string;
  actor: string;
  payload: Record<string, unknown>;
  occurredAt: Date;
}

/** The case's event log in order (the audit trail). */
export async function listCaseEvents(db: Db, caseId: string, limit: number): Promise<TimelineEntry[]> {
  return db
    .select({ sequence: caseEvents.sequence, type: caseEvents.type, actor: caseEvents.actor, payload: caseEvents.payload, occurredAt: caseEvents.occurredAt })
    .from(caseEvents)
    .where(eq(caseEvents.caseId, caseId))
    .orderBy(asc(caseEvents.sequence))
    .limit(limit);
}

export interface CaseNoteEntry {
  eventSequence: number;
  visibility: 'internal' | 'customer_visible';
  kind: string;
  authorName: string;
  body: string;
  createdAt: Date;
}

export async function listCaseNotes(db: Db, caseId: string): Promise<CaseNoteEntry[]> {
  return db
    .select({ eventSequence: caseNotes.eventSequence, visibility: caseNotes.visibility, kind: caseNotes.kind, authorName: caseNotes.authorName, body: caseNotes.body, createdAt: caseNotes.createdAt })
    .from(caseNotes)
    .where(eq(caseNotes.caseId, caseId))
    .orderBy(asc(caseNotes.eventSequence));
}
