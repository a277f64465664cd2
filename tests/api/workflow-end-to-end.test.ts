import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiTokens, users } from '../../db/schema.js';
import { createApp } from '../../src/api/app.js';
import { createTemporalCaseGateway } from '../../src/api/temporal-case-gateway.js';
import { createSecretToken } from '../../src/auth/secret-token.js';
import { createLogger } from '../../src/logger.js';
import { startCaseHarness, type CaseHarness } from '../fixtures/case-harness.js';

let harness: CaseHarness;
let app: ReturnType<typeof createApp>;
const tokens: Record<string, string> = {};

async function issueToken(role: 'csr' | 'compliance' | 'supervisor'): Promise<string> {
  const [user] = await harness.database.db.insert(users).values({ email: `${role}@e2e.test`, displayName: role, role, passwordHash: 'scrypt$unused' }).returning();
  const secret = createSecretToken('cet');
  await harness.database.db.insert(apiTokens).values({ userId: user!.id, name: 'e2e', tokenHash: secret.tokenHash, tokenPrefix: secret.tokenPrefix });
  return secret.token;
}

beforeAll(async () => {
  harness = await startCaseHarness();
  const gateway = createTemporalCaseGateway(harness.env.client, harness.taskQueue, harness.database.db);
  app = createApp({ logger: createLogger('error', () => undefined), health: { checks: {}, version: 'test', startedAt: new Date() }, api: { db: harness.database.db, sql: harness.database.sql, ...gateway } });
  tokens.csr = await issueToken('csr');
  tokens.compliance = await issueToken('compliance');
  tokens.supervisor = await issueToken('supervisor');
});
afterAll(async () => harness?.stop());

const call = (method: string, path: string, token: string, body?: unknown, headers: Record<string, string> = {}) =>
  Promise.resolve(app.request(`/api/v1${path}`, { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...headers }, body: body === undefined ? undefined : JSON.stringify(body) }));

describe('the API on the real case workflow', () => {
  it('creates a case, adds a note by signal, and shows both in the read model, the live state and the history', async () => {
    const created = await call('POST', '/cases', tokens.csr!, { customerId: harness.customerId, caseType: 'payment_issue', subject: 'Payment not posted' }, { 'idempotency-key': 'e2e-1' });
    expect(created.status).toBe(202);
    const { caseId, workflowId } = (await created.json()) as { caseId: string; workflowId: string };
    const handle = harness.env.client.workflow.getHandle(workflowId);
    await harness.waitForSequence(handle as never, 1);
    const retried = await call('POST', '/cases', tokens.csr!, { customerId: harness.customerId, caseType: 'payment_issue', subject: 'Payment not posted' }, { 'idempotency-key': 'e2e-1' });
    expect(((await retried.json()) as { caseId: string }).caseId).toBe(caseId);

    const noted = await call('POST', `/cases/${caseId}/notes`, tokens.csr!, { body: 'Called the bank', visibility: 'customer' });
    expect(noted.status).toBe(202);
    const { afterSequence } = (await noted.json()) as { afterSequence: number };
    await harness.waitForSequence(handle as never, afterSequence + 1);

    const timeline = (await (await call('GET', `/cases/${caseId}/timeline`, tokens.csr!)).json()) as { events: Array<{ sequence: number; type: string }>; notes: Array<{ body: string }> };
    expect(timeline.events[0]!.type).toBe('case_created');
    expect(timeline.events.find((event) => event.sequence === afterSequence + 1)?.type).toBe('note_added');
    expect(timeline.notes.map((note) => note.body)).toEqual(['Called the bank']);
    const detail = (await (await call('GET', `/cases/${caseId}`, tokens.csr!)).json()) as { status: string; queue: string; live: { lastSequence: number } | null };
    expect(['new', 'assigned']).toContain(detail.status);
    expect(detail.live?.lastSequence).toBeGreaterThanOrEqual(afterSequence + 1);
    const history = (await (await call('GET', `/cases/${caseId}/history`, tokens.compliance!)).json()) as { source: string; entries: Array<{ type: string }> };
    expect(history.source).toBe('temporal');
    expect(history.entries[0]!.type).toBe('WorkflowExecutionStarted');

    const samePriority = await call('POST', `/cases/${caseId}/priority`, tokens.supervisor!, { priority: (detail as unknown as { priority: string }).priority });
    expect(samePriority.status).toBe(202);
    const rejectedAfter = ((await samePriority.json()) as { afterSequence: number }).afterSequence;
    await harness.waitForSequence(handle as never, rejectedAfter + 1);
    const after = (await (await call('GET', `/cases/${caseId}/timeline`, tokens.csr!)).json()) as { events: Array<{ type: string; payload: { error?: { code: string } } }> };
    expect(after.events.at(-1)).toMatchObject({ type: 'signal_rejected', payload: { error: { code: 'no_change' } } });
  });
});
