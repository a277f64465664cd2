import { Worker } from '@temporalio/worker';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, type DbHandle } from '../../db/client.js';
import { adminAuditLog, apiTokens, policyApplyJobs, slaPolicies, slaPolicyVersions, users } from '../../db/schema.js';
import { defaultSlaPolicyCode, defaultSlaTargets, seedSlaPolicy } from '../../db/seed/sla-policy-seed.js';
import { createApp } from '../../src/api/app.js';
import { policyApplyWorkflowId, type PolicyApplyProgress } from '../../src/api/policy-apply-jobs.js';
import { createTemporalCaseGateway } from '../../src/api/temporal-case-gateway.js';
import { createSecretToken } from '../../src/auth/secret-token.js';
import { createLogger } from '../../src/logger.js';
import { assignSignal, caseStateQuery, resolveSignal } from '../../workflows/case-messages.js';
import { policyApplyWorkflow } from '../../workflows/policy-apply-workflow.js';
import { buildCaseInput } from '../fixtures/case-fixtures.js';
import { startCaseHarness, type CaseHandle, type CaseHarness } from '../fixtures/case-harness.js';

let harness: CaseHarness;
/** Two API instances, each with its own pool: progress must come from Postgres, not one process's memory. */
let apps: Array<ReturnType<typeof createApp>>;
let secondPool: DbHandle;
let adminToken: string;
let policyId: string;
/** The applyPolicyBatch call (counted over the file) that fails after its real work, as a worker dying after the write would. */
let failAfterBatchCall: number | null = null;
let batchCalls = 0;

beforeAll(async () => {
  harness = await startCaseHarness({
    wrapActivities: (activities) => ({
      ...activities,
      applyPolicyBatch: async (input) => {
        const result = await activities.applyPolicyBatch(input);
        batchCalls += 1;
        if (batchCalls === failAfterBatchCall) throw new Error('the worker lost its connection after recording the batch');
        return result;
      },
    }),
  });
  await seedSlaPolicy(harness.database.db);
  policyId = (await harness.database.db.select().from(slaPolicies).where(eq(slaPolicies.code, defaultSlaPolicyCode)))[0]!.id;
  const [admin] = await harness.database.db.insert(users).values({ email: 'admin@policy-apply.test', displayName: 'Admin', role: 'admin', passwordHash: 'scrypt$unused' }).returning();
  const secret = createSecretToken('cet');
  await harness.database.db.insert(apiTokens).values({ userId: admin!.id, name: 'policy-apply', tokenHash: secret.tokenHash, tokenPrefix: secret.tokenPrefix });
  adminToken = secret.token;

  const logger = createLogger('error', () => undefined);
  const health = { checks: {}, version: 'test', startedAt: new Date() };
  const gateway = createTemporalCaseGateway(harness.env.client, harness.taskQueue, harness.database.db);
  secondPool = createDb(harness.database.url);
  // The second instance starts jobs in test-sized batches (2 cases, 2 batches a run) to exercise paging and continue-as-new.
  const startSmallBatches = async ({ jobId }: { jobId: string }) => {
    await harness.env.client.workflow.start(policyApplyWorkflow, { taskQueue: harness.taskQueue, workflowId: policyApplyWorkflowId(jobId), args: [{ jobId, batchSize: 2, batchesPerRun: 2 }] });
  };
  apps = [
    createApp({ logger, health, api: { db: harness.database.db, sql: harness.database.sql, ...gateway } }),
    createApp({ logger, health, api: { db: secondPool.db, sql: secondPool.sql, ...gateway, startPolicyApply: startSmallBatches } }),
  ];
});
afterAll(async () => {
  await secondPool?.close();
  await harness?.stop();
});

const call = async (instance: number, method: string, path: string, body?: unknown) =>
  apps[instance]!.request(`/api/v1/admin/sla-policies/${policyId}${path}`, { method, headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });

async function startOpenCase(): Promise<{ handle: CaseHandle; caseId: string }> {
  const input = buildCaseInput(harness.customerId);
  const handle = await harness.startCase(input);
  await harness.waitForSequence(handle, 2);
  return { handle, caseId: input.caseId };
}

/** A case resolved and closed by its own timers: its workflow has ended. */
async function startClosedCase(): Promise<string> {
  const input = buildCaseInput(harness.customerId);
  const handle = await harness.startCase(input);
  await handle.signal(assignSignal, { actorId: 'user:lead', assigneeId: harness.agentIds[0] });
  await handle.signal(resolveSignal, { actorId: 'user:csr', category: 'resolved_policy_explained', notes: 'Explained the two payments' });
  await handle.result();
  return input.caseId;
}

async function writeVersion(resolutionHours: number): Promise<number> {
  const rules = [{ caseType: 'information_request', priority: null, segment: null, isUrgent: null, firstResponse: { unit: 'hours', amount: 2 }, resolution: { unit: 'hours', amount: resolutionHours } }];
  const created = await call(0, 'POST', '/versions', { targets: { ...defaultSlaTargets, rules }, timeMode: 'calendar' });
  expect(created.status).toBe(201);
  return ((await created.json()) as { version: number }).version;
}

/** Starts a re-apply through one instance and waits for its workflow (through every continued run). */
async function applyAndWait(instance: number, version: number): Promise<PolicyApplyProgress> {
  const started = await call(instance, 'POST', '/apply', { version });
  expect(started.status).toBe(202);
  const progress = (await started.json()) as PolicyApplyProgress;
  expect(progress).toMatchObject({ status: 'running', signalledCases: 0, finishedAt: null });
  expect(await harness.env.client.workflow.getHandle(policyApplyWorkflowId(progress.jobId)).result()).toBe('done');
  return progress;
}

/** Waits until the case runs `version`, then returns its policy_changed events from the read model. */
async function readPolicyChanges(handle: CaseHandle, caseId: string, version: number) {
  for (let attempt = 0; attempt < 200; attempt++) {
    const view = await handle.query(caseStateQuery);
    if (view.policy.version === version) {
      await harness.waitForSequence(handle, view.lastSequence);
      return (await harness.listEvents(caseId)).filter((event) => event.type === 'policy_changed');
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`case ${caseId} never ran version ${version}`);
}

describe('re-applying an SLA policy version to open cases (real worker and Temporal)', () => {
  const open: Array<{ handle: CaseHandle; caseId: string }> = [];
  let closedCaseId: string;

  it('signals every open case under the policy, skips closed ones, and any instance reads the progress', async () => {
    closedCaseId = await startClosedCase();
    for (let count = 0; count < 3; count++) open.push(await startOpenCase());
    const version = await writeVersion(8);
    const started = await applyAndWait(0, version);
    expect(started.totalCases).toBe(3);

    const read = await call(1, 'GET', `/apply/${started.jobId}`);
    expect(read.status).toBe(200);
    expect(await read.json()).toMatchObject({ jobId: started.jobId, policyId, version, status: 'done', totalCases: 3, signalledCases: 3, failedCaseIds: [], finishedAt: expect.any(String) });
    for (const { handle, caseId } of open) {
      const changes = await readPolicyChanges(handle, caseId, version);
      expect(changes).toEqual([expect.objectContaining({ actor: expect.stringMatching(/^user:/), payload: expect.objectContaining({ current: expect.objectContaining({ version }) }) })]);
      expect(await harness.readCase(caseId)).toMatchObject({ slaPolicyVersion: version });
    }
    expect(await harness.readCase(closedCaseId)).toMatchObject({ status: 'closed', slaPolicyVersion: 1 });
    expect((await harness.listEvents(closedCaseId)).map((event) => event.type)).not.toContain('policy_changed');
    const audit = await harness.database.db.select().from(adminAuditLog).where(eq(adminAuditLog.action, 'apply_version'));
    expect(audit).toEqual([expect.objectContaining({ entityId: policyId, after: expect.objectContaining({ jobId: started.jobId, version, totalCases: 3 }) })]);
  });

  it('pages in batches across continued runs, and a batch retried after its write is not counted or signalled twice', async () => {
    for (let count = 0; count < 2; count++) open.push(await startOpenCase());
    const version = await writeVersion(6);
    failAfterBatchCall = batchCalls + 2; // the second batch dies after signalling and recording
    const started = await applyAndWait(1, version);

    const progress = (await (await call(0, 'GET', `/apply/${started.jobId}`)).json()) as PolicyApplyProgress;
    expect(progress).toMatchObject({ status: 'done', totalCases: 5, signalledCases: 5, failedCaseIds: [] });
    const [job] = await harness.database.db.select().from(policyApplyJobs).where(eq(policyApplyJobs.id, started.jobId));
    expect(job).toMatchObject({ batchesRecorded: 3, lastCaseId: [...open.map((entry) => entry.caseId)].sort().at(-1) });
    for (const { handle, caseId } of open) {
      const changes = await readPolicyChanges(handle, caseId, version);
      expect(changes.filter((event) => (event.payload as { current: { version: number } }).current.version === version)).toHaveLength(1);
    }
    expect((await harness.listEvents(closedCaseId)).map((event) => event.type)).not.toContain('policy_changed');

    // The job continued as new after two batches; every run replays against the current code.
    const handle = harness.env.client.workflow.getHandle(policyApplyWorkflowId(started.jobId));
    const lastRun = await handle.fetchHistory();
    const previousRunId = lastRun.events?.[0]?.workflowExecutionStartedEventAttributes?.continuedExecutionRunId;
    expect(previousRunId).toBeTruthy();
    const firstRun = await harness.env.client.workflow.getHandle(handle.workflowId, previousRunId!).fetchHistory();
    for (const history of [firstRun, lastRun]) await Worker.runReplayHistory({ workflowBundle: harness.bundle }, history, handle.workflowId);
  });

  it('answers 404 for an unknown job or a job of another policy', async () => {
    const [version] = await harness.database.db.select().from(slaPolicyVersions).where(eq(slaPolicyVersions.policyId, policyId));
    expect((await call(1, 'GET', `/apply/${version!.id}`)).status).toBe(404);
    expect((await call(0, 'POST', '/apply', { version: 99 })).status).toBe(404);
  });
});
