import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiHarness, type ApiHarness } from './api-harness.js';
import { insertCaseRow, listSeedCustomers } from './case-builders.js';
import { createRecordingCaseCommands } from './recording-case-commands.js';

let harness: ApiHarness;
const recorder = createRecordingCaseCommands();

beforeAll(async () => {
  harness = await createApiHarness({ caseCommands: recorder.commands });
});
afterAll(async () => harness?.close());

const answer = (caseId: string, token: string, body: unknown) => harness.request('POST', `/api/v1/cases/${caseId}/csat`, { token, body });

describe('POST /cases/{caseId}/csat', () => {
  it("signals the customer's answer to the case workflow", async () => {
    const { caseId } = await insertCaseRow(harness.database.db, harness.customerIdOfPortalUser, { status: 'resolved', lastEventSequence: 7 });
    const response = await answer(caseId, harness.tokens.customer, { score: 4, isResolved: true, comment: 'Quick and kind' });
    expect(response.status).toBe(202);
    expect(await response.json()).toMatchObject({ caseId, action: 'csat', afterSequence: 7 });
    expect(recorder.signals.at(-1)).toMatchObject({ signal: 'csatAnswer', target: { caseId }, payload: { score: 4, isResolved: true, comment: 'Quick and kind' } });
  });

  it("refuses staff, another customer's case and scores outside 1–5", async () => {
    const other = (await listSeedCustomers(harness.database.db, 10)).find((customer) => customer.id !== harness.customerIdOfPortalUser)!;
    const { caseId: othersCase } = await insertCaseRow(harness.database.db, other.id, { status: 'resolved' });
    const { caseId: ownCase } = await insertCaseRow(harness.database.db, harness.customerIdOfPortalUser, { status: 'resolved' });
    const before = recorder.signals.length;
    expect((await answer(ownCase, harness.tokens.csr, { score: 5, isResolved: true })).status).toBe(403);
    expect((await answer(othersCase, harness.tokens.customer, { score: 5, isResolved: true })).status).toBe(404);
    expect((await answer(ownCase, harness.tokens.customer, { score: 6, isResolved: true })).status).toBe(400);
    expect((await answer(ownCase, harness.tokens.customer, { score: 3 })).status).toBe(400);
    expect(recorder.signals.length).toBe(before);
  });
});
