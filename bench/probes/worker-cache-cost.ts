import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client, Connection, type WorkflowHandle } from '@temporalio/client';
import { bundleWorkflowCode, DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { startDevServer } from '../../src/temporal/dev-server.js';
import { echo, onSignalActivity, recordSignal } from '../../tests/temporal/fixtures/smoke-activities.js';
import { addItemSignal, signalToLocalActivityWorkflow } from '../../tests/temporal/fixtures/smoke-workflows.js';
import { readThreadCpuMs } from '../lib/read-process-cpu.js';
import { sendOpenLoop, waitUntil } from '../lib/send-open-loop.js';

/**
 * Probe, not a bench scenario: what one signal costs a bare Temporal worker (no product code: a
 * long-running workflow that takes a signal and runs one local activity) per thread of the process,
 * with WORKFLOWS cached workflows (default 200). Run it twice to compare cache sizes:
 *   WORKFLOWS=200 npx tsx bench/probes/worker-cache-cost.ts
 *   WORKFLOWS=10000 npx tsx bench/probes/worker-cache-cost.ts
 * Thread names come from /proc (Linux): `workflow-proces` is the SDK core's workflow-processing thread.
 */
const workflowCount = Number(process.env.WORKFLOWS ?? 200);
const ratePerSecond = Number(process.env.RATE ?? 25);
const durationSec = Number(process.env.DURATION_SEC ?? 20);
const startsInFlight = 50;

Runtime.install({ logger: new DefaultLogger('WARN') });
const dataDir = await mkdtemp(join(tmpdir(), 'case-engine-probe-'));
const server = await startDevServer({ dataDir });
const workflowsPath = fileURLToPath(new URL('../../tests/temporal/fixtures/smoke-workflows.ts', import.meta.url));
const workflowBundle = await bundleWorkflowCode({ workflowsPath, logger: new DefaultLogger('WARN') });
const nativeConnection = await NativeConnection.connect({ address: server.address });
const connection = await Connection.connect({ address: server.address });
const taskQueue = `probe-${randomUUID()}`;
const worker = await Worker.create({ connection: nativeConnection, taskQueue, workflowBundle, activities: { echo, recordSignal }, maxCachedWorkflows: workflowCount + 1_000 });
const running = worker.run();
try {
  const client = new Client({ connection });
  const handles: Array<WorkflowHandle<typeof signalToLocalActivityWorkflow>> = [];
  for (let offset = 0; offset < workflowCount; offset += startsInFlight) {
    const batch = Array.from({ length: Math.min(startsInFlight, workflowCount - offset) }, () =>
      client.workflow.start(signalToLocalActivityWorkflow, { taskQueue, workflowId: `probe-${randomUUID()}` }),
    );
    handles.push(...(await Promise.all(batch)));
  }
  let handled = 0;
  onSignalActivity(() => void (handled += 1));
  const before = readThreadCpuMs();
  const { sent } = await sendOpenLoop(ratePerSecond, durationSec, () => {
    void handles[Math.floor(Math.random() * handles.length)]!.signal(addItemSignal, 'probe');
  });
  await waitUntil(() => handled >= sent, 60_000);
  const after = readThreadCpuMs();
  console.log(`${workflowCount} cached workflows, ${sent} signals at ${ratePerSecond}/s: CPU per signal by thread`);
  for (const [name, cpuMs] of after) console.log(`  ${name.padEnd(16)} ${((cpuMs - (before.get(name) ?? 0)) / sent).toFixed(2)} ms`);
  await Promise.all(handles.map((handle) => handle.terminate('probe finished').catch(() => undefined)));
} finally {
  onSignalActivity(undefined);
  worker.shutdown();
  await running;
  await connection.close();
  await nativeConnection.close();
  await server.stop();
  await rm(dataDir, { recursive: true, force: true });
}
