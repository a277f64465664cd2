import { and, asc, desc, eq, gt, gte, inArray, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import { cases, type CasePriority, type CaseStatus, type SlaState } from './schema.js';

export const caseSortKeys = ['createdAt', '-createdAt', 'updatedAt', '-updatedAt', 'caseNumber', '-caseNumber', 'priority', '-priority'] as const;
export type CaseSortKey = (typeof caseSortKeys)[number];

/** Filters of the case list; every field optional, all present fields must match. */
export interface CaseListFilters {
  status?: CaseStatus[];
  priority?: CasePriority[];
  queue?: string;
  assigneeAgentId?: string;
  caseType?: string;
  channel?: string;
  customerId?: string;
  slaState?: SlaState[];
  createdFrom?: Date;
  createdTo?: Date;
  updatedFrom?: Date;
  updatedTo?: Date;
  /** Full-text query over subject, description, notes and the customer's data. */
  q?: string;
}

/** A keyset position: the sort column's value and the case number that breaks ties. */
export interface CaseCursor {
  value: string | number;
  caseNumber: number;
}

const sortColumns = { createdAt: cases.createdAt, updatedAt: cases.updatedAt, caseNumber: cases.caseNumber, priority: cases.priority } as const;

/** The WHERE conditions of the filters (search matches the case's own document, its notes, or its customer). */
export function buildCaseConditions(filters: CaseListFilters): SQL[] {
  const conditions: (SQL | undefined)[] = [
    filters.status?.length ? inArray(cases.status, filters.status) : undefined,
    filters.priority?.length ? inArray(cases.priority, filters.priority) : undefined,
    filters.queue ? eq(cases.queueCode, filters.queue) : undefined,
    filters.assigneeAgentId ? eq(cases.assigneeAgentId, filters.assigneeAgentId) : undefined,
    filters.caseType ? eq(cases.caseTypeCode, filters.caseType) : undefined,
    filters.channel ? sql`${cases.channel}::text = ${filters.channel}` : undefined,
    filters.customerId ? eq(cases.customerId, filters.customerId) : undefined,
    filters.slaState?.length ? inArray(cases.slaState, filters.slaState) : undefined,
    filters.createdFrom ? gte(cases.createdAt, filters.createdFrom) : undefined,
    filters.createdTo ? lte(cases.createdAt, filters.createdTo) : undefined,
    filters.updatedFrom ? gte(cases.updatedAt, filters.updatedFrom) : undefined,
    filters.updatedTo ? lte(cases.updatedAt, filters.updatedTo) : undefined,
    filters.q ? buildSearchCondition(filters.q) : undefined,
  ];
  return conditions.filter((condition): condition is SQL => condition !== undefined);
}

/**
 * Search as a set of case ids built from index scans only (the cases' and notes' GIN indexes, the
 * customers' GIN index and then cases by customer), so the outer query never scans every case.
 */
function buildSearchCondition(q: string): SQL {
  const english = sql`websearch_to_tsquery('english', ${q})`;
  const simple = sql`websearch_to_tsquery('simple', ${q})`;
  return sql`${cases.id} in (
    select s.id from cases s where s.search_vector @@ ${english}
    union select s.id from cases s where s.search_vector @@ ${simple}
    union select n.case_id from case_notes n where n.search_vector @@ ${english}
    union select s.id from cases s where s.customer_id in (select c.id from customers c where c.search_vector @@ ${simple}))`;
}

/** ORDER BY and the keyset condition after `cursor` for a sort key (ties broken by case number). */
export function buildCaseOrdering(sort: CaseSortKey, cursor: CaseCursor | undefined): { orderBy: SQL[]; after: SQL | undefined } {
  const isDescending = sort.startsWith('-');
  const field = sort.replace('-', '') as keyof typeof sortColumns;
  const column = sortColumns[field];
  const direction = isDescending ? desc : asc;
  const orderBy = field === 'caseNumber' ? [direction(cases.caseNumber)] : [direction(column), direction(cases.caseNumber)];
  if (!cursor) return { orderBy, after: undefined };
  const beyond = isDescending ? lt : gt;
  const value = field === 'createdAt' || field === 'updatedAt' ? sql`${String(cursor.value)}::timestamptz` : field === 'priority' ? sql`${String(cursor.value)}::case_priority` : Number(cursor.value);
  if (field === 'caseNumber') return { orderBy, after: beyond(cases.caseNumber, cursor.caseNumber) };
  const after = or(beyond(column, value), and(eq(column, value), beyond(cases.caseNumber, cursor.caseNumber)));
  return { orderBy, after };
}

/** Timestamps as Postgres prints them: microseconds survive, so a cursor never skips a row. */
export const sortTextColumns = { createdAtText: sql<string>`${cases.createdAt}::text`, updatedAtText: sql<string>`${cases.updatedAt}::text` };

/** The value of the sort column of a row, for the next cursor. */
export function readSortValue(sort: CaseSortKey, row: { createdAtText: string; updatedAtText: string; caseNumber: number; priority: string }): string | number {
  const field = sort.replace('-', '') as keyof typeof sortColumns;
  if (field === 'createdAt') return row.createdAtText;
  if (field === 'updatedAt') return row.updatedAtText;
  return row[field];
}
