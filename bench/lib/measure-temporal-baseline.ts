import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { Client, Connection } from '@temporalio/client';
import { bundleWorkflowCode, DefaultLogger, NativeConnection, Worker } from '@temporalio/worker';
import { echo, onSignalActivity, recordSignal } from '../../tests/temporal/fixtures/smoke-activities.js';
import { addItemSignal, finishSignal, signalToActivityWorkflow, singleActivityWorkflow } from '../../tests/temporal/fixtures/smoke-workflows.js';

const workflowsPath = fileURLToPath(new URL('../../tests/temporal/fixtures/smoke-workflows.ts', import.meta.url));
const STARTS_IN_FLIGHT = 50;

export interface TemporalBaseline {
  /** One-activity workflows started and completed per second. */
  workflowsPerSecond: number;
  /** Signal sent → the activity it triggers ran, one at a time, ascending. */
  roundTripsMs: number[];
}

/**
 * The same Temporal baseline as the `temporal` scenario (no product code: a one-activity workflow,
 * a signal that runs one activity), measured on the given server so a scenario can put its own
 * figures beside it from the same run and machine state.
 */
export async function measureTemporalBaseline(address: string, options: { workflowCount: number; roundTrips: number }): Promise<TemporalBaseline> {
  const taskQueue = `bench-baseline-${randomUUID()}`;
  const [workflowBundle, nativeConnection, connection] = await Promise.all([
    bundleWorkflowCode({ workflowsPath, logger: new DefaultLogger('WARN') }),
    NativeConnection.connect({ address }),
    Connection.connect({ address }),
  ]);
  try {
    const worker = await Worker.create({ connection: nativeConnection, taskQueue, workflowBundle, activities: { echo, recordSignal } });
    const client = new Client({ connection });
    return await worker.runUntil(async () => ({
      workflowsPerSecond: await measureWorkflowThroughput(client, taskQueue, options.workflowCount),
      roundTripsMs: await measureSignalRoundTrips(client, taskQueue, options.roundTrips),
    }));
  } finally {
    await connection.close();
    await nativeConnection.close();
  }
}

async function measureWorkflowThroughput(client: Client, taskQueue: string, workflowCount: number): Promise<number> {
  const startedAt = performance.now();
  const results: Promise<string>[] = [];
  for (let offset = 0; offset < workflowCount; offset += STARTS_IN_FLIGHT) {
    const batch = Array.from({ length: Math.min(STARTS_IN_FLIGHT, workflowCount - offset) }, (_, index) =>
      client.workflow.start(singleActivityWorkflow, { taskQueue, workflowId: `bench-${randomUUID()}`, args: [`w${offset + index}`] }),
    );
    for (const handle of await Promise.all(batch)) results.push(handle.result());
  }
  await Promise.all(results);
  return workflowCount / ((performance.now() - startedAt) / 1000);
}

async function measureSignalRoundTrips(client: Client, taskQueue: string, roundTrips: number): Promise<number[]> {
  const handle = await client.workflow.start(signalToActivityWorkflow, { taskQueue, workflowId: `bench-signal-${randomUUID()}` });
  const latenciesMs: number[] = [];
  try {
    for (let sequence = 0; sequence < roundTrips; sequence++) {
      const activityRan = new Promise<void>((resolve) => onSignalActivity((_, seen) => seen === sequence && resolve()));
      const sentAt = performance.now();
      await handle.signal(addItemSignal, String(sequence));
      await activityRan;
      latenciesMs.push(performance.now() - sentAt);
    }
    await handle.signal(finishSignal);
    await handle.result();
  } finally {
    onSignalActivity(undefined);
  }
  return latenciesMs.sort((a, b) => a - b);
}
