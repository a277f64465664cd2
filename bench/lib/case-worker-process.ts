import { createServer } from 'node:http';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { DefaultLogger, NativeConnection, Runtime } from '@temporalio/worker';
import { createActivities } from '../../activities/index.js';
import { createDb } from '../../db/client.js';
import { createCaseWorker } from '../../src/temporal/worker.js';
import { announceListening } from './announce-listening.js';

/**
 * One real case worker in a process of its own, so its memory is measured apart from the load
 * generator and the Temporal client. GET /status answers the process memory and the worker's
 * cache (GET /status?gc=1 collects the main thread's garbage first, so samples compare live data);
 * run through startChildServer (the case-workflow and api bench scenarios do). MAX_CACHED_WORKFLOWS
 * is optional (Temporal's default otherwise).
 */
export interface CaseWorkerStatus {
  pid: number;
  rssBytes: number;
  /** The main thread's heap only: workflow state lives in the workflow thread's isolate. */
  heapUsedBytes: number;
  cachedWorkflows: number;
  inFlightActivations: number;
}

const readEnv = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
};

Runtime.install({ logger: new DefaultLogger('WARN') });
const database = createDb(readEnv('DATABASE_URL'), { maxConnections: 10, applicationName: 'bench-case-worker' });
const connection = await NativeConnection.connect({ address: readEnv('TEMPORAL_ADDRESS') });
const worker = await createCaseWorker({
  connection,
  namespace: process.env.TEMPORAL_NAMESPACE ?? 'default',
  taskQueue: readEnv('TASK_QUEUE'),
  activities: createActivities({ db: database.db }),
  ...(process.env.MAX_CACHED_WORKFLOWS ? { maxCachedWorkflows: Number(process.env.MAX_CACHED_WORKFLOWS) } : {}),
});
const running = worker.run();

// startChildServer takes no Node flags, and NODE_OPTIONS refuses --expose-gc: enable it from here.
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

const readStatus = (): CaseWorkerStatus => {
  const memory = process.memoryUsage();
  const status = worker.getStatus();
  return {
    pid: process.pid,
    rssBytes: memory.rss,
    heapUsedBytes: memory.heapUsed,
    cachedWorkflows: status.numCachedWorkflows,
    inFlightActivations: status.numInFlightWorkflowActivations,
  };
};

const server = createServer((request, response) => {
  const url = new URL(request.url ?? '/', 'http://localhost');
  if (url.pathname !== '/status') {
    response.writeHead(404).end();
    return;
  }
  if (url.searchParams.get('gc') === '1') collectGarbage();
  response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(readStatus()));
});
server.listen(0, '127.0.0.1', () => {
  announceListening(server, async () => {
    worker.shutdown();
    await running.catch(() => undefined);
    await connection.close();
    await database.close();
  });
});
