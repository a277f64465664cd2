import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { Client, Connection, type WorkflowHandle } from '@temporalio/client';
import { bundleWorkflowCode, DefaultLogger, NativeConnection, Worker, type WorkflowBundle } from '@temporalio/worker';
import { echo, onSignalActivity, recordSignal } from '../../tests/temporal/fixtures/smoke-activities.js';
import { addItemSignal, finishSignal, signalToActivityWorkflow, signalToLocalActivityWorkflow, singleActivityWorkflow } from '../../tests/temporal/fixtures/smoke-workflows.js';
import { spooledPercent, type WorkflowTaskMatching } from './read-workflow-task-matching.js';
import { sendOpenLoop, waitUntil } from './send-open-loop.js';

const workflowsPath = fileURLToPath(new URL('../../tests/temporal/fixtures/smoke-workflows.ts', import.meta.url));
const STARTS_IN_FLIGHT = 50;

// One bundle per bench process: scenarios measure the baseline several times (the api scenario
// twice), and each bundling of the same files cost 1.8 s of CPU (1.4 s wall) on 2 cores.
let baselineBundle: Promise<WorkflowBundle> | undefined;
const bundleBaselineWorkflows = (): Promise<WorkflowBundle> => (baselineBundle ??= bundleWorkflowCode({ workflowsPath, logger: new DefaultLogger('WARN') }));

export interface TemporalBaseline {
  /** One-activity workflows started and completed per second. */
  workflowsPerSecond: number;
  /** Signal sent → the activity it triggers ran, one at a time, ascending. */
  roundTripsMs: number[];
  /** Per requested rate: signals sent open-loop to many workflows → their local activity ran, ascending. */
  signalRates: SignalRateBaseline[];
}

export interface SignalRateBaseline {
  ratePerSecond: number;
  sent: number;
  latenciesMs: number[];
  /** The server's CPU over the run, when `readServerCpuMs` was given. */
  serverCpuMs: number | null;
  /** The share of the run's workflow tasks spooled to the backlog, in percent; NaN without `readMatching`. */
  spooledPercent: number;
}

export interface TemporalBaselineOptions {
  /** One-activity workflows to run for the throughput figure; 0 skips it (NaN). */
  workflowCount: number;
  /** Signal → activity round trips, one at a time; 0 skips them. */
  roundTrips: number;
  /** Open-loop signal rates to measure, each for `signalDurationSec` over `signalWorkflows` workflows. */
  signalRates?: readonly number[];
  signalDurationSec?: number;
  signalWorkflows?: number;
  /** Reads the Temporal server process's CPU time, to bill each signal rate for it. */
  readServerCpuMs?: () => Promise<number>;
  /** Reads the server's workflow task matching counters, to tell how each signal rate's tasks were handed out. */
  readMatching?: () => Promise<WorkflowTaskMatching>;
}

/**
 * The same Temporal baseline as the `temporal` scenario (no product code: a one-activity workflow,
 * a signal that runs one activity), measured on the given server so a scenario can put its own
 * figures beside it from the same run and machine state.
 */
export async function measureTemporalBaseline(address: string, options: TemporalBaselineOptions): Promise<TemporalBaseline> {
  const taskQueue = `bench-baseline-${randomUUID()}`;
  const [workflowBundle, nativeConnection, connection] = await Promise.all([
    bundleBaselineWorkflows(),
    NativeConnection.connect({ address }),
    Connection.connect({ address }),
  ]);
  try {
    const worker = await Worker.create({ connection: nativeConnection, taskQueue, workflowBundle, activities: { echo, recordSignal }, maxCachedWorkflows: 1_000 });
    const client = new Client({ connection });
    return await worker.runUntil(async () => {
      const workflowsPerSecond = options.workflowCount > 0 ? await measureWorkflowThroughput(client, taskQueue, options.workflowCount) : Number.NaN;
      const roundTripsMs = options.roundTrips > 0 ? await measureSignalRoundTrips(client, taskQueue, options.roundTrips) : [];
      const signalRates: SignalRateBaseline[] = [];
      for (const ratePerSecond of options.signalRates ?? []) {
        signalRates.push(
          await measureSignalRate(client, taskQueue, {
            ratePerSecond, durationSec: options.signalDurationSec ?? 10, workflows: options.signalWorkflows ?? 200, readServerCpuMs: options.readServerCpuMs, readMatching: options.readMatching,
          }),
        );
      }
      return { workflowsPerSecond, roundTripsMs, signalRates };
    });
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

const WARM_SIGNAL_RATE = 50;

/**
 * One untimed signal to each workflow, open-loop at `ratePerSecond`, and the wait for their
 * activities: the timed window must not start while the workflows' first tasks (just started, or
 * replayed into the cache) are still queued, as the product's note cases are warm when timed.
 */
async function warmSignalWorkflows(handles: ReadonlyArray<WorkflowHandle<typeof signalToLocalActivityWorkflow>>, ratePerSecond: number): Promise<void> {
  let ran = 0;
  let failed = 0;
  onSignalActivity(() => (ran += 1));
  try {
    await sendOpenLoop(ratePerSecond, handles.length / ratePerSecond, (index) => {
      handles[index % handles.length]!.signal(addItemSignal, 'warm').catch(() => (failed += 1));
    });
    await waitUntil(() => ran + failed >= handles.length, 30_000);
  } finally {
    onSignalActivity(undefined);
  }
}

/**
 * Signals sent open-loop at `ratePerSecond` to random workflows of `workflows` long-running ones,
 * each signal timed until its local activity ran: what Temporal alone does at the rate a case
 * scenario offers, on the same server and machine.
 */
async function measureSignalRate(
  client: Client,
  taskQueue: string,
  options: {
    ratePerSecond: number; durationSec: number; workflows: number;
    readServerCpuMs?: (() => Promise<number>) | undefined; readMatching?: (() => Promise<WorkflowTaskMatching>) | undefined;
  },
): Promise<SignalRateBaseline> {
  const handles = await Promise.all(
    Array.from({ length: options.workflows }, () => client.workflow.start(signalToLocalActivityWorkflow, { taskQueue, workflowId: `bench-rate-${randomUUID()}` })),
  );
  await warmSignalWorkflows(handles, Math.max(options.ratePerSecond, WARM_SIGNAL_RATE));
  const pendingSentAt = new Map<string, number[]>();
  const latenciesMs: number[] = [];
  let failed = 0;
  onSignalActivity((workflowId) => {
    const sentAt = pendingSentAt.get(workflowId)?.shift();
    if (sentAt !== undefined) latenciesMs.push(performance.now() - sentAt);
  });
  try {
    // Billed from the first signal to the last activity: not the workflows' starts and ends.
    const cpuBefore = await options.readServerCpuMs?.();
    const matchingBefore = await options.readMatching?.();
    const { sent } = await sendOpenLoop(options.ratePerSecond, options.durationSec, () => {
      const handle = handles[Math.floor(Math.random() * handles.length)]!;
      const pending = pendingSentAt.get(handle.workflowId) ?? [];
      pendingSentAt.set(handle.workflowId, pending);
      pending.push(performance.now());
      handle.signal(addItemSignal, 'rate').catch(() => (failed += 1));
    });
    await waitUntil(() => latenciesMs.length + failed >= sent, 30_000);
    const cpuAfter = await options.readServerCpuMs?.();
    const matchingAfter = await options.readMatching?.();
    const serverCpuMs = cpuBefore === undefined || cpuAfter === undefined ? null : cpuAfter - cpuBefore;
    const spooled = matchingBefore && matchingAfter ? spooledPercent(matchingBefore, matchingAfter) : Number.NaN;
    return { ratePerSecond: options.ratePerSecond, sent, latenciesMs: latenciesMs.sort((a, b) => a - b), serverCpuMs, spooledPercent: spooled };
  } finally {
    onSignalActivity(undefined);
    await Promise.all(handles.map((handle) => handle.terminate('bench finished').catch(() => undefined)));
  }
}
