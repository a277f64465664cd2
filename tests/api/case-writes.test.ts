import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiHarness, type ApiHarness } from './api-harness.js';
import { insertCaseRow, listSeedCustomers } from './case-builders.js';
import { createRecordingCaseCommands } from './recording-case-commands.js';

let harness: ApiHarness;
const recorder = createRecordingCaseCommands();
let customerId: string;

beforeAll(async () => {
  harness = await createApiHarness({ caseCommands: recorder.commands });
  customerId = (await listSeedCustomers(harness.database.db, 10)).find((c) => c.id !== harness.customerIdOfPortalUser)!.id;
});
afterAll(async () => harness?.close());

const createCase = (body: unknown, key?: string, token = harness.tokens.csr) =>
  harness.request('POST', '/api/v1/cases', { token, body, headers: key ? { 'idempotency-key': key } : {} });

describe('case writes', () => {
  it('starts one workflow per create, prepopulated from the customer, with workflow id case-<number>', async () => {
    const response = await createCase({ customerId, caseType: 'payment_issue', subject: 'Payment not posted', channel: 'email' });
    expect(response.status).toBe(202);
    const accepted = (await response.json()) as { caseId: string; caseNumber: number; workflowId: string };
    expect(accepted.workflowId).toBe(`case-${accepted.caseNumber}`);
    const started = recorder.started.find((input) => input.caseId === accepted.caseId)!;
    expect(started).toMatchObject({ customerId, channel: 'email', caseType: 'payment_issue', createdBy: `user:${harness.userIds.csr}` });
    expect(started.regionCode).toBeTruthy();
  });

  it('returns the same case to concurrent retries with one Idempotency-Key, and starts it once', async () => {
    const body = { customerId, caseType: 'dispute', subject: 'Charge I did not make' };
    const responses = await Promise.all(Array.from({ length: 8 }, () => createCase(body, 'retry-key-1')));
    const accepted = await Promise.all(responses.map(async (r) => ((await r.json()) as { caseId: string }).caseId));
    expect(responses.every((r) => r.status === 202)).toBe(true);
    expect(new Set(accepted).size).toBe(1);
    expect(recorder.started.filter((input) => input.caseId === accepted[0])).toHaveLength(1);
  });

  it('refuses an Idempotency-Key reused with another body', async () => {
    await createCase({ customerId, caseType: 'dispute', subject: 'First' }, 'retry-key-2');
    const second = await createCase({ customerId, caseType: 'dispute', subject: 'Second' }, 'retry-key-2');
    expect(second.status).toBe(422);
    expect(((await second.json()) as { code: string }).code).toBe('idempotency_key_reused');
  });

  it('makes a portal customer’s case their own, on the portal channel', async () => {
    const response = await createCase({ customerId, caseType: 'information_request', subject: 'Where is my statement?', channel: 'phone' }, undefined, harness.tokens.customer);
    const { caseId } = (await response.json()) as { caseId: string };
    expect(recorder.started.find((input) => input.caseId === caseId)).toMatchObject({ customerId: harness.customerIdOfPortalUser, channel: 'portal' });
  });

  it('signals a note and answers 202 with the sequence the outcome will follow', async () => {
    const { caseId } = await insertCaseRow(harness.database.db, customerId, { status: 'assigned', lastEventSequence: 4 });
    const response = await harness.request('POST', `/api/v1/cases/${caseId}/notes`, { token: harness.tokens.csr, body: { body: 'Called the customer back', visibility: 'internal' } });
    expect(response.status).toBe(202);
    expect(await response.json()).toEqual({ caseId, action: 'note', afterSequence: 4 });
    expect(recorder.signals.at(-1)).toMatchObject({ signal: 'addNote', target: { caseId }, payload: { actorId: `user:${harness.userIds.csr}`, body: 'Called the customer back', visibility: 'internal' } });
  });

  it('signals resolve, transfer, priority and escalate with their validated payloads', async () => {
    const { caseId } = await insertCaseRow(harness.database.db, customerId, { status: 'in_progress' });
    const post = (action: string, body: unknown, token = harness.tokens.supervisor) => harness.request('POST', `/api/v1/cases/${caseId}/${action}`, { token, body });
    expect((await post('transfer', { reason: 'needs payments team', toQueue: 'payments' })).status).toBe(202);
    expect((await post('priority', { priority: 'P1', reason: 'regulator letter' })).status).toBe(202);
    expect((await post('escalate', { reason: 'customer threatens to leave' })).status).toBe(202);
    expect((await post('resolve', { category: 'resolved_adjustment_made', notes: 'Fee refunded' })).status).toBe(202);
    expect(recorder.signals.slice(-4).map((s) => s.signal)).toEqual(['transfer', 'changePriority', 'escalate', 'resolve']);
  });

  it('refuses an action the case’s state does not allow with 409 invalid_transition, without signalling', async () => {
    const { caseId } = await insertCaseRow(harness.database.db, customerId, { status: 'closed' });
    const before = recorder.signals.length;
    const response = await harness.request('POST', `/api/v1/cases/${caseId}/resolve`, { token: harness.tokens.csr, body: { category: 'resolved_customer_satisfied', notes: 'done' } });
    expect(response.status).toBe(409);
    expect(((await response.json()) as { code: string }).code).toBe('invalid_transition');
    expect(recorder.signals.length).toBe(before);
  });

  it('names the missing fields of an action body', async () => {
    const { caseId } = await insertCaseRow(harness.database.db, customerId, { status: 'in_progress' });
    const response = await harness.request('POST', `/api/v1/cases/${caseId}/resolve`, { token: harness.tokens.csr, body: { category: 'made_up', extra: 1 } });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { fields: string[] }).fields).toEqual(expect.arrayContaining(['category', 'notes']));
  });

  it('makes a customer’s note customer-visible and refuses notes on someone else’s case with 404', async () => {
    const own = await insertCaseRow(harness.database.db, harness.customerIdOfPortalUser, { status: 'pending_customer' });
    const other = await insertCaseRow(harness.database.db, customerId, { status: 'pending_customer' });
    const body = { body: 'Here is the document', visibility: 'internal' };
    expect((await harness.request('POST', `/api/v1/cases/${own.caseId}/notes`, { token: harness.tokens.customer, body })).status).toBe(202);
    expect(recorder.signals.at(-1)).toMatchObject({ signal: 'addNote', payload: { visibility: 'customer', actorId: `customer:${harness.customerIdOfPortalUser}` } });
    expect((await harness.request('POST', `/api/v1/cases/${other.caseId}/notes`, { token: harness.tokens.customer, body })).status).toBe(404);
  });
});
