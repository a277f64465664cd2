import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseEvents, cases, caseNotes, customers, regions } from '../../db/schema.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  await database.close();
});

async function insertMinimalCase(caseNumber: number): Promise<string> {
  const { db } = database;
  await db
    .insert(regions)
    .values({ code: 'test_region', name: 'Test', timeZone: 'America/New_York', businessHours: { monday: [{ start: '09:00', end: '17:00' }] } })
    .onConflictDoNothing();
  const [customer] = await db
    .insert(customers)
    .values({
      customerNumber: `CUS-T${caseNumber}`,
      firstName: 'Ada',
      lastName: 'Lovelace',
      email: 'ada@example.com',
      regionCode: 'test_region',
      communicationPreferences: { email: true, sms: false, phone: true, postal: false, marketing: false },
    })
    .returning({ id: customers.id });
  await db.execute(sql`insert into case_types (code, name, tat_min_minutes, tat_max_minutes, creator_roles, resolver_roles, escalator_roles)
    values ('test_type', 'Test', 60, 120, '{csr}', '{csr}', '{supervisor}') on conflict do nothing`);
  const [row] = await db
    .insert(cases)
    .values({
      caseNumber,
      workflowId: `case-${caseNumber}`,
      customerId: customer!.id,
      channel: 'phone',
      caseTypeCode: 'test_type',
      subject: 'Autopay payment failed twice',
      description: 'The borrower reports the March installment was rejected by the bank.',
      priority: 'P2',
      segment: 'standard',
      regionCode: 'test_region',
      customerSearchText: 'Ada Lovelace ada@example.com',
    })
    .returning({ id: cases.id });
  return row!.id;
}

describe('migrations', () => {
  it('create the indexes the product queries rely on', async () => {
    const rows = await database.sql<{ indexname: string; indexdef: string }[]>`select indexname, indexdef from pg_indexes where schemaname = 'public'`;
    const byName = new Map(rows.map((row) => [row.indexname, row.indexdef]));
    for (const name of [
      'cases_queue_status_idx',
      'cases_assignee_status_idx',
      'cases_status_priority_created_idx',
      'cases_case_number_unique',
      'customers_phone_idx',
      'customers_email_idx',
      'customer_accounts_account_number_unique',
      'notification_outbox_pending_idx',
      'case_events_case_sequence_unique',
    ]) {
      expect(byName.has(name), name).toBe(true);
    }
    for (const name of ['cases_search_vector_idx', 'case_notes_search_vector_idx', 'knowledge_articles_search_vector_idx', 'customers_search_vector_idx']) {
      expect(byName.get(name), name).toMatch(/USING gin \(search_vector\)/);
    }
  });

  it('store every instant as timestamp with time zone', async () => {
    const rows = await database.sql<{ table_name: string; column_name: string }[]>`
      select table_name, column_name from information_schema.columns
      where table_schema = 'public' and data_type = 'timestamp without time zone'`;
    expect(rows).toEqual([]);
  });
});

describe('cases full-text search', () => {
  it('fills the stored tsvector from subject, description and customer data', async () => {
    const caseId = await insertMinimalCase(900001);
    const matches = await database.db
      .select({ id: cases.id })
      .from(cases)
      .where(sql`${cases.searchVector} @@ websearch_to_tsquery('english', 'payment rejected')`);
    expect(matches.map((row) => row.id)).toContain(caseId);
    const byCustomer = await database.db.select({ id: cases.id }).from(cases).where(sql`${cases.searchVector} @@ plainto_tsquery('simple', 'lovelace')`);
    expect(byCustomer.map((row) => row.id)).toContain(caseId);
  });

  it('makes notes searchable', async () => {
    const caseId = await insertMinimalCase(900002);
    await database.db.insert(caseNotes).values({ caseId, eventSequence: 1, visibility: 'internal', authorName: 'Li Lei', body: 'Customer confirmed the signature mismatch' });
    const [row] = await database.db
      .select({ count: sql<number>`count(*)::int` })
      .from(caseNotes)
      .where(sql`${caseNotes.searchVector} @@ plainto_tsquery('english', 'signatures')`);
    expect(row!.count).toBe(1);
  });
});

describe('case event log', () => {
  it('rejects a second event with the same case and sequence', async () => {
    const caseId = await insertMinimalCase(900003);
    const event = { caseId, sequence: 1, type: 'case_created', actor: 'system', occurredAt: new Date('2026-03-02T14:00:00Z') };
    await database.db.insert(caseEvents).values(event);
    await expect(database.db.insert(caseEvents).values({ ...event, type: 'note_added' })).rejects.toThrow();
  });

  it('treats a replayed append as a no-op with ON CONFLICT DO NOTHING', async () => {
    const caseId = await insertMinimalCase(900004);
    const event = { caseId, sequence: 1, type: 'case_created', actor: 'system', occurredAt: new Date('2026-03-02T14:00:00Z') };
    await database.db.insert(caseEvents).values(event).onConflictDoNothing();
    const replay = await database.db.insert(caseEvents).values(event).onConflictDoNothing().returning({ id: caseEvents.id });
    expect(replay).toEqual([]);
  });

  it('refuses to rewrite an event', async () => {
    const caseId = await insertMinimalCase(900005);
    await database.db.insert(caseEvents).values({ caseId, sequence: 1, type: 'case_created', actor: 'system', occurredAt: new Date() });
    await expect(database.sql`update case_events set type = 'tampered' where case_id = ${caseId}`).rejects.toThrow(/append-only/);
  });
});
