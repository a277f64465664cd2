import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client, Connection } from '@temporalio/client';
import { bundleWorkflowCode, DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { startDevServer } from '../../src/temporal/dev-server.js';
import { ensureTemporalServers } from '../../src/temporal/setup-temporal.js';
import { probeTestServer } from '../../src/temporal/verify-server-executable.js';
import { echo, onSignalActivity, recordSignal } from '../../tests/temporal/fixtures/smoke-activities.js';
import { addItemSignal, finishSignal, signalToActivityWorkflow, singleActivityWorkflow } from '../../tests/temporal/fixtures/smoke-workflows.js';
import type { BenchContext, Row, Scenario } from '../bench-types.js';

// The project's Temporal baseline: provisioning, server start, and what the embedded dev server
// does with a real worker and no product code. Bounded in count so the scenario stays ~1 minute.
const SCENARIO = 'temporal';
const WORKFLOW_COUNT = Number(process.env.BENCH_TEMPORAL_WORKFLOWS ?? 300);
const STARTS_IN_FLIGHT = 50;
const ROUND_TRIPS = Number(process.env.BENCH_TEMPORAL_ROUND_TRIPS ?? 100);
const workflowsPath = fileURLToPath(new URL('../../tests/temporal/fixtures/smoke-workflows.ts', import.meta.url));

function percentile(sortedValues: number[], fraction: number): number {
  return sortedValues[Math.min(sortedValues.length - 1, Math.floor(fraction * sortedValues.length))] ?? Number.NaN;
}

async function measureProvisioning(ctx: BenchContext): Promise<{ rows: Row[]; cliPath: string; testServerPath: string }> {
  const toolsDir = await mkdtemp(join(tmpdir(), 'case-engine-bench-tools-'));
  try {
    const cold = await ensureTemporalServers({ toolsDir });
    ctx.log(`cold provisioning: CLI ${cold.cli.version} from ${cold.cli.source}, test server ${cold.testServer.version} from ${cold.testServer.source}`);
    const warm = await ensureTemporalServers({ toolsDir });
    const coldBaseline = { label: 'cold', value: cold.totalMs / 1000 };
    const rows: Row[] = [
      { scenario: SCENARIO, metric: `provisioning cold, both servers (${cold.cli.source}/${cold.testServer.source})`, value: cold.totalMs / 1000, unit: 's' },
      { scenario: SCENARIO, metric: 'provisioning warm (reuse, verified)', value: warm.totalMs / 1000, unit: 's', baseline: coldBaseline },
    ];
    // Server start from the real .tools/ (what tests and npm start use), not the temp copy.
    const real = await ensureTemporalServers();
    return { rows, cliPath: real.cli.path, testServerPath: real.testServer.path };
  } finally {
    await rm(toolsDir, { recursive: true, force: true });
  }
}

async function measureWorkflowThroughput(client: Client, taskQueue: string): Promise<number> {
  const startedAt = performance.now();
  const results: Promise<string>[] = [];
  for (let offset = 0; offset < WORKFLOW_COUNT; offset += STARTS_IN_FLIGHT) {
    const batch = Array.from({ length: Math.min(STARTS_IN_FLIGHT, WORKFLOW_COUNT - offset) }, (_, index) =>
      client.workflow.start(singleActivityWorkflow, { taskQueue, workflowId: `bench-${randomUUID()}`, args: [`w${offset + index}`] }),
    );
    for (const handle of await Promise.all(batch)) results.push(handle.result());
  }
  await Promise.all(results);
  return WORKFLOW_COUNT / ((performance.now() - startedAt) / 1000);
}

async function measureSignalRoundTrips(client: Client, taskQueue: string): Promise<number[]> {
  const handle = await client.workflow.start(signalToActivityWorkflow, { taskQueue, workflowId: `bench-signal-${randomUUID()}` });
  const latenciesMs: number[] = [];
  try {
    for (let sequence = 0; sequence < ROUND_TRIPS; sequence++) {
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

const temporal: Scenario = {
  name: SCENARIO,
  async run(ctx: BenchContext): Promise<Row[]> {
    try {
      Runtime.install({ logger: new DefaultLogger('WARN') });
    } catch {
      // Another scenario installed the runtime already.
    }
    const { rows, cliPath, testServerPath } = await measureProvisioning(ctx);
    rows.push({ scenario: SCENARIO, metric: 'test server start (time-skipping)', value: await probeTestServer(testServerPath), unit: 'ms' });

    const dataDir = await mkdtemp(join(tmpdir(), 'case-engine-bench-temporal-'));
    const server = await startDevServer({ dataDir, cliPath });
    rows.push({ scenario: SCENARIO, metric: 'CLI dev server start (SQLite file, UI on)', value: server.startMs, unit: 'ms' });
    const taskQueue = `bench-${randomUUID()}`;
    const [workflowBundle, nativeConnection, connection] = await Promise.all([
      bundleWorkflowCode({ workflowsPath, logger: new DefaultLogger('WARN') }),
      NativeConnection.connect({ address: server.address }),
      Connection.connect({ address: server.address }),
    ]);
    const worker = await Worker.create({ connection: nativeConnection, taskQueue, workflowBundle, activities: { echo, recordSignal } });
    const client = new Client({ connection });
    try {
      await worker.runUntil(async () => {
        const perSecond = await measureWorkflowThroughput(client, taskQueue);
        ctx.log(`${WORKFLOW_COUNT} one-activity workflows: ${perSecond.toFixed(1)}/s`);
        rows.push({ scenario: SCENARIO, metric: `one-activity workflows completed (${WORKFLOW_COUNT}, dev server)`, value: perSecond, unit: 'workflows/s' });
        const latenciesMs = await measureSignalRoundTrips(client, taskQueue);
        rows.push(
          { scenario: SCENARIO, metric: `signal → activity round trip p50 (${ROUND_TRIPS})`, value: percentile(latenciesMs, 0.5), unit: 'ms' },
          { scenario: SCENARIO, metric: `signal → activity round trip p95 (${ROUND_TRIPS})`, value: percentile(latenciesMs, 0.95), unit: 'ms' },
        );
      });
    } finally {
      await connection.close();
      await nativeConnection.close();
      await server.stop();
      await rm(dataDir, { recursive: true, force: true });
    }
    return rows;
  },
};

export default temporal;
