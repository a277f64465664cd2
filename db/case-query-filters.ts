import { sql, type SQL } from 'drizzle-orm';
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

const placeholder = (name: keyof CaseQueryValues) => sql.placeholder(name);

/** The values of a list query's placeholders (comma lists and instants as text, cast in SQL). */
// A type, not an interface: Drizzle takes placeholder values as a Record.
export type CaseQueryValues = {
  priority?: string;
  queue?: string;
  assigneeAgentId?: string;
  caseType?: string;
  channel?: string;
  customerId?: string;
  slaState?: string;
  createdFrom?: string;
  createdTo?: string;
  updatedFrom?: string;
  updatedTo?: string;
  statuses?: string;
  q?: string;
  cursorValue?: string;
  cursorCaseNumber?: number;
};

/**
 * The WHERE conditions of every filter but `status` and `q` (the list runs one index range per
 * status, see case-page-query.ts, and search has its own plan), over placeholders: a query of the
 * same shape is built and prepared once, then run with the values of readCaseQueryValues.
 */
export function buildCaseConditions(filters: CaseListFilters): SQL[] {
  const conditions: (SQL | undefined)[] = [
    filters.priority?.length ? sql`${cases.priority} = any(string_to_array(${placeholder('priority')}, ',')::case_priority[])` : undefined,
    filters.queue ? sql`${cases.queueCode} = ${placeholder('queue')}` : undefined,
    filters.assigneeAgentId ? sql`${cases.assigneeAgentId} = ${placeholder('assigneeAgentId')}::uuid` : undefined,
    filters.caseType ? sql`${cases.caseTypeCode} = ${placeholder('caseType')}` : undefined,
    filters.channel ? sql`${cases.channel}::text = ${placeholder('channel')}` : undefined,
    filters.customerId ? sql`${cases.customerId} = ${placeholder('customerId')}::uuid` : undefined,
    filters.slaState?.length ? sql`${cases.slaState} = any(string_to_array(${placeholder('slaState')}, ',')::sla_state[])` : undefined,
    filters.createdFrom ? sql`${cases.createdAt} >= ${placeholder('createdFrom')}::timestamptz` : undefined,
    filters.createdTo ? sql`${cases.createdAt} <= ${placeholder('createdTo')}::timestamptz` : undefined,
    filters.updatedFrom ? sql`${cases.updatedAt} >= ${placeholder('updatedFrom')}::timestamptz` : undefined,
    filters.updatedTo ? sql`${cases.updatedAt} <= ${placeholder('updatedTo')}::timestamptz` : undefined,
  ];
  return conditions.filter((condition): condition is SQL => condition !== undefined);
}

/** The status at `index` of the status list, as a placeholder-free SQL condition over one branch. */
export function buildStatusCondition(index: number): SQL {
  return sql`${cases.status} = (string_to_array(${placeholder('statuses')}, ','))[${sql.raw(String(index + 1))}]::case_status`;
}

/** Every status of the list (for plans that do not split by status). */
export const anyStatusCondition = sql`${cases.status} = any(string_to_array(${placeholder('statuses')}, ',')::case_status[])`;

/** The placeholder values of a list query, from its filters and cursor. */
export function readCaseQueryValues(filters: CaseListFilters, cursor: CaseCursor | undefined): CaseQueryValues {
  return {
    priority: filters.priority?.join(','),
    queue: filters.queue,
    assigneeAgentId: filters.assigneeAgentId,
    caseType: filters.caseType,
    channel: filters.channel,
    customerId: filters.customerId,
    slaState: filters.slaState?.join(','),
    createdFrom: filters.createdFrom?.toISOString(),
    createdTo: filters.createdTo?.toISOString(),
    updatedFrom: filters.updatedFrom?.toISOString(),
    updatedTo: filters.updatedTo?.toISOString(),
    statuses: readStatusBranches(filters).join(','),
    q: filters.q,
    cursorValue: cursor === undefined ? undefined : String(cursor.value),
    cursorCaseNumber: cursor?.caseNumber,
  };
}

/** What decides a list query's SQL text (not its values): the key of its prepared statement. */
export function describeCaseQueryShape(filters: CaseListFilters, sort: CaseSortKey, cursor: CaseCursor | undefined, rows: number): string {
  const present = Object.entries(filters).filter(([name, value]) => name !== 'status' && (Array.isArray(value) ? value.length > 0 : value !== undefined && value !== ''));
  return [sort, rows, cursor ? 'after' : 'first', readStatusBranches(filters).length, ...present.map(([name]) => name).sort()].join('|');
}

/** The distinct statuses asked for, in a stable order (one index range each). */
export function readStatusBranches(filters: CaseListFilters): CaseStatus[] {
  return [...new Set(filters.status ?? [])].sort();
}

const sortColumnNames = { createdAt: 'created_at', updatedAt: 'updated_at', caseNumber: 'case_number', priority: 'priority' } as const;

/** How a sort key orders rows, over `cases` itself and over a derived table of candidate rows. */
export interface CaseOrdering {
  /** ORDER BY over the `cases` table (qualified columns). */
  orderBy: SQL;
  /** The same order over a derived table that selected the sort columns by their names. */
  outerOrderBy: SQL;
  /** The keyset condition after the cursor, over `cases`; undefined without a cursor. */
  after: SQL | undefined;
}

/**
 * ORDER BY and the keyset condition after `cursor` for a sort key (ties broken by case number).
 * The keyset is a row comparison, `(created_at, case_number) < (…, …)`, which a B-tree on both
 * columns turns into its scan's starting point rather than a filter.
 */
export function buildCaseOrdering(sort: CaseSortKey, cursor: CaseCursor | undefined): CaseOrdering {
  const isDescending = sort.startsWith('-');
  const field = sort.replace('-', '') as keyof typeof sortColumnNames;
  const direction = sql.raw(isDescending ? 'desc' : 'asc');
  const columns = field === 'caseNumber' ? ['case_number'] : [sortColumnNames[field], 'case_number'];
  const orderBy = sql.join(columns.map((name) => sql`${sql.identifier('cases')}.${sql.identifier(name)} ${direction}`), sql`, `);
  const outerOrderBy = sql.join(columns.map((name) => sql`${sql.identifier(name)} ${direction}`), sql`, `);
  if (!cursor) return { orderBy, outerOrderBy, after: undefined };
  const beyond = sql.raw(isDescending ? '<' : '>');
  const caseNumber = sql`${placeholder('cursorCaseNumber')}::bigint`;
  if (field === 'caseNumber') return { orderBy, outerOrderBy, after: sql`${cases.caseNumber} ${beyond} ${caseNumber}` };
  const value = field === 'priority' ? sql`${placeholder('cursorValue')}::case_priority` : sql`${placeholder('cursorValue')}::timestamptz`;
  const column = field === 'priority' ? cases.priority : field === 'createdAt' ? cases.createdAt : cases.updatedAt;
  return { orderBy, outerOrderBy, after: sql`(${column}, ${cases.caseNumber}) ${beyond} (${value}, ${caseNumber})` };
}

/** Timestamps as Postgres prints them: microseconds survive, so a cursor never skips a row. */
export const sortTextColumns = { createdAtText: sql<string>`${cases.createdAt}::text`, updatedAtText: sql<string>`${cases.updatedAt}::text` };

/** The value of the sort column of a row, for the next cursor. */
export function readSortValue(sort: CaseSortKey, row: { createdAtText: string; updatedAtText: string; caseNumber: number; priority: string }): string | number {
  const field = sort.replace('-', '') as keyof typeof sortColumnNames;
  if (field === 'createdAt') return row.createdAtText;
  if (field === 'updatedAt') return row.updatedAtText;
  return row[field];
}
