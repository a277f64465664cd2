import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { createDb } from '../../db/client.js';
import { migrateDatabase } from '../../db/migrate.js';
import { customers } from '../../db/schema.js';
import { seedDatabase } from '../../db/seed/seed-database.js';
import { startDevServer } from '../../src/temporal/dev-server.js';
import type { BenchContext, Row, Scenario } from '../bench-types.js';
import type { CaseWorkerStatus } from '../lib/case-worker-process.js';
import { toMemoryRows, type MemoryStep } from '../lib/to-memory-rows.js';
import { measureProjectionLatency, type OpenCase } from '../lib/measure-projection-latency.js';
import { measureTemporalBaseline } from '../lib/measure-temporal-baseline.js';
import { percentile } from '../lib/percentile.js';
import { findProcessByCommandLine, readProcessCpuMs, readProcessTreeCpuMs } from '../lib/read-process-cpu.js';
import { startBenchCases, type BenchCustomer } from '../lib/start-bench-cases.js';
import { startChildServer } from '../lib/start-child-server.js';

// Issue 4: open cases on ONE case worker (memory per cached case, time to open them) and addNote
// signals at steady rates with projection latency (signal sent → case_events row visible).
// Goals: projection p95 < 200 ms at 100 signals/s; worker memory grows linearly with open cases.
// Baselines from the same run and server: the `temporal` scenario's one-activity workflows/s, and
// per rate, bare Temporal doing the least a note needs (a signal to one of 200 long-running
// workflows running one local activity), which tells the product's cost from the platform's.
// Bounded: opening stops at the start budget (default 480 s, enough for 10,000 at ~25 cases/s).
const SCENARIO = 'case-workflow';
const CASE_STEPS = (process.env.BENCH_CASE_STEPS ?? '1000,2500,5000,10000').split(',').map(Number);
const START_BUDGET_SEC = Number(process.env.BENCH_CASE_START_BUDGET_SEC ?? 480);
/** Offered note rates, lowest first: the lowest tells one signal's latency apart from queueing and bills CPU per signal. */
const SIGNAL_RATES = (process.env.BENCH_CASE_SIGNAL_RATES ?? '10,25,50,100').split(',').map(Number);
const SIGNAL_DURATION_SEC = Number(process.env.BENCH_CASE_SIGNAL_SEC ?? 15);
const GOAL_SIGNAL_RATE = 100;
const STARTS_IN_FLIGHT = 50;
const WARMUP_CASES = 50;
/** Above the largest step, so every open case stays in the worker's sticky cache. */
const MAX_CACHED_WORKFLOWS = 12_000;
const PROJECTION_WAIT_MS = 90_000;
const workerModulePath = fileURLToPath(new URL('../lib/case-worker-process.ts', import.meta.url));
const mb = (bytes: number) => bytes / 1024 / 1024;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));


async function readWorkerStatus(workerUrl: string, options: { collectGarbage?: boolean } = {}): Promise<CaseWorkerStatus> {
  return (await (await fetch(`${workerUrl}/status${options.collectGarbage ? '?gc=1' : ''}`)).json()) as CaseWorkerStatus;
}

/** Waits until the worker has no activation in flight, then lets it settle before sampling. */
async function readSettledStatus(workerUrl: string): Promise<CaseWorkerStatus> {
  for (let attempt = 0; attempt < 100 && (await readWorkerStatus(workerUrl)).inFlightActivations > 0; attempt++) await sleep(100);
  await sleep(2_000);
  return readWorkerStatus(workerUrl, { collectGarbage: true });
}

async function waitForOpenedCases(sql: ReturnType<typeof createDb>['sql'], count: number): Promise<number> {
  const giveUpAt = performance.now() + PROJECTION_WAIT_MS;
  for (;;) {
    const [row] = await sql<{ opened: number }[]>`select count(*)::int as opened from case_events where type = 'case_created'`;
    const opened = row?.opened ?? 0;
    if (opened >= count || performance.now() > giveUpAt) return opened;
    await sleep(100);
  }
}

async function prepareDatabase(ctx: BenchContext): Promise<{ url: string; customers: BenchCustomer[] }> {
  const url = await ctx.createDatabase('bench_case_workflow');
  await migrateDatabase(url);
  const database = createDb(url, { maxConnections: 2 });
  try {
    await seedDatabase(database.db);
    const rows = await database.db.select({ id: customers.id, regionCode: customers.regionCode }).from(customers).limit(200);
    return { url, customers: rows };
  } finally {
    await database.close();
  }
}

interface CpuMs {
  worker: number;
  devServer: number;
  postgres: number;
}

interface OpenCasesOptions {
  readCpuMs(): Promise<CpuMs>;
  client: Client;
  sql: ReturnType<typeof createDb>['sql'];
  taskQueue: string;
  customers: BenchCustomer[];
  workerUrl: string;
}

/** Opens cases up to `target` (or until `stopAtMs`), waits for their projection, samples the worker. */
async function openStep(ctx: BenchContext, options: OpenCasesOptions, opened: OpenCase[], target: number, stopAtMs: number): Promise<{ status: CaseWorkerStatus; stepSec: number; count: number }> {
  const stepStartedAt = performance.now();
  const started = await startBenchCases({ ...options, count: target - opened.length, stopAtMs, startsInFlight: STARTS_IN_FLIGHT });
  opened.push(...started);
  const projected = await waitForOpenedCases(options.sql, opened.length);
  const stepSec = (performance.now() - stepStartedAt) / 1000;
  ctx.log(`${started.length} cases opened in ${stepSec.toFixed(1)} s (${(started.length / stepSec).toFixed(1)}/s); ${projected}/${opened.length} projected`);
  if (projected < opened.length) throw new Error(`only ${projected} of ${opened.length} started cases were projected within ${PROJECTION_WAIT_MS} ms`);
  const status = await readSettledStatus(options.workerUrl);
  ctx.log(`worker RSS ${mb(status.rssBytes).toFixed(0)} MB, main heap ${mb(status.heapUsedBytes).toFixed(0)} MB, ${status.cachedWorkflows} cached workflows`);
  return { status, stepSec, count: started.length };
}

/**
 * Warm-up cases first (so JIT and pools are not billed to cases), then the steps. Each step gets
 * an equal share of the remaining start budget: a slow machine still yields several samples for
 * the linearity check, a fast one reaches every step's target early.
 */
async function openCasesInSteps(
  ctx: BenchContext,
  options: OpenCasesOptions,
): Promise<{ opened: OpenCase[]; steps: MemoryStep[]; openSec: number; openedInSteps: number; cpuMs: CpuMs }> {
  const opened: OpenCase[] = [];
  const steps: MemoryStep[] = [{ openCases: 0, status: await readSettledStatus(options.workerUrl) }];
  const warm = await openStep(ctx, options, opened, WARMUP_CASES, Number.POSITIVE_INFINITY);
  steps.push({ openCases: opened.length, status: warm.status });
  const stopAtMs = performance.now() + START_BUDGET_SEC * 1000;
  const cpuBefore = await options.readCpuMs();
  let openSec = 0;
  let openedInSteps = 0;
  for (const [index, target] of CASE_STEPS.entries()) {
    const now = performance.now();
    if (now >= stopAtMs) break;
    const stepStopAtMs = now + (stopAtMs - now) / (CASE_STEPS.length - index);
    const step = await openStep(ctx, options, opened, target, stepStopAtMs);
    openSec += step.stepSec;
    openedInSteps += step.count;
    steps.push({ openCases: opened.length, status: step.status });
  }
  // Includes the settle pauses between steps, when an idle worker and server use next to nothing.
  const cpuAfter = await options.readCpuMs();
  return { opened, steps, openSec, openedInSteps, cpuMs: { worker: cpuAfter.worker - cpuBefore.worker, devServer: cpuAfter.devServer - cpuBefore.devServer, postgres: cpuAfter.postgres - cpuBefore.postgres } };
}

const caseWorkflowScenario: Scenario = {
  name: SCENARIO,
  async run(ctx: BenchContext): Promise<Row[]> {
    try {
      Runtime.install({ logger: new DefaultLogger('WARN') });
    } catch {
      // Another scenario installed the runtime already.
    }
    const [{ url, customers: benchCustomers }, dataDir] = await Promise.all([prepareDatabase(ctx), mkdtemp(join(tmpdir(), 'case-engine-bench-cases-'))]);
    const server = await startDevServer({ dataDir });
    const database = createDb(url, { maxConnections: 4, applicationName: 'bench-case-workflow' });
    const connection = await Connection.connect({ address: server.address });
    try {
      const devServerPid = await findProcessByCommandLine(server.dbFile);
      const baseline = await measureTemporalBaseline(server.address, {
        workflowCount: 300, roundTrips: 100, signalRates: SIGNAL_RATES, signalDurationSec: SIGNAL_DURATION_SEC, readServerCpuMs: () => readProcessCpuMs(devServerPid),
      });
      ctx.log(`baseline: ${baseline.workflowsPerSecond.toFixed(1)} one-activity workflows/s, signal → activity p95 ${percentile(baseline.roundTripsMs, 0.95).toFixed(1)} ms`);
      for (const rate of baseline.signalRates) ctx.log(`baseline at ${rate.ratePerSecond}/s: signal → local activity p95 ${percentile(rate.latenciesMs, 0.95).toFixed(0)} ms (${rate.latenciesMs.length}/${rate.sent})`);
      const taskQueue = `bench-cases-${randomUUID()}`;
      const worker = await startChildServer({
        modulePath: workerModulePath,
        env: { DATABASE_URL: url, TEMPORAL_ADDRESS: server.address, TASK_QUEUE: taskQueue, MAX_CACHED_WORKFLOWS: String(MAX_CACHED_WORKFLOWS) },
        readyTimeoutMs: 180_000,
      });
      try {
        const client = new Client({ connection });
        const workerPid = (await readWorkerStatus(worker.url)).pid;
        // The run's embedded Postgres (bench/run-bench.ts names its data directory so).
        const postgresPid = await findProcessByCommandLine('case-engine-bench-pg-');
        const readCpuMs = async (): Promise<CpuMs> => ({
          worker: await readProcessCpuMs(workerPid),
          devServer: await readProcessCpuMs(devServerPid),
          postgres: await readProcessTreeCpuMs(postgresPid),
        });
        const { opened, steps, openSec, openedInSteps, cpuMs } = await openCasesInSteps(ctx, { readCpuMs, client, sql: database.sql, taskQueue, customers: benchCustomers, workerUrl: worker.url });
        const rateRows: Row[] = [];
        for (const [index, ratePerSecond] of SIGNAL_RATES.entries()) {
          const cpuBefore = await readCpuMs();
          const signals = await measureProjectionLatency({ client, sql: database.sql, cases: opened, ratePerSecond, durationSec: SIGNAL_DURATION_SEC, drainTimeoutMs: 30_000 });
          const cpuAfter = await readCpuMs();
          ctx.log(`${ratePerSecond}/s: ${signals.sent} notes sent (${signals.sentPerSecond.toFixed(1)}/s), ${signals.projected} projected, ${signals.failed} failed or rejected, p95 ${percentile(signals.latenciesMs, 0.95).toFixed(0)} ms`);
          const bare = baseline.signalRates[index]!;
          const bareLabel = (fraction: number) => ({ label: `bare Temporal p${fraction * 100} at ${ratePerSecond}/s`, value: percentile(bare.latenciesMs, fraction) });
          const goal = ratePerSecond === GOAL_SIGNAL_RATE ? ' (goal < 200 ms)' : '';
          rateRows.push(
            { scenario: SCENARIO, metric: `addNote projected, ${ratePerSecond}/s offered for ${SIGNAL_DURATION_SEC} s to ${opened.length} open cases`, value: signals.projectedPerSecond, unit: 'signals/s', baseline: { label: 'offered', value: signals.sentPerSecond } },
            { scenario: SCENARIO, metric: `signal → case_events row visible p50 at ${ratePerSecond}/s (${signals.projected})`, value: percentile(signals.latenciesMs, 0.5), unit: 'ms', baseline: bareLabel(0.5) },
            { scenario: SCENARIO, metric: `signal → case_events row visible p95 at ${ratePerSecond}/s${goal}`, value: percentile(signals.latenciesMs, 0.95), unit: 'ms', baseline: bareLabel(0.95) },
            { scenario: SCENARIO, metric: `case worker CPU per projected signal at ${ratePerSecond}/s`, value: (cpuAfter.worker - cpuBefore.worker) / Math.max(signals.projected, 1), unit: 'ms' },
            {
              scenario: SCENARIO,
              metric: `Temporal dev server CPU per projected signal at ${ratePerSecond}/s`,
              value: (cpuAfter.devServer - cpuBefore.devServer) / Math.max(signals.projected, 1),
              unit: 'ms',
              ...(bare.serverCpuMs === null ? {} : { baseline: { label: `bare Temporal at ${ratePerSecond}/s`, value: bare.serverCpuMs / Math.max(bare.latenciesMs.length, 1) } }),
            },
            { scenario: SCENARIO, metric: `Postgres CPU per projected signal at ${ratePerSecond}/s (all backends)`, value: (cpuAfter.postgres - cpuBefore.postgres) / Math.max(signals.projected, 1), unit: 'ms' },
            { scenario: SCENARIO, metric: `notes not projected at ${ratePerSecond}/s (refused, rejected, pending after 30 s drain)`, value: signals.sent - signals.projected, unit: 'signals' },
          );
        }
        return [
          {
            scenario: SCENARIO,
            metric: `cases opened (start → case_created row), ${opened.length} of ${CASE_STEPS.at(-1)}, ${openedInSteps} timed over ${openSec.toFixed(0)} s`,
            value: openedInSteps / openSec,
            unit: 'cases/s',
            baseline: { label: 'one-activity workflows/s', value: baseline.workflowsPerSecond },
          },
          { scenario: SCENARIO, metric: 'case worker CPU per opened case', value: cpuMs.worker / openedInSteps, unit: 'ms' },
          { scenario: SCENARIO, metric: 'Temporal dev server CPU per opened case', value: cpuMs.devServer / openedInSteps, unit: 'ms' },
          { scenario: SCENARIO, metric: 'Postgres CPU per opened case (all backends)', value: cpuMs.postgres / openedInSteps, unit: 'ms' },
          ...toMemoryRows(SCENARIO, steps, CASE_STEPS.at(-1) ?? opened.length),
          ...rateRows,
        ];
      } finally {
        await worker.stop();
      }
    } finally {
      await connection.close();
      await database.close();
      await server.stop();
      await rm(dataDir, { recursive: true, force: true });
    }
  },
};

export default caseWorkflowScenario;
