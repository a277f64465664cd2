import { and, sql, type SQL } from 'drizzle-orm';
import { anyStatusCondition, buildCaseConditions, buildStatusCondition, readStatusBranches, type CaseListFilters, type CaseOrdering } from './case-query-filters.js';
import { caseNotes, cases, customers } from './schema.js';

/** What a page's candidate rows carry: the key and every sort column (search adds what it matches on). */
const keyColumns = sql.raw('id, created_at, updated_at, case_number, priority');
const searchColumns = sql.raw('id, created_at, updated_at, case_number, priority, customer_id, search_vector');

/**
 * How many of the newest filtered cases a search reads in sort order before it falls back to the
 * full-text indexes: a first window, then (when its matches say so) one of the wider ones. Cases
 * in creation order sit together in the table, so a window costs about 1–2 µs a case; a word in
 * ≥ 2.5% of the cases fills a page from the first window, one in ≥ ~0.2% from the widest.
 */
export const recentSearchWindows = [2_000, 4_000, 8_000, 16_000, 32_000] as const;

/** LIMIT as a literal: the planner sees the real row goal, also in a prepared statement's generic plan. */
function limitTo(rows: number): SQL {
  if (!Number.isSafeInteger(rows) || rows < 1) throw new Error(`a page limit must be a positive integer, got ${rows}`);
  return sql.raw(String(rows));
}

const whereAll = (conditions: Array<SQL | undefined>): SQL => and(...conditions) ?? sql`true`;

/**
 * The first `rows` cases matching the filters (but not `q`) in the sort order, as a subquery of
 * `columns`. A list of statuses becomes one ordered, limited index range per status, merged (a
 * Merge Append), so a queue's newest-first page reads about `rows` index entries per status
 * instead of every matching case.
 */
export function selectOrderedCases(filters: CaseListFilters, ordering: CaseOrdering, rows: number, options: { columns?: SQL; extra?: SQL[] } = {}): SQL {
  const columns = options.columns ?? keyColumns;
  const base = [...buildCaseConditions(filters), ordering.after, ...(options.extra ?? [])];
  const statusCount = readStatusBranches(filters).length;
  const branch = (statusIndex: number | undefined) =>
    sql`select ${columns} from ${cases} where ${whereAll([...base, statusIndex === undefined ? undefined : buildStatusCondition(statusIndex)])} order by ${ordering.orderBy} limit ${limitTo(rows)}`;
  if (statusCount <= 1) return branch(statusCount === 1 ? 0 : undefined);
  const branches = Array.from({ length: statusCount }, (_, index) => sql`(${branch(index)})`);
  return sql`select * from (${sql.join(branches, sql` union all `)}) as by_status order by ${ordering.outerOrderBy} limit ${limitTo(rows)}`;
}

const english = sql`websearch_to_tsquery('english', ${sql.placeholder('q')})`;
const simple = sql`websearch_to_tsquery('simple', ${sql.placeholder('q')})`;

/**
 * Search among the `window` newest filtered cases (in sort order): a case matches when its own
 * document matches (English stems or plain words), one of its notes does, or its customer's data
 * does. Matching customers come from their GIN index once per query; notes are probed per case by
 * case id (bounded by the window however many notes share a common word), and only when some note
 * matches at all: one GIN look-up spares the probes for words no note holds, like most names.
 */
export function selectRecentMatches(filters: CaseListFilters, ordering: CaseOrdering, window: number, rows: number): SQL {
  const recent = selectOrderedCases(filters, ordering, window, { columns: searchColumns });
  return sql`select ${keyColumns} from (${recent}) as recent
    where recent.search_vector @@ (${english} || ${simple})
      or ((select exists (select 1 from ${caseNotes} n where n.search_vector @@ ${english}))
        and exists (select 1 from ${caseNotes} n where n.case_id = recent.id and n.search_vector @@ ${english}))
      or recent.customer_id in (select c.id from ${customers} c where c.search_vector @@ ${simple})
    order by ${ordering.outerOrderBy} limit ${limitTo(rows)}`;
}

/**
 * Every match of a search, for when the newest cases hold fewer than a page of them (a rare word):
 * the matching ids come from the GIN indexes (materialized, so the planner cannot trade them for a
 * walk over all cases in sort order), and each matching customer's cases from their own index,
 * newest first, `rows` at most.
 */
export function selectAllMatches(filters: CaseListFilters, ordering: CaseOrdering, rows: number): SQL {
  const filtered = [...buildCaseConditions(filters), readStatusBranches(filters).length ? anyStatusCondition : undefined, ordering.after];
  const ofCustomer = selectOrderedCases(filters, ordering, rows, { extra: [sql`${cases.customerId} = matched_customer.id`] });
  return sql`with document_hits as materialized (
      select ${keyColumns} from ${cases} where ${whereAll([...filtered, sql`${cases.searchVector} @@ (${english} || ${simple})`])}
    ), note_hits as materialized (
      select ${keyColumns} from ${cases}
      where ${whereAll([...filtered, sql`${cases.id} in (select n.case_id from ${caseNotes} n where n.search_vector @@ ${english})`])}
    )
    select * from (
      select * from document_hits
      union select * from note_hits
      union select by_customer.* from ${customers} matched_customer cross join lateral (${ofCustomer}) as by_customer
        where matched_customer.search_vector @@ ${simple}
    ) as hits order by ${ordering.outerOrderBy} limit ${limitTo(rows)}`;
}
