import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { WorkflowContinuedAsNewError } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { archiveWorkflowHistory } from '../../activities/history-archive.js';
import { getCaseHistoryTimeline } from '../../src/compliance/case-audit-trail.js';
import { renderHistoryTimeline } from '../../src/temporal/history-timeline.js';
import { fetchWorkflowRunChain } from '../../src/temporal/workflow-history.js';
import { insertCustomer, seedCaseReferenceData } from '../fixtures/case-fixtures.js';
import { insertComplaintCase } from '../fixtures/complaint-fixtures.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { bundleWorkflows, createLocalEnv } from '../support/temporal-env.js';
import * as historyActivities from './fixtures/history-activities.js';
import { addNoteSignal, type historyFixtureWorkflow } from './fixtures/history-workflows.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const taskQueue = 'history-archive-test';
let env: TestWorkflowEnvironment;
let worker: Worker;
let workerRun: Promise<void>;
let database: TestDatabase;

beforeAll(async () => {
  [env, database] = await Promise.all([createLocalEnv(), createTestDatabase()]);
  await seedCaseReferenceData(database.db);
  const workflowBundle = await bundleWorkflows(path.join(here, 'fixtures/history-workflows.ts'));
  worker = await Worker.create({ connection: env.nativeConnection, taskQueue, workflowBundle, activities: historyActivities });
  workerRun = worker.run();
});

afterAll(async () => {
  worker?.shutdown();
  await workerRun;
  await Promise.all([env?.teardown(), database?.close()]);
});

describe('archiveWorkflowHistory', () => {
  it('archives every run of a closed case and renders the same timeline as the live history', async () => {
    const workflowId = `history-${randomUUID()}`;
    const first = await env.client.workflow.start<typeof historyFixtureWorkflow>('historyFixtureWorkflow', { taskQueue, workflowId, args: [{ round: 1 }] });
    await first.signal(addNoteSignal, { actor: 'user:csr-7', text: 'first' });
    const current = env.client.workflow.getHandle(workflowId);
    // The first run continues as new; not following runs, its result names the second run.
    const handOver = await env.client.workflow.result(workflowId, first.firstExecutionRunId, { followRuns: false }).catch((error: unknown) => error);
    expect(handOver).toBeInstanceOf(WorkflowContinuedAsNewError);
    const secondRunId = (handOver as WorkflowContinuedAsNewError).newExecutionRunId;
    await env.client.workflow.getHandle(workflowId, secondRunId).signal(addNoteSignal, { actor: 'customer:42', text: 'second' });
    await expect(current.result()).resolves.toEqual(['SECOND', 'DONE']);

    const customerId = await insertCustomer(database.db, { regionCode: 'us_eastern' });
    const { caseId } = await insertComplaintCase(database.db, customerId, { workflowId, status: 'closed', closedAt: new Date() });
    const result = await archiveWorkflowHistory({ db: database.db, temporalClient: env.client }, { caseId, workflowId, runId: secondRunId });
    expect(result.runs.map(({ runId, isNewArchive }) => [runId, isNewArchive])).toEqual([
      [first.firstExecutionRunId, true],
      [secondRunId, true],
    ]);

    const live = renderHistoryTimeline(await fetchWorkflowRunChain(env.client, workflowId, secondRunId));
    const archived = await getCaseHistoryTimeline({ db: database.db }, caseId);
    expect(archived.source).toBe('archive');
    expect(archived.entries).toEqual(live);

    const lines = live.map(({ type, actor, summary }) => `${type} | ${actor} | ${summary}`);
    expect(lines).toContain('WorkflowExecutionSignaled | user:csr-7 | Signal addNote');
    expect(lines).toContain('WorkflowExecutionSignaled | customer:42 | Signal addNote');
    expect(lines).toContain('ActivityTaskScheduled | activity:echoNote | Activity echoNote scheduled: Echo the note back');
    expect(lines).toContain('ActivityTaskCompleted | activity:echoNote | Activity echoNote completed: Echo the note back');
    expect(lines).toContain('TimerStarted | timer | Timer 1 set for 5 ms: Let the customer reply');
    expect(lines).toContain('TimerFired | timer | Timer 1 fired: Let the customer reply');
    expect(lines).toContain('UpsertWorkflowSearchAttributes | workflow | Search attributes: CaseStatus = ["in_progress"]');
    expect(lines).toContain(`WorkflowExecutionStarted | system | Workflow historyFixtureWorkflow started (continued from run ${first.firstExecutionRunId})`);
    expect(lines.at(-1)).toBe('WorkflowExecutionCompleted | workflow | Workflow Execution Completed');
    // History order, not clock order: a signal buffered during a workflow task is stamped earlier.
    const secondRunIds = live.filter(({ runId }) => runId === secondRunId).map(({ eventId }) => eventId);
    expect(secondRunIds).toEqual([...secondRunIds].sort((a, b) => a - b));
    expect(live[0]?.runId).toBe(first.firstExecutionRunId);
  });

  it('stores each run once however often it is retried', async () => {
    const workflowId = `history-${randomUUID()}`;
    const handle = await env.client.workflow.start<typeof historyFixtureWorkflow>('historyFixtureWorkflow', { taskQueue, workflowId, args: [{ round: 2 }] });
    await handle.signal(addNoteSignal, { actor: 'user:csr-9', text: 'only' });
    await handle.result();
    const customerId = await insertCustomer(database.db, { regionCode: 'us_eastern' });
    const { caseId } = await insertComplaintCase(database.db, customerId, { workflowId });
    const input = { caseId, workflowId, runId: handle.firstExecutionRunId };
    await archiveWorkflowHistory({ db: database.db, temporalClient: env.client }, input);
    const again = await archiveWorkflowHistory({ db: database.db, temporalClient: env.client }, input);
    expect(again.runs).toEqual([expect.objectContaining({ runId: handle.firstExecutionRunId, isNewArchive: false })]);
  });

  it('refuses to archive a run that is still open, so a retry archives the final history', async () => {
    const workflowId = `history-${randomUUID()}`;
    const handle = await env.client.workflow.start<typeof historyFixtureWorkflow>('historyFixtureWorkflow', { taskQueue, workflowId, args: [{ round: 2 }] });
    const customerId = await insertCustomer(database.db, { regionCode: 'us_eastern' });
    const { caseId } = await insertComplaintCase(database.db, customerId, { workflowId });
    await expect(archiveWorkflowHistory({ db: database.db, temporalClient: env.client }, { caseId, workflowId })).rejects.toThrow(/still running/);
    const live = await getCaseHistoryTimeline({ db: database.db, temporalClient: env.client }, caseId);
    expect(live.source).toBe('temporal');
    expect(live.entries[0]?.type).toBe('WorkflowExecutionStarted');
    await handle.terminate('test over');
  });
});
