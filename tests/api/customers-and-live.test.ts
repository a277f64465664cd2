import { eq, ne } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseChangedChannel as projectionChannel } from '../../activities/case-projection.js';
import { customerAccounts, customers } from '../../db/schema.js';
import { caseChangedChannel } from '../../src/api/case-change-hub.js';
import { createApiHarness, type ApiHarness } from './api-harness.js';
import { insertCaseRow } from './case-builders.js';

let harness: ApiHarness;
let customer: typeof customers.$inferSelect;
let accountNumber: string;

beforeAll(async () => {
  harness = await createApiHarness();
  const [account] = await harness.database.db.select().from(customerAccounts).where(ne(customerAccounts.customerId, harness.customerIdOfPortalUser)).limit(1);
  accountNumber = account!.accountNumber;
  await harness.database.db.update(customers).set({ nationalId: '123-45-6789' }).where(eq(customers.id, account!.customerId));
  const [row] = await harness.database.db.select().from(customers).where(eq(customers.id, account!.customerId));
  customer = row!;
});
afterAll(async () => harness?.close());

type View = { profile: Record<string, string>; accounts: Array<{ accountNumber: string }>; recentInteractions: unknown[]; openCases: unknown[]; csat: unknown; riskFlags: unknown[]; preferences: unknown };
const view360 = async (token: string) => (await (await harness.request('GET', `/api/v1/customers/${customer.id}/360`, { token })).json()) as View;

describe('customers', () => {
  it('finds a customer by account number, e-mail and last name', async () => {
    for (const q of [accountNumber, customer.email!, customer.lastName]) {
      const { items } = (await (await harness.request('GET', `/api/v1/customers?q=${encodeURIComponent(q)}`, { token: harness.tokens.csr })).json()) as { items: Array<{ customerId: string }> };
      expect(items.map((item) => item.customerId), q).toContain(customer.id);
    }
  });

  it('returns the whole 360° view in one call, with at most 10 interactions', async () => {
    const view = await view360(harness.tokens.senior);
    expect(Object.keys(view).sort()).toEqual(['accounts', 'csat', 'openCases', 'preferences', 'profile', 'recentInteractions', 'recentTransactions', 'riskFlags']);
    expect(view.recentInteractions.length).toBeLessThanOrEqual(10);
  });

  it('masks account numbers and national ids to the last 4 for CSRs and shows them in full to compliance', async () => {
    const forCsr = await view360(harness.tokens.csr);
    expect(forCsr.profile.nationalId).toBe('••••6789');
    expect(forCsr.accounts.find((a) => a.accountNumber.endsWith(accountNumber.slice(-4)))!.accountNumber).toBe(`••••${accountNumber.slice(-4)}`);
    expect(forCsr.profile.phone).toBe(customer.phone);
    const forCompliance = await view360(harness.tokens.compliance);
    expect(forCompliance.profile.nationalId).toBe('123-45-6789');
    expect(forCompliance.accounts.map((a) => a.accountNumber)).toContain(accountNumber);
  });
});

describe('saved searches', () => {
  it('shows personal searches to their owner only and shared ones to everyone', async () => {
    const save = (token: string, name: string, isShared: boolean) => harness.request('POST', '/api/v1/saved-searches', { token, body: { name, isShared, filters: { status: 'new,assigned', priority: 'P1' } } });
    expect((await save(harness.tokens.supervisor, 'My P1s', false)).status).toBe(201);
    expect((await save(harness.tokens.supervisor, 'Team P1s', true)).status).toBe(201);
    expect((await save(harness.tokens.supervisor, 'Team P1s', true)).status).toBe(409);
    const invalid = await harness.request('POST', '/api/v1/saved-searches', { token: harness.tokens.csr, body: { name: 'bad', filters: { status: 'lost' } } });
    expect(((await invalid.json()) as { fields: string[] }).fields).toEqual(['filters']);
    const names = async (token: string) => ((await (await harness.request('GET', '/api/v1/saved-searches', { token })).json()) as { items: Array<{ name: string }> }).items.map((i) => i.name).sort();
    expect(await names(harness.tokens.supervisor)).toEqual(['My P1s', 'Team P1s']);
    expect(await names(harness.tokens.csr)).toEqual(['Team P1s']);
  });
});

/** Reads server-sent events from a streaming body, keeping what it has read between calls. */
function createEventReader(body: ReadableStream<Uint8Array>) {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  return {
    /** The data of the next `count` events of `type` (others are skipped). */
    async take(type: string, count: number): Promise<string[]> {
      const found: string[] = [];
      while (found.length < count) {
        const blocks = buffer.split('\n\n');
        buffer = blocks.pop()!;
        for (const block of blocks) if (found.length < count && block.includes(`event: ${type}`)) found.push(block.split('\n').find((line) => line.startsWith('data: '))!.slice(6));
        if (found.length >= count) break;
        const { value, done } = await reader.read();
        if (done) break;
        buffer += decoder.decode(value, { stream: true });
      }
      return found;
    },
    close: () => reader.cancel(),
  };
}

describe('live updates', () => {
  it('listens on the channel the projection notifies', () => {
    expect(caseChangedChannel).toBe(projectionChannel);
  });

  it('streams case changes over SSE, a customer seeing only their own cases', async () => {
    const own = await insertCaseRow(harness.database.db, harness.customerIdOfPortalUser);
    const other = await insertCaseRow(harness.database.db, customer.id);
    const staffStream = await harness.request('GET', '/api/v1/events', { token: harness.tokens.supervisor });
    const customerStream = await harness.request('GET', '/api/v1/events', { token: harness.tokens.customer });
    expect(staffStream.headers.get('content-type')).toContain('text/event-stream');
    const staff = createEventReader(staffStream.body!);
    const portal = createEventReader(customerStream.body!);
    // `ready` is sent once Postgres listens, so nothing notified afterwards can be missed.
    await staff.take('ready', 1);
    await portal.take('ready', 1);
    for (const target of [other, own]) {
      await harness.database.sql.notify(caseChangedChannel, JSON.stringify({ caseId: target.caseId, caseNumber: target.caseNumber, sequence: 2, type: 'addNote', status: 'new' }));
    }
    const staffEvents = (await staff.take('case_changed', 2)).map((data) => (JSON.parse(data) as { caseId: string }).caseId);
    const customerEvents = (await portal.take('case_changed', 1)).map((data) => (JSON.parse(data) as { caseId: string }).caseId);
    await Promise.all([staff.close(), portal.close()]);
    expect(staffEvents).toEqual([other.caseId, own.caseId]);
    expect(customerEvents).toEqual([own.caseId]);
  });
});
