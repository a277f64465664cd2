import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assignCase } from '../../activities/assignment/assign-case.js';
import { agents } from '../../db/schema.js';
import { businessHoursIso, insertRoutableCase } from '../activities/assignment-fixtures.js';
import { createApiHarness, type ApiHarness } from './api-harness.js';
import { insertCaseRow, listSeedCustomers } from './case-builders.js';
import { createRecordingCaseCommands } from './recording-case-commands.js';

let harness: ApiHarness;
const recorder = createRecordingCaseCommands();
let liLei: { id: string; userId: string | null };
let customerId: string;

beforeAll(async () => {
  // A Wednesday afternoon in US Eastern business hours, so handlers are on shift whatever today is.
  harness = await createApiHarness({ caseCommands: recorder.commands, now: () => new Date(businessHoursIso) });
  const [row] = await harness.database.db.select({ id: agents.id, userId: agents.userId }).from(agents).where(eq(agents.email, 'li.lei@example.com'));
  liLei = row!;
  customerId = (await listSeedCustomers(harness.database.db, 1))[0]!.id;
});
afterAll(async () => harness?.close());

describe('POST /agents/{agentId}/availability', () => {
  it('dispatches the cases waiting for manual scheduling when a qualified handler comes online, and signals their workflows', async () => {
    const { db } = harness.database;
    await db.update(agents).set({ availability: 'offline' });
    const waiting = await insertRoutableCase(db, { priority: 'P2', tags: ['api-integration'] });
    const routed = await assignCase(db, waiting);
    expect(routed.outcome).toBe('manual_scheduling');

    const response = await harness.request('POST', `/api/v1/agents/${liLei.id}/availability`, { token: harness.tokens.supervisor, body: { availability: 'online' } });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { dispatched: { caseId: string }[] };
    expect(body.dispatched.map((entry) => entry.caseId)).toEqual([waiting.caseId]);
    expect(recorder.signals.at(-1)).toMatchObject({ signal: 'assign', target: { caseId: waiting.caseId }, payload: { actorId: 'dispatcher', assigneeId: liLei.id } });
  });

  it("refuses a handler who sets someone else's availability", async () => {
    const [other] = await harness.database.db.select({ id: agents.id }).from(agents).where(eq(agents.email, 'emily.chen@example.com'));
    const response = await harness.request('POST', `/api/v1/agents/${other!.id}/availability`, { token: harness.tokens.csr, body: { availability: 'away' } });
    expect(response.status).toBe(403);
  });

  it('names a bad availability value', async () => {
    const response = await harness.request('POST', `/api/v1/agents/${liLei.id}/availability`, { token: harness.tokens.supervisor, body: { availability: 'asleep' } });
    expect(response.status).toBe(400);
    expect(JSON.stringify(await response.json())).toContain('availability');
  });
});

describe('POST /cases/reassign', () => {
  it('signals a transfer with the reason to every open case and reports the ones it cannot move', async () => {
    const { db } = harness.database;
    const open = [await insertCaseRow(db, customerId), await insertCaseRow(db, customerId, { status: 'assigned' })];
    const closed = await insertCaseRow(db, customerId, { status: 'closed' });
    const unknown = '00000000-0000-4000-8000-000000000000';
    const before = recorder.signals.length;
    const response = await harness.request('POST', '/api/v1/cases/reassign', {
      token: harness.tokens.supervisor,
      body: { caseIds: [...open.map((c) => c.caseId), closed.caseId, unknown], toAgentId: liLei.id, reason: 'rebalancing after an outage' },
    });
    expect(response.status).toBe(202);
    const body = (await response.json()) as { signalled: { caseId: string }[]; refused: { caseId: string; code: string }[] };
    expect(body.signalled.map((entry) => entry.caseId).sort()).toEqual(open.map((c) => c.caseId).sort());
    expect(body.refused).toEqual([
      expect.objectContaining({ caseId: closed.caseId, code: 'invalid_transition' }),
      expect.objectContaining({ caseId: unknown, code: 'not_found' }),
    ]);
    const signals = recorder.signals.slice(before);
    expect(signals).toHaveLength(2);
    expect(signals.every((entry) => entry.signal === 'transfer')).toBe(true);
    expect(signals[0]?.payload).toMatchObject({ toAssigneeId: liLei.id, reason: 'rebalancing after an outage', actorId: `user:${harness.userIds.supervisor}` });
  });

  it('is for supervisors: a CSR is refused', async () => {
    const response = await harness.request('POST', '/api/v1/cases/reassign', { token: harness.tokens.csr, body: { caseIds: [customerId], toAgentId: liLei.id, reason: 'x' } });
    expect(response.status).toBe(403);
  });
});
