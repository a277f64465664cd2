import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customers } from '../../db/schema.js';
import { createApiHarness, type ApiHarness } from './api-harness.js';
import { insertCaseRow, insertNote, listSeedCustomers } from './case-builders.js';

let harness: ApiHarness;
let ownCaseId: string;
let otherCaseId: string;
let otherCustomer: { id: string; phone: string | null; lastName: string };

interface Page { items: Array<Record<string, unknown>>; nextCursor: string | null }

beforeAll(async () => {
  harness = await createApiHarness();
  const { db } = harness.database;
  const seedCustomers = (await listSeedCustomers(db, 40)).filter((c) => c.id !== harness.customerIdOfPortalUser && c.phone);
  otherCustomer = seedCustomers[0]!;
  ownCaseId = (await insertCaseRow(db, harness.customerIdOfPortalUser, { subject: 'My own card question', status: 'new' })).caseId;
  await insertNote(db, ownCaseId, 2, 'internal remark about the customer', 'internal');
  await insertNote(db, ownCaseId, 3, 'We are looking into it', 'customer_visible');
  otherCaseId = (await insertCaseRow(db, otherCustomer.id, { subject: 'Escrow shortage explained', priority: 'P1', status: 'escalated', caseTypeCode: 'complaint', complaintClassification: 'formal_complaint' })).caseId;
  await insertNote(db, otherCaseId, 2, 'zebracrossing refund discussed', 'internal');
  for (let index = 0; index < 25; index++) {
    await insertCaseRow(harness.database.db, seedCustomers[1 + (index % 5)]!.id, { priority: (['P1', 'P2', 'P3', 'P4'] as const)[index % 4], status: index % 2 ? 'assigned' : 'new' });
  }
});
afterAll(async () => harness?.close());

const getJson = async <T>(path: string, token: string) => {
  const response = await harness.request('GET', path, { token });
  return { status: response.status, body: (await response.json()) as T };
};

describe('case reads', () => {
  it('pages through every case with the cursor, without duplicates or gaps', async () => {
    for (const sort of ['-createdAt', 'priority', '-updatedAt', 'caseNumber']) {
      const seen: unknown[] = [];
      let cursor: string | null = null;
      do {
        const query: string = `/api/v1/cases?limit=7&sort=${sort}${cursor ? `&cursor=${cursor}` : ''}`;
        const { body }: { body: Page } = await getJson<Page>(query, harness.tokens.supervisor);
        seen.push(...body.items.map((item) => item.caseId));
        cursor = body.nextCursor;
      } while (cursor);
      expect(seen).toHaveLength(27);
      expect(new Set(seen).size).toBe(27);
    }
  });

  it('filters by status and priority, and searches subject, notes and customer data', async () => {
    const escalated = await getJson<Page>('/api/v1/cases?status=escalated&priority=P1', harness.tokens.csr);
    expect(escalated.body.items.map((item) => item.caseId)).toEqual([otherCaseId]);
    expect((await getJson<Page>('/api/v1/cases?q=escrow', harness.tokens.csr)).body.items.map((i) => i.caseId)).toEqual([otherCaseId]);
    expect((await getJson<Page>('/api/v1/cases?q=zebracrossing', harness.tokens.csr)).body.items.map((i) => i.caseId)).toEqual([otherCaseId]);
    const byCustomer = await getJson<Page>(`/api/v1/cases?q=${encodeURIComponent(otherCustomer.lastName)}`, harness.tokens.csr);
    expect(byCustomer.body.items.map((i) => i.caseId)).toContain(otherCaseId);
    expect((await getJson<Page>('/api/v1/complaints', harness.tokens.compliance)).body.items.map((i) => i.caseId)).toEqual([otherCaseId]);
    expect((await getJson<Page>('/api/v1/cases?type=complaint', harness.tokens.csr)).body.items.map((i) => i.caseId)).toEqual([otherCaseId]);
  });

  it('names the wrong fields of a bad query in a 400 problem', async () => {
    const response = await harness.request('GET', '/api/v1/cases?status=lost&limit=100000&colour=red', { token: harness.tokens.csr });
    expect(response.status).toBe(400);
    const problem = (await response.json()) as { code: string; fields: string[] };
    expect(problem.code).toBe('validation_failed');
    expect(problem.fields).toEqual(expect.arrayContaining(['status.0', 'limit']));
  });

  it('shows a customer only their own cases and answers 404 for anyone else’s', async () => {
    const list = await getJson<Page>('/api/v1/cases', harness.tokens.customer);
    expect(list.body.items.map((item) => item.caseId)).toEqual([ownCaseId]);
    expect((await harness.request('GET', `/api/v1/cases/${otherCaseId}`, { token: harness.tokens.customer })).status).toBe(404);
    expect((await harness.request('GET', `/api/v1/cases/${otherCaseId}/timeline`, { token: harness.tokens.customer })).status).toBe(404);
    expect((await harness.request('GET', `/api/v1/cases/${ownCaseId}`, { token: harness.tokens.customer })).status).toBe(200);
  });

  it('gives customers customer-visible notes only, and staff the whole timeline', async () => {
    type Timeline = { notes: Array<{ body: string }>; events: Array<{ type: string }> };
    const forCustomer = await getJson<Timeline>(`/api/v1/cases/${ownCaseId}/timeline`, harness.tokens.customer);
    expect(forCustomer.body.notes.map((note) => note.body)).toEqual(['We are looking into it']);
    const forStaff = await getJson<Timeline>(`/api/v1/cases/${ownCaseId}/timeline`, harness.tokens.csr);
    expect(forStaff.body.notes).toHaveLength(2);
    expect(forStaff.body.events.map((event) => event.type)).toEqual(['case_created', 'addNote', 'addNote']);
  });

  it('masks the customer phone for admins and keeps it for handlers', async () => {
    const forCsr = await getJson<Record<string, string>>(`/api/v1/cases/${otherCaseId}`, harness.tokens.csr);
    expect(forCsr.body.customerPhone).toBe(otherCustomer.phone);
    const forAdmin = await getJson<Record<string, string>>(`/api/v1/cases/${otherCaseId}`, harness.tokens.admin);
    expect(forAdmin.body.customerPhone).toBe(`••••${otherCustomer.phone!.slice(-4)}`);
  });

  it('exports a filtered list as CSV, masked for the role and guarded against formulas', async () => {
    await harness.database.db.update(customers).set({ organizationName: '=HYPERLINK("http://evil")' }).where(eq(customers.id, otherCustomer.id));
    const response = await harness.request('GET', '/api/v1/cases/export.csv?priority=P1&status=escalated', { token: harness.tokens.admin });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/csv');
    const lines = (await response.text()).trim().split('\r\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(`••••${otherCustomer.phone!.slice(-4)}`);
    expect(lines[1]).not.toContain(otherCustomer.phone!);
    expect(lines[1]).toContain(`"'=HYPERLINK(""http://evil"")"`);
  });

  it('rejects a forged cursor with a 400 naming the cursor', async () => {
    const response = await harness.request('GET', '/api/v1/cases?cursor=bm90LWEtY3Vyc29y', { token: harness.tokens.csr });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { fields: string[] }).fields).toEqual(['cursor']);
  });

  it('serves the history from the archive when Temporal is not wired (empty for a case never archived)', async () => {
    const response = await harness.request('GET', `/api/v1/cases/${ownCaseId}/history`, { token: harness.tokens.compliance });
    expect(await response.json()).toMatchObject({ caseId: ownCaseId, source: 'none', entries: [] });
  });
});
