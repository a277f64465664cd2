import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiHarness, type ApiHarness } from './api-harness.js';
import { insertCaseRow, listSeedCustomers } from './case-builders.js';

// GET /cases/{caseId} merges the workflow's live state only while the workflow runs: a closed
// case's workflow has completed, its read model row is final, and a query would only make
// Temporal replay the history. The live state crosses the API's GetLiveState seam, recorded here.
let harness: ApiHarness;
const askedCaseIds: string[] = [];

beforeAll(async () => {
  harness = await createApiHarness({
    getLiveState: async ({ caseId }) => {
      askedCaseIds.push(caseId);
      return { lastSequence: 7 };
    },
  });
});
afterAll(async () => harness?.close());

describe('GET one case with live state', () => {
  it('merges the live state of an open case and answers a closed one from the read model alone', async () => {
    const [customer] = await listSeedCustomers(harness.database.db, 1);
    const open = await insertCaseRow(harness.database.db, customer!.id, { status: 'in_progress' });
    const closed = await insertCaseRow(harness.database.db, customer!.id, { status: 'closed', closedAt: new Date() });
    const read = async (caseId: string) => (await harness.request('GET', `/api/v1/cases/${caseId}`, { token: harness.tokens.csr })).json() as Promise<{ status: string; live: unknown }>;

    expect(await read(open.caseId)).toMatchObject({ status: 'in_progress', live: { lastSequence: 7 } });
    expect(await read(closed.caseId)).toMatchObject({ status: 'closed', live: null });
    expect(askedCaseIds).toEqual([open.caseId]);
  });

  it('serves the clocks of a case with the detail, as instants', async () => {
    const [customer] = await listSeedCustomers(harness.database.db, 1);
    const { caseId } = await insertCaseRow(harness.database.db, customer!.id, { status: 'new' });
    await harness.database.sql`insert into case_clocks (case_id, kind, target_ms, started_at, due_at, elapsed_ms)
      values (${caseId}, 'first_response', 3600000, '2026-01-05T09:00:00Z', '2026-01-05T10:00:00Z', 1200)`;
    const detail = (await (await harness.request('GET', `/api/v1/cases/${caseId}`, { token: harness.tokens.csr })).json()) as { clocks: unknown[] };
    expect(detail.clocks).toEqual([{ kind: 'first_response', dueAt: '2026-01-05T10:00:00.000Z', elapsedMs: 1200, pausedAt: null, stoppedAt: null, breachedAt: null }]);
  });
});
