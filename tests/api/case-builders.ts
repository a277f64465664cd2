import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { caseEvents, caseNotes, cases, customers } from '../../db/schema.js';

let counter = 0;

/**
 * A case row as the projection would write it. API tests read the read model, so they build it
 * directly; the workflow writes it in production.
 */
export async function insertCaseRow(db: Db, customerId: string, overrides: Partial<typeof cases.$inferInsert> = {}): Promise<{ caseId: string; caseNumber: number }> {
  counter += 1;
  const [customer] = await db.select().from(customers).where(eq(customers.id, customerId));
  const [row] = await db
    .insert(cases)
    .values({
      workflowId: `case-test-${counter}-${Math.random().toString(36).slice(2, 8)}`,
      customerId,
      channel: 'phone',
      caseTypeCode: 'information_request',
      subject: `Question number ${counter}`,
      description: 'The customer asks about the statement.',
      priority: 'P3',
      segment: customer!.segment,
      regionCode: customer!.regionCode,
      lastEventSequence: 1,
      ...overrides,
    })
    .returning({ caseId: cases.id, caseNumber: cases.caseNumber });
  await db.insert(caseEvents).values({ caseId: row!.caseId, sequence: 1, type: 'case_created', actor: 'system', occurredAt: new Date() });
  return row!;
}

/** Appends a note event and its note row. */
export async function insertNote(db: Db, caseId: string, sequence: number, body: string, visibility: 'internal' | 'customer_visible'): Promise<void> {
  await db.insert(caseEvents).values({ caseId, sequence, type: 'addNote', actor: 'user:test', payload: { visibility, body }, occurredAt: new Date() });
  await db.insert(caseNotes).values({ caseId, eventSequence: sequence, visibility, authorName: 'Tester', body });
  await db.update(cases).set({ lastEventSequence: sequence }).where(eq(cases.id, caseId));
}

/** Customers of the seed, in customer-number order. */
export async function listSeedCustomers(db: Db, count: number) {
  return db.select().from(customers).orderBy(customers.customerNumber).limit(count);
}
