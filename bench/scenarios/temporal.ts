import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { startDevServer } from '../../src/temporal/dev-server.js';
import { ensureTemporalServers } from '../../src/temporal/setup-temporal.js';
import { probeTestServer } from '../../src/temporal/verify-server-executable.js';
import type { BenchContext, Row, Scenario } from '../bench-types.js';
import { measureTemporalBaseline } from '../lib/measure-temporal-baseline.js';
import { percentile } from '../lib/percentile.js';

// The project's Temporal baseline: provisioning, server start, and what the embedded dev server
// does with a real worker and no product code. Bounded in count so the scenario stays ~1 minute.
const SCENARIO = 'temporal';
const WORKFLOW_COUNT = Number(process.env.BENCH_TEMPORAL_WORKFLOWS ?? 300);
const ROUND_TRIPS = Number(process.env.BENCH_TEMPORAL_ROUND_TRIPS ?? 100);

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
    try {
      const baseline = await measureTemporalBaseline(server.address, { workflowCount: WORKFLOW_COUNT, roundTrips: ROUND_TRIPS });
      ctx.log(`${WORKFLOW_COUNT} one-activity workflows: ${baseline.workflowsPerSecond.toFixed(1)}/s`);
      rows.push(
        { scenario: SCENARIO, metric: `one-activity workflows completed (${WORKFLOW_COUNT}, dev server)`, value: baseline.workflowsPerSecond, unit: 'workflows/s' },
        { scenario: SCENARIO, metric: `signal → activity round trip p50 (${ROUND_TRIPS})`, value: percentile(baseline.roundTripsMs, 0.5), unit: 'ms' },
        { scenario: SCENARIO, metric: `signal → activity round trip p95 (${ROUND_TRIPS})`, value: percentile(baseline.roundTripsMs, 0.95), unit: 'ms' },
      );
    } finally {
      await server.stop();
      await rm(dataDir, { recursive: true, force: true });
    }
    return rows;
  },
};

export default temporal;
