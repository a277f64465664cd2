import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from './client.js';
import { buildCaseConditions, buildCaseOrdering, readSortValue, sortTextColumns, type CaseCursor, type CaseListFilters, type CaseSortKey } from './case-query-filters.js';
import { agents, caseClocks, caseEvents, caseNotes, cases, customers, type CaseStatus } from './schema.js';

export type { CaseCursor, CaseListFilters, CaseSortKey } from './case-query-filters.js';

/** One row of a case list, as lists, exports and the detail view share it. */
export interface CaseSummary {
  caseId: string;
  caseNumber: number;
  workflowId: string;
  customerId: string;
  customerName: string;
  customerPhone: string | null;
  customerEmail: string | null;
  channel: string;
  caseType: string;
  subject: string;
  priority: string;
  status: CaseStatus;
  queue: string | null;
  assigneeAgentId: string | null;
  assigneeName: string | null;
  slaState: string;
  responseDueAt: Date | null;
  resolutionDueAt: Date | null;
  nextDeadlineAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  lastEventSequence: number;
}

const summaryColumns = {
  caseId: cases.id,
  caseNumber: cases.caseNumber,
  workflowId: cases.workflowId,
  customerId: cases.customerId,
  customerName: sql<string>`coalesce(${customers.organizationName}, ${customers.firstName} || ' ' || ${customers.lastName})`,
  customerPhone: customers.phone,
  customerEmail: customers.email,
  channel: cases.channel,
  caseType: cases.caseTypeCode,
  subject: cases.subject,
  priority: cases.priority,
  status: cases.status,
  queue: cases.queueCode,
  assigneeAgentId: cases.assigneeAgentId,
  assigneeName: agents.displayName,
  slaState: cases.slaState,
  responseDueAt: cases.responseDueAt,
  resolutionDueAt: cases.resolutionDueAt,
  nextDeadlineAt: cases.nextDeadlineAt,
  createdAt: cases.createdAt,
  updatedAt: cases.updatedAt,
  lastEventSequence: cases.lastEventSequence,
};

export interface CasePage {
  items: CaseSummary[];
  nextCursor: CaseCursor | null;
}

/** A page of cases matching the filters, in keyset order after `cursor`. */
export async function listCases(db: Db, filters: CaseListFilters, sort: CaseSortKey, limit: number, cursor?: CaseCursor): Promise<CasePage> {
  const { orderBy, after } = buildCaseOrdering(sort, cursor);
  const conditions = buildCaseConditions(filters);
  if (after) conditions.push(after);
  const rows = await db
    .select({ ...summaryColumns, ...sortTextColumns })
    .from(cases)
    .innerJoin(customers, eq(customers.id, cases.customerId))
    .leftJoin(agents, eq(agents.id, cases.assigneeAgentId))
    .where(and(...conditions))
    .orderBy(...orderBy)
    .limit(limit + 1);
  const hasMore = rows.length > limit;
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const items = page.map(({ createdAtText: _c, updatedAtText: _u, ...summary }) => summary);
  return { items, nextCursor: hasMore && last ? { value: readSortValue(sort, last), caseNumber: last.caseNumber } : null };
}

/** What access checks and action pre-checks need of a case. */
export interface CaseAccessFacts {
  caseId: string;
  caseNumber: number;
  workflowId: string;
  customerId: string;
  status: CaseStatus;
  lastEventSequence: number;
}

export async function findCaseAccessFacts(db: Db, caseId: string): Promise<CaseAccessFacts | null> {
  const [row] = await db
    .select({ caseId: cases.id, caseNumber: cases.caseNumber, workflowId: cases.workflowId, customerId: cases.customerId, status: cases.status, lastEventSequence: cases.lastEventSequence })
    .from(cases)
    .where(eq(cases.id, caseId));
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

/** The read model of one case with its clocks, or null. */
export async function findCaseDetail(db: Db, caseId: string): Promise<CaseDetail | null> {
  const [rows, clocks] = await Promise.all([
    db
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
      })
      .from(cases)
      .innerJoin(customers, eq(customers.id, cases.customerId))
      .leftJoin(agents, eq(agents.id, cases.assigneeAgentId))
      .where(eq(cases.id, caseId)),
    db
      .select({ kind: caseClocks.kind, dueAt: caseClocks.dueAt, elapsedMs: caseClocks.elapsedMs, pausedAt: caseClocks.pausedAt, stoppedAt: caseClocks.stoppedAt, breachedAt: caseClocks.breachedAt })
      .from(caseClocks)
      .where(eq(caseClocks.caseId, caseId)),
  ]);
  const [row] = rows;
  return row ? { ...row, clocks } : null;
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
