import { randomUUID } from 'node:crypto';
import { setTimeout as sleepMs } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import type { History } from '@temporalio/common/lib/proto-utils.js';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CASE_PRIORITY, CASE_STATUS, CUSTOMER_ID, SLA_BREACHED } from '../../src/temporal/search-attributes.js';
import { bundleWorkflows, createLocalEnv } from '../support/temporal-env.js';
import { failTwiceThenSucceed, recordSignal } from './fixtures/smoke-activities.js';
import { finishSignal, interactiveWorkflow, addItemSignal, renameUpdate, retryingActivityWorkflow, searchAttributesWorkflow } from './fixtures/smoke-workflows.js';

const workflowsPath = fileURLToPath(new URL('./fixtures/smoke-workflows.ts', import.meta.url));

/** Polls until `read` returns a value (visibility is updated asynchronously), bounded to ~10 s. */
async function waitFor<T>(read: () => Promise<T | undefined>): Promise<T> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const value = await read();
    if (value !== undefined) return value;
    await sleepMs(100);
  }
  throw new Error('condition not reached after 100 polls');
}

// The Temporal CLI dev server, provisioned by `npm run setup:temporal`: real clocks, real visibility.
describe('CLI dev server (createLocal)', () => {
  let env: TestWorkflowEnvironment;
  let workflowBundle: WorkflowBundleWithSourceMap;
  let worker: Worker;
  let workerRun: Promise<void>;
  const taskQueue = `smoke-${randomUUID()}`;
  const histories: { workflowId: string; history: History }[] = [];

  beforeAll(async () => {
    [env, workflowBundle] = await Promise.all([createLocalEnv(), bundleWorkflows(workflowsPath)]);
    worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      workflowBundle,
      activities: { failTwiceThenSucceed, recordSignal },
    });
    workerRun = worker.run();
  });
  afterAll(async () => {
    worker?.shutdown();
    await workerRun;
    await env?.teardown();
  });

  it('shows the custom search attributes in describe() and finds the workflow with list()', async () => {
    const customerId = `customer-${randomUUID()}`;
    const handle = await env.client.workflow.start(searchAttributesWorkflow, { taskQueue, workflowId: randomUUID(), args: [customerId] });
    const described = await waitFor(async () => {
      const description = await handle.describe();
      return description.typedSearchAttributes.get(CASE_STATUS) ? description : undefined;
    });
    expect(described.typedSearchAttributes.get(CASE_STATUS)).toBe('open');
    expect(described.typedSearchAttributes.get(CASE_PRIORITY)).toBe('high');
    expect(described.typedSearchAttributes.get(CUSTOMER_ID)).toBe(customerId);
    expect(described.typedSearchAttributes.get(SLA_BREACHED)).toBe(false);

    const query = `CustomerId = "${customerId}" AND CaseStatus = "open" AND SlaBreached = false`;
    const listed = await waitFor(async () => {
      const ids: string[] = [];
      for await (const execution of env.client.workflow.list({ query })) ids.push(execution.workflowId);
      return ids.length > 0 ? ids : undefined;
    });
    expect(listed).toEqual([handle.workflowId]);

    await handle.signal(finishSignal);
    await handle.result();
    expect((await handle.describe()).typedSearchAttributes.get(CASE_STATUS)).toBe('closed');
    histories.push({ workflowId: handle.workflowId, history: await handle.fetchHistory() });
  });

  it('retries an activity and handles signals and updates on real clocks', async () => {
    const retrying = await env.client.workflow.start(retryingActivityWorkflow, { taskQueue, workflowId: randomUUID(), args: ['local'] });
    expect(await retrying.result()).toBe('hello local on attempt 3');

    const interactive = await env.client.workflow.start(interactiveWorkflow, { taskQueue, workflowId: randomUUID(), args: ['x'] });
    await interactive.signal(addItemSignal, 'item');
    expect(await interactive.executeUpdate(renameUpdate, { args: ['y'] })).toBe('x');
    await interactive.signal(finishSignal);
    expect(await interactive.result()).toEqual({ name: 'y', items: ['item'] });
    for (const handle of [retrying, interactive]) histories.push({ workflowId: handle.workflowId, history: await handle.fetchHistory() });
  });

  it('replays the histories above with Worker.runReplayHistories', async () => {
    expect(histories.length).toBeGreaterThan(0);
    const errors = [];
    for await (const outcome of Worker.runReplayHistories({ workflowBundle }, histories)) errors.push(outcome.error);
    expect(errors).toEqual(histories.map(() => undefined));
  });
});
