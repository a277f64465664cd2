import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listCases, type CaseCursor, type CaseListFilters, type CaseSortKey } from '../../db/case-repository.js';
import { seedDatabase } from '../../db/seed/seed-database.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

// listCases plans pages in steps (status ranges merged, search windows, a full-text fallback).
// Whatever step answers, the pages must be exactly those of the plain definition: every case
// matching the filters and the search, in sort order, ties broken by case number.

let database: TestDatabase;
const caseCount = 600;
let rareName: string;

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDatabase(database.db);
  // Words by frequency: "statement" in every 3rd case, "escrow" in every 40th, "zeppelin" in two
  // cases; "quokka" only in notes; created_at repeats every 4 cases so ties need the case number.
  await database.db.execute(sql`
    with ref as (
      select (select array_agg(id order by customer_number) from customers) as customer_ids,
             (select array_agg(code order by code) from queues) as queue_codes
    )
    insert into cases (case_number, workflow_id, customer_id, channel, case_type_code, subject, description, priority, status,
      segment, region_code, queue_code, created_at, updated_at, last_event_sequence)
    select 900000 + n, 'case-list-test-' || n, c.id, 'phone', 'information_request',
      case when n % 3 = 0 then 'Statement missing' when n % 40 = 7 then 'Escrow shortage' when n in (13, 577) then 'Zeppelin ride refund' else 'General question ' || n end,
      'Details of case ' || n,
      (array['P1','P2','P3','P4']::case_priority[])[1 + n % 4],
      (array['new','assigned','in_progress','escalated','closed','closed']::case_status[])[1 + (n * 7) % 6],
      c.segment, c.region_code, ref.queue_codes[1 + n % 3],
      timestamptz '2026-01-01' + (n / 4) * interval '1 minute', timestamptz '2026-03-01' - n * interval '1 minute', 1
    from generate_series(1, ${caseCount}) as n cross join ref
    join customers c on c.id = ref.customer_ids[1 + n % 50]`);
  await database.db.execute(sql`
    insert into case_notes (case_id, event_sequence, visibility, author_name, body)
    select id, 2, 'internal', 'Tester', 'The quokka was seen again' from cases where case_number in (900101, 900333, 900599)`);
  const [customer] = await database.db.execute<{ last_name: string }>(sql`
    select cu.last_name from customers cu where cu.id = (select customer_id from cases where case_number = 900010)`);
  rareName = customer!.last_name;
  await database.db.execute(sql`analyze`);
});

afterAll(async () => database?.close());

const orderColumns: Record<string, string> = { createdAt: 'created_at', updatedAt: 'updated_at', caseNumber: 'case_number', priority: 'priority' };

/** The plain definition: one query over every case, no windows, no branches. */
async function selectExpected(filters: CaseListFilters, sort: CaseSortKey): Promise<string[]> {
  const column = sql.raw(orderColumns[sort.replace('-', '')]!);
  const direction = sql.raw(sort.startsWith('-') ? 'desc' : 'asc');
  const q = filters.q ?? null;
  const rows = await database.db.execute<{ id: string }>(sql`
    select c.id from cases c
    where (${filters.status?.length ? sql`c.status::text = any(${`{${filters.status.join(',')}}`}::text[])` : sql`true`})
      and (${filters.queue ? sql`c.queue_code = ${filters.queue}` : sql`true`})
      and (${filters.priority?.length ? sql`c.priority::text = any(${`{${filters.priority.join(',')}}`}::text[])` : sql`true`})
      and (${q === null ? sql`true` : sql`(
        c.search_vector @@ websearch_to_tsquery('english', ${q}) or c.search_vector @@ websearch_to_tsquery('simple', ${q})
        or exists (select 1 from case_notes n where n.case_id = c.id and n.search_vector @@ websearch_to_tsquery('english', ${q}))
        or exists (select 1 from customers cu where cu.id = c.customer_id and cu.search_vector @@ websearch_to_tsquery('simple', ${q})))`})
    order by c.${column} ${direction}, c.case_number ${direction}`);
  return rows.map((row) => row.id);
}

/** Every page, following the cursor, as one list of ids. */
async function readAllPages(filters: CaseListFilters, sort: CaseSortKey, pageSize: number, searchWindows?: number[]): Promise<string[]> {
  const ids: string[] = [];
  let cursor: CaseCursor | undefined;
  for (let page = 0; page < 200; page++) {
    const result = await listCases(database.db, filters, sort, pageSize, cursor, { searchWindows });
    ids.push(...result.items.map((item) => item.caseId));
    if (!result.nextCursor) return ids;
    cursor = result.nextCursor;
  }
  throw new Error('the cursor never ended');
}

describe('listCases', () => {
  const sorts: CaseSortKey[] = ['-createdAt', 'createdAt', '-updatedAt', 'priority', '-caseNumber'];

  it('pages through status lists and queues exactly as the plain query orders them', async () => {
    const filterSets: CaseListFilters[] = [{}, { status: ['new', 'assigned'] }, { status: ['escalated', 'new', 'in_progress'], queue: 'deliveries' }, { status: ['closed'], priority: ['P1', 'P4'] }];
    for (const filters of filterSets) {
      for (const sort of sorts) {
        const expected = await selectExpected(filters, sort);
        expect(expected.length).toBeGreaterThan(0);
        expect(await readAllPages(filters, sort, 23)).toEqual(expected);
      }
    }
  });

  it('finds the same cases in the same order through every search step (window, wider window, full-text fallback)', async () => {
    const searches: CaseListFilters[] = [
      { q: 'statement' },
      { q: 'escrow' },
      { q: 'zeppelin' },
      { q: 'quokka' },
      { q: rareName },
      { q: 'nothingmatchesthis' },
      { q: 'escrow', status: ['new', 'assigned', 'closed'] },
      { q: 'statement', status: ['escalated', 'in_progress'], queue: 'deliveries' },
    ];
    for (const filters of searches) {
      for (const sort of sorts) {
        const expected = await selectExpected(filters, sort);
        // Tiny windows force the later steps (a wider window, the full-text fallback); the default ones
        // answer from the first window here.
        for (const windows of [[3], [3, 12, 48, 200], [1_000_000], undefined]) {
          expect(await readAllPages(filters, sort, 9, windows), `${JSON.stringify(filters)} ${sort} ${String(windows)}`).toEqual(expected);
        }
      }
    }
  });

  it('finds a case by a word of its notes and by its customer’s name', async () => {
    const byNote = await listCases(database.db, { q: 'quokka' }, '-createdAt', 50, undefined, { searchWindows: [2] });
    expect(byNote.items.map((item) => item.caseNumber).sort()).toEqual([900101, 900333, 900599]);
    const byCustomer = await listCases(database.db, { q: rareName }, '-createdAt', 50, undefined, { searchWindows: [2] });
    expect(byCustomer.items.map((item) => item.caseNumber)).toContain(900010);
  });
});
