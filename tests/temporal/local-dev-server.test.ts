import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { setTimeout as sleepMs } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import type { WorkflowHandle } from '@temporalio/client';
import type { History } from '@temporalio/common/lib/proto-utils.js';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker, type WorkerOptions, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CASE_PRIORITY, CASE_STATUS, CUSTOMER_ID, SLA_BREACHED } from '../../src/temporal/search-attributes.js';
import { bundleWorkflows, createLocalEnv } from '../support/temporal-env.js';
import { failTwiceThenSucceed, recordSignal } from './fixtures/smoke-activities.js';
import {
  addItemSignal, finishSignal, interactiveWorkflow, itemsQuery, renameUpdate, retryingActivityWorkflow, searchAttributesWorkflow, spinningWorkflow, spinQuery, spinSignal,
} from './fixtures/smoke-workflows.js';

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

/** The message of the first failed workflow task in the workflow's history, once there is one. */
async function waitForFailedWorkflowTask(handle: WorkflowHandle): Promise<string> {
  return await waitFor(async () => {
    const history = await handle.fetchHistory();
    return history.events?.find((event) => event.workflowTaskFailedEventAttributes)?.workflowTaskFailedEventAttributes?.failure?.message ?? undefined;
  });
}

/**
 * Waits for the workflow's first workflow task to complete. A query sent before that rides on the
 * first task itself, so a spinning query handler would fail the workflow's task (retried every 10 s)
 * instead of the query alone.
 */
async function waitForCompletedWorkflowTask(handle: WorkflowHandle): Promise<void> {
  await waitFor(async () => {
    const history = await handle.fetchHistory();
    return history.events?.some((event) => event.workflowTaskCompletedEventAttributes) ? true : undefined;
  });
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

  // The SDK patch (src/temporal/patches) runs each activation under one watchdog instead of one per
  // call into the sandbox: workflow code that never yields must still fail its task, wherever it spins.
  describe('the sandbox watchdog (isolateExecutionTimeout, a patch of the SDK)', () => {
    const timedOut = /Script execution timed out/;
    const watchdogQueue = `watchdog-${randomUUID()}`;
    let watchdogWorker: Worker;
    let watchdogRun: Promise<void>;
    beforeAll(async () => {
      // The SDK reads isolateExecutionTimeout (default 5 s) but leaves it out of its public options type.
      const options = { connection: env.nativeConnection, taskQueue: watchdogQueue, workflowBundle, isolateExecutionTimeout: '300ms' };
      watchdogWorker = await Worker.create(options as WorkerOptions);
      watchdogRun = watchdogWorker.run();
    });
    afterAll(async () => {
      watchdogWorker?.shutdown();
      await watchdogRun;
    });

    it('is the patched sandbox: one watchdog per activation', () => {
      const vmShared = createRequire(import.meta.url)('@temporalio/worker/lib/workflow/vm-shared.js') as Record<string, unknown>;
      expect(vmShared.isInsideActivationGuard).toBeTypeOf('function');
    });

    it.each([
      { where: 'handler', place: 'a signal handler' },
      { where: 'condition', place: 'a condition predicate' },
    ] as const)('fails the workflow task of a workflow spinning in $place', async ({ where }) => {
      const handle = await env.client.workflow.start(spinningWorkflow, { taskQueue: watchdogQueue, workflowId: `spin-${where}-${randomUUID()}` });
      await handle.signal(spinSignal, where);
      expect(await waitForFailedWorkflowTask(handle)).toMatch(timedOut);
      await handle.terminate('test done');
    });

    it('fails a query whose handler spins', async () => {
      const handle = await env.client.workflow.start(spinningWorkflow, { taskQueue: watchdogQueue, workflowId: `spin-query-${randomUUID()}` });
      await waitForCompletedWorkflowTask(handle);
      await expect(handle.query(spinQuery)).rejects.toThrow(timedOut);
      await handle.terminate('test done');
    });

    it('keeps serving other workflows on the same worker', async () => {
      const handle = await env.client.workflow.start(interactiveWorkflow, { taskQueue: watchdogQueue, workflowId: `healthy-${randomUUID()}`, args: ['after the spins'] });
      await handle.signal(addItemSignal, 'a');
      expect(await handle.query(itemsQuery)).toEqual(['a']);
      await handle.signal(finishSignal);
      expect(await handle.result()).toEqual({ name: 'after the spins', items: ['a'] });
    });
  });
});
