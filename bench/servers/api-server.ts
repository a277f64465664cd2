import { serve } from '@hono/node-server';
import { Client } from '@temporalio/client';
import { DefaultLogger, NativeConnection, Runtime } from '@temporalio/worker';
import { createDb } from '../../db/client.js';
import { createApp, type ApiDeps } from '../../src/api/app.js';
import { createCaseChangeHub } from '../../src/api/case-change-hub.js';
import { createTemporalCaseGateway } from '../../src/api/temporal-case-gateway.js';
import { createLogger } from '../../src/logger.js';
import { startCaseWorker, type RunningCaseWorker } from '../../src/temporal/worker.js';
import { announceListening } from '../lib/announce-listening.js';

/**
 * The product's API as `npm start` wires it, in a process of its own: createApp over a real
 * database pool and, when TEMPORAL_ADDRESS is set, the Temporal gateway plus the real case worker
 * in the same process (the `all` role), or without the worker when CASE_WORKER=separate (the `api`
 * role; bench/lib/case-worker-process.ts then runs the `worker` role). Without TEMPORAL_ADDRESS
 * the app serves reads from Postgres only.
 * Logs at `warn`: per-request info lines would bill the bench for writing to a pipe.
 */
const readEnv = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
};

const logger = createLogger('warn');
const database = createDb(readEnv('DATABASE_URL'), { maxConnections: 10, applicationName: 'bench-api' });
const closers: Array<() => Promise<void>> = [() => database.close()];
const temporalAddress = process.env.TEMPORAL_ADDRESS;
let temporalDeps: Partial<ApiDeps> = {};
if (temporalAddress) {
  Runtime.install({ logger: new DefaultLogger('WARN') });
  const taskQueue = readEnv('TASK_QUEUE');
  // One connection through the SDK's core for the client and the worker, as connectTemporal wires it.
  const nativeConnection = await NativeConnection.connect({ address: temporalAddress });
  const client = new Client({ connection: nativeConnection });
  closers.unshift(() => nativeConnection.close());
  if (process.env.CASE_WORKER !== 'separate') {
    const worker: RunningCaseWorker = await startCaseWorker({
      config: { TEMPORAL_NAMESPACE: 'default', TEMPORAL_TASK_QUEUE: taskQueue },
      temporal: { connection: nativeConnection },
      temporalClient: client,
      database,
      logger,
    });
    closers.unshift(() => worker.stop());
  }
  temporalDeps = createTemporalCaseGateway(client, taskQueue, database.db);
}
const caseChangeHub = createCaseChangeHub(database.sql, logger);
closers.unshift(() => caseChangeHub.close());

const app = createApp({
  logger,
  api: { db: database.db, sql: database.sql, caseChangeHub, ...temporalDeps },
  health: { version: 'bench', startedAt: new Date(), checks: {} },
});
const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, () => {
  announceListening(server, async () => {
    for (const close of closers) await close().catch(() => undefined);
  });
});
