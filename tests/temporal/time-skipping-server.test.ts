import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import type { WorkflowHandle } from '@temporalio/client';
import type { History } from '@temporalio/common/lib/proto-utils.js';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleWorkflows, createTimeSkippingEnv } from '../support/temporal-env.js';
import { failTwiceThenSucceed, recordSignal } from './fixtures/smoke-activities.js';
import {
  addItemSignal,
  continueAsNewWorkflow,
  finishSignal,
  interactiveWorkflow,
  itemsQuery,
  renameUpdate,
  retryingActivityWorkflow,
  timerWorkflow,
} from './fixtures/smoke-workflows.js';

const FIFTEEN_DAYS_MS = 15 * 24 * 60 * 60 * 1000;
const workflowsPath = fileURLToPath(new URL('./fixtures/smoke-workflows.ts', import.meta.url));

// The Java time-skipping test server, provisioned by `npm run setup:temporal`, through the SDK alone.
describe('time-skipping test server', () => {
  let env: TestWorkflowEnvironment;
  let workflowBundle: WorkflowBundleWithSourceMap;
  const histories: { workflowId: string; history: History }[] = [];

  beforeAll(async () => {
    [env, workflowBundle] = await Promise.all([createTimeSkippingEnv(), bundleWorkflows(workflowsPath)]);
  });
  afterAll(async () => {
    await env?.teardown();
  });

  /** Runs `body` with a worker on a fresh task queue, then keeps the histories of the workflows it used for replay. */
  async function withWorker<T>(body: (taskQueue: string) => Promise<{ result: T; handles: WorkflowHandle[] }>): Promise<T> {
    const taskQueue = `smoke-${randomUUID()}`;
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      workflowBundle,
      activities: { failTwiceThenSucceed, recordSignal },
    });
    const { result, handles } = await worker.runUntil(body(taskQueue));
    for (const handle of handles) histories.push({ workflowId: handle.workflowId, history: await handle.fetchHistory() });
    return result;
  }

  it('retries a failing activity until it succeeds (third attempt)', async () => {
    const result = await withWorker(async (taskQueue) => {
      const handle = await env.client.workflow.start(retryingActivityWorkflow, { taskQueue, workflowId: randomUUID(), args: ['case'] });
      return { result: await handle.result(), handles: [handle] };
    });
    expect(result).toBe('hello case on attempt 3');
  });

  it('fires a 15-day timer in skipped time', async () => {
    const wallStartedAt = performance.now();
    const result = await withWorker(async (taskQueue) => {
      const handle = await env.client.workflow.start(timerWorkflow, { taskQueue, workflowId: randomUUID(), args: [FIFTEEN_DAYS_MS] });
      return { result: await handle.result(), handles: [handle] };
    });
    const wallMs = performance.now() - wallStartedAt;
    console.log(`15-day timer: ${(result.firedAtMs - result.startedAtMs) / 86_400_000} workflow days in ${wallMs.toFixed(0)} ms wall time`);
    expect(result.firedAtMs - result.startedAtMs).toBeGreaterThanOrEqual(FIFTEEN_DAYS_MS);
  });

  it('takes signals, answers queries and applies validated updates', async () => {
    const result = await withWorker(async (taskQueue) => {
      const handle = await env.client.workflow.start(interactiveWorkflow, { taskQueue, workflowId: randomUUID(), args: ['first'] });
      await handle.signal(addItemSignal, 'a');
      await handle.signal(addItemSignal, 'b');
      expect(await handle.query(itemsQuery)).toEqual(['a', 'b']);
      expect(await handle.executeUpdate(renameUpdate, { args: ['second'] })).toBe('first');
      await expect(handle.executeUpdate(renameUpdate, { args: [' '] })).rejects.toMatchObject({
        cause: { message: 'name must not be empty' },
      });
      await handle.signal(finishSignal);
      return { result: await handle.result(), handles: [handle] };
    });
    expect(result).toEqual({ name: 'second', items: ['a', 'b'] });
  });

  it('continues as new, carrying state across runs', async () => {
    const result = await withWorker(async (taskQueue) => {
      const handle = await env.client.workflow.start(continueAsNewWorkflow, { taskQueue, workflowId: randomUUID(), args: [3] });
      return { result: await handle.result(), handles: [handle] };
    });
    expect(result.runs).toBe(3);
    expect(new Set(result.runIds).size).toBe(3);
  });

  it('replays every history above with Worker.runReplayHistories', async () => {
    expect(histories.length).toBeGreaterThan(0);
    const outcomes = [];
    for await (const outcome of Worker.runReplayHistories({ workflowBundle }, histories)) outcomes.push(outcome);
    expect(outcomes.map((outcome) => outcome.error)).toEqual(histories.map(() => undefined));
  });
});
