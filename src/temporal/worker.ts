import type { Client } from '@temporalio/client';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { NativeConnection, Worker, type WorkflowBundleOption } from '@temporalio/worker';
import { createActivities } from '../../activities/index.js';
import type { Db, Sql } from '../../db/client.js';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';

/** The workflow entry module; the bundler compiles it (and what it imports) for the sandbox. */
export const caseWorkflowsPath = fileURLToPath(new URL('../../workflows/index.ts', import.meta.url));

const domainDirectory = fileURLToPath(new URL('../domain/', import.meta.url));

/**
 * Modules loaded once into the workflow sandbox and shared by every cached case instead of
 * evaluated again per workflow: the pure domain (no I/O, no workflow API, only memo caches whose
 * answers depend on their arguments alone) and Luxon, which it imports. Without them each cached
 * case carried its own copy of Luxon's and the domain's functions, most of its memory.
 * The bundler freezes their exports; the domain never mutates them.
 */
export const caseWorkflowPreloadModules: readonly string[] = [
  'luxon',
  ...readdirSync(domainDirectory)
    .filter((file) => file.endsWith('.ts'))
    .sort()
    .map((file) => `${domainDirectory}${file}`),
];

export interface CreateCaseWorkerOptions {
  connection: NativeConnection;
  namespace: string;
  taskQueue: string;
  activities: ReturnType<typeof createActivities>;
  /** A prebuilt bundle (tests bundle once per file); without it the worker bundles `workflows/`. */
  workflowBundle?: WorkflowBundleOption;
  /** How many workflows stay cached in memory; Temporal's default (10,000 on big hosts) when unset. */
  maxCachedWorkflows?: number;
  /** Promise stack traces for the stack trace query (TEMPORAL_WORKFLOW_STACK_TRACES); off when unset. */
  workflowStackTraces?: boolean;
}

/**
 * Builds the worker that runs case workflows and their projection activities on one task queue.
 * Sets TEMPORAL_WORKFLOW_STACK_TRACES in this process's environment before the SDK starts its
 * workflow threads, which read it (a patch of the SDK: src/temporal/patches, applied on install).
 */
export async function createCaseWorker(options: CreateCaseWorkerOptions): Promise<Worker> {
  process.env.TEMPORAL_WORKFLOW_STACK_TRACES = String(options.workflowStackTraces ?? false);
  return Worker.create({
    connection: options.connection,
    namespace: options.namespace,
    taskQueue: options.taskQueue,
    activities: options.activities,
    ...(options.workflowBundle ? { workflowBundle: options.workflowBundle } : { workflowsPath: caseWorkflowsPath, bundlerOptions: { preloadModules: [...caseWorkflowPreloadModules] } }),
    ...(options.maxCachedWorkflows === undefined ? {} : { maxCachedWorkflows: options.maxCachedWorkflows }),
  });
}

export interface StartCaseWorkerOptions {
  config: Pick<Config, 'TEMPORAL_NAMESPACE' | 'TEMPORAL_TASK_QUEUE'> & Partial<Pick<Config, 'TEMPORAL_WORKFLOW_STACK_TRACES'>>;
  /** The Temporal frontend to poll: an open connection, or the address to connect to. */
  temporal: { connection: NativeConnection } | { address: string };
  database: { db: Db; sql: Sql };
  /** The client the history-archive activity reads closed case histories with. */
  temporalClient?: Client;
  logger?: Logger;
  /** A prebuilt workflow bundle (tests); production bundles `workflows/` at start. */
  workflowBundle?: WorkflowBundleOption;
}

export interface RunningCaseWorker {
  /** Drains in-flight tasks, then closes the connection this function opened (if any). */
  stop(): Promise<void>;
}

/** Starts polling for case workflows and activities; resolves once the worker is running. */
export async function startCaseWorker(options: StartCaseWorkerOptions): Promise<RunningCaseWorker> {
  const ownsConnection = 'address' in options.temporal;
  const connection =
    'address' in options.temporal ? await NativeConnection.connect({ address: options.temporal.address }) : options.temporal.connection;
  const activities = createActivities({
    db: options.database.db,
    ...(options.logger ? { logger: options.logger } : {}),
    ...(options.temporalClient ? { temporalClient: options.temporalClient } : {}),
  });
  const worker = await createCaseWorker({
    connection,
    namespace: options.config.TEMPORAL_NAMESPACE,
    taskQueue: options.config.TEMPORAL_TASK_QUEUE,
    activities,
    workflowStackTraces: options.config.TEMPORAL_WORKFLOW_STACK_TRACES ?? false,
    ...(options.workflowBundle ? { workflowBundle: options.workflowBundle } : {}),
  });
  const running = worker.run();
  running.catch((error: unknown) => options.logger?.error('case worker stopped with an error', { error }));
  options.logger?.info('case worker started', { taskQueue: options.config.TEMPORAL_TASK_QUEUE });
  return {
    stop: async () => {
      if (worker.getState() === 'RUNNING') worker.shutdown();
      await running.catch(() => undefined);
      if (ownsConnection) await connection.close();
    },
  };
}
