import { eq, sql, type SQL } from 'drizzle-orm';
import type { Db } from './client.js';
import { recentSearchWindows, selectAllMatches, selectOrderedCases, selectRecentMatches } from './case-page-query.js';
import { buildCaseOrdering, describeCaseQueryShape, readCaseQueryValues, readSortValue, sortTextColumns, type CaseCursor, type CaseListFilters, type CaseOrdering, type CaseSortKey } from './case-query-filters.js';
import { summaryColumns, type CaseSummary } from './case-summary-columns.js';
import { reusePrepared } from './reuse-prepared.js';
import { agents, cases, customers } from './schema.js';

export interface CasePage {
  items: CaseSummary[];
  nextCursor: CaseCursor | null;
}

/** A subquery of candidate ids (case-page-query.ts) joined to the summary columns, in order. */
function preparePageQuery(db: Db, candidates: SQL, ordering: CaseOrdering, rows: number) {
  return db
    .select({ ...summaryColumns, ...sortTextColumns })
    .from(cases)
    .innerJoin(customers, eq(customers.id, cases.customerId))
    .leftJoin(agents, eq(agents.id, cases.assigneeAgentId))
    .where(sql`${cases.id} in (select page.id from (${candidates}) as page)`)
    .orderBy(ordering.orderBy)
    .limit(rows)
    .prepare('list_cases');
}

/** Runs the prepared queries of one list request's shape with its values. */
function createPageRunner(db: Db, filters: CaseListFilters, sort: CaseSortKey, cursor: CaseCursor | undefined, rows: number) {
  const shape = describeCaseQueryShape(filters, sort, cursor, rows);
  const values = readCaseQueryValues(filters, cursor);
  const ordering = () => buildCaseOrdering(sort, cursor);
  return {
    selectPage: (step: string, build: (order: CaseOrdering) => SQL) =>
      reusePrepared(db, `${step}|${shape}`, () => preparePageQuery(db, build(ordering()), ordering(), rows)).execute(values),
    async countUpTo(atMost: number): Promise<number> {
      const query = reusePrepared(db, `count ${atMost}|${shape}`, () =>
        db.select({ count: sql<number>`count(*)::int` }).from(sql`(${selectOrderedCases(filters, ordering(), atMost)}) as counted`).prepare('count_cases'));
      const [counted] = await query.execute(values);
      return counted?.count ?? 0;
    },
  };
}

/**
 * The rows of a search page. It looks among the newest filtered cases in sort order first (a
 * common word fills the page there and the scan stops early). When that first window holds some
 * matches but not a page, their share tells how many cases a page needs: the smallest wider window
 * that holds them (with a margin) is read next. Only when no window will do, and more cases pass
 * the filters, does it take every match from the full-text indexes (a rare word: few matches, so
 * few rows to fetch and sort).
 */
async function selectSearchRows(runner: ReturnType<typeof createPageRunner>, filters: CaseListFilters, rows: number, windows: readonly number[]) {
  const [first = 1, ...wider] = windows;
  const selectRecent = async (window: number) => {
    const matches = await runner.selectPage(`recent ${window}`, (order) => selectRecentMatches(filters, order, window, rows));
    const isComplete = matches.length >= rows || (await runner.countUpTo(window)) < window;
    return { matches, isComplete };
  };
  const firstLook = await selectRecent(first);
  if (firstLook.isComplete) return firstLook.matches;
  const casesNeeded = firstLook.matches.length === 0 ? Infinity : Math.ceil(((first * rows) / firstLook.matches.length) * 1.25);
  const next = wider.find((window) => window >= casesNeeded);
  if (next !== undefined) {
    const secondLook = await selectRecent(next);
    if (secondLook.isComplete) return secondLook.matches;
  }
  return runner.selectPage('all', (order) => selectAllMatches(filters, order, rows));
}

/** A page of cases matching the filters, in keyset order after `cursor`. */
export async function listCases(db: Db, filters: CaseListFilters, sort: CaseSortKey, limit: number, cursor?: CaseCursor, options: { searchWindows?: readonly number[] } = {}): Promise<CasePage> {
  const rows = limit + 1;
  const runner = createPageRunner(db, filters, sort, cursor, rows);
  const found = filters.q
    ? await selectSearchRows(runner, filters, rows, options.searchWindows ?? recentSearchWindows)
    : await runner.selectPage('list', (order) => selectOrderedCases(filters, order, rows));
  const hasMore = found.length > limit;
  const page = found.slice(0, limit);
  const last = page.at(-1);
  const items = page.map(({ createdAtText: _c, updatedAtText: _u, ...summary }) => summary);
  return { items, nextCursor: hasMore && last ? { value: readSortValue(sort, last), caseNumber: last.caseNumber } : null };
}
