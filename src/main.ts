import { serve } from '@hono/node-server';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { createApp } from './api/app.js';
import { createCaseChangeHub } from './api/case-change-hub.js';
import { createTemporalCaseGateway } from './api/temporal-case-gateway.js';
import { probeDependency } from './api/health-routes.js';
import { ConfigError, loadConfig, type Config } from './config.js';
import { createLogger, type Logger } from './logger.js';
import { assertPortFree } from './net/assert-port-free.js';
import { ShutdownStack } from './shutdown-stack.js';
import { createDb } from '../db/client.js';
import { migrateDatabase } from '../db/migrate.js';
import { openPostgres } from '../db/open-postgres.js';
import { seedDatabaseIfEmpty } from '../db/seed/seed-database.js';
import { connectTemporal } from './temporal/connect-temporal.js';
import { describeInstalledCoreBridge } from './temporal/core-bridge-build.js';
import { startCaseWorker } from './temporal/worker.js';
import packageJson from '../package.json' with { type: 'json' };

/**
 * The one entry that starts everything: Postgres (configured or embedded), migrations and demo
 * data, Temporal (configured or the embedded dev server), the worker and the API. Ctrl-C stops
 * all of it in reverse order.
 */
async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(`case-engine: ${error.message}; see .env.example`);
    process.exit(2);
  }
  const logger = createLogger(config.LOG_LEVEL);
  // The SDK's own logs (worker state changes, the workflow bundle's build output) join ours at WARN
  // and above unless LOG_LEVEL=debug.
  Runtime.install({ logger: new DefaultLogger(config.LOG_LEVEL === 'debug' ? 'DEBUG' : 'WARN') });
  const stack = new ShutdownStack();
  let isStopping = false;
  const stop = async (exitCode: number) => {
    if (isStopping) return;
    isStopping = true;
    await stack.unwind((name, error) => logger.error(`could not stop ${name}`, { error }));
    process.exit(exitCode);
  };
  process.once('SIGINT', () => void stop(0));
  process.once('SIGTERM', () => void stop(0));

  try {
    await startAll(config, logger, stack);
  } catch (error) {
    console.error(`case-engine: ${error instanceof Error ? error.message : String(error)}`);
    await stop(1);
  }
}

async function startAll(config: Config, logger: Logger, stack: ShutdownStack): Promise<void> {
  const runsApi = config.CASE_ENGINE_ROLE !== 'worker';
  const runsWorker = config.CASE_ENGINE_ROLE !== 'api';
  if (runsApi) await assertPortFree(config.HOST, config.PORT, 'PORT');

  const postgresTarget = await openPostgres({
    databaseUrl: config.DATABASE_URL,
    dataDir: config.DATA_DIR,
    embeddedPort: config.EMBEDDED_POSTGRES_PORT,
  });
  stack.push('Postgres', () => postgresTarget.stop());
  await migrateDatabase(postgresTarget.url);
  const database = createDb(postgresTarget.url);
  stack.push('database pool', () => database.close());
  if (config.SEED_DEMO_DATA) {
    const seeded = await seedDatabaseIfEmpty(database.db);
    if (seeded) logger.info('loaded the demo data into the empty database');
  }

  const temporal = await connectTemporal(config, logger);
  stack.push('Temporal', () => temporal.close());

  if (runsWorker) {
    const temporalCore = await describeInstalledCoreBridge();
    if (temporalCore.kind === 'prebuilt') {
      logger.warn("the worker runs the Temporal SDK's prebuilt core, whose CPU per signal grows with the number of cached cases; `npm ci` with Rust and protoc installed builds the patched one (README: The patched Temporal SDK)");
    }
    const worker = await startCaseWorker({ config, temporal: { connection: temporal.nativeConnection }, temporalClient: temporal.client, database, logger });
    stack.push('worker', () => worker.stop());
  }

  if (runsApi) {
    const gateway = createTemporalCaseGateway(temporal.client, config.TEMPORAL_TASK_QUEUE, database.db);
    const caseChangeHub = createCaseChangeHub(database.sql, logger);
    stack.push('live updates', () => caseChangeHub.close());
    const app = createApp({
      logger,
      api: { db: database.db, sql: database.sql, caseChangeHub, ...gateway },
      web: { ...(temporal.uiUrl ? { temporalUiUrl: temporal.uiUrl } : {}), isDemo: config.SEED_DEMO_DATA },
      health: {
        version: packageJson.version,
        startedAt: new Date(),
        checks: {
          postgres: () =>
            probeDependency(async () => {
              await database.sql`select 1`;
              return { mode: postgresTarget.mode, database: postgresTarget.displayName };
            }),
          temporal: () => probeDependency(() => temporal.checkHealth()),
        },
      },
    });
    const server = serve({ fetch: app.fetch, hostname: config.HOST, port: config.PORT });
    stack.push('HTTP server', async () => {
      // Open event streams would hold the server open; end them with the rest.
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      if ('closeAllConnections' in server) server.closeAllConnections();
      await closed;
    });
    console.log(`case-engine is running
  Web UI          http://${config.HOST}:${config.PORT}/  (sign in as a demo user: README.md)
  API             http://${config.HOST}:${config.PORT}/api/v1
  API docs        http://${config.HOST}:${config.PORT}/api/docs
  health          http://${config.HOST}:${config.PORT}/health
  Postgres        ${postgresTarget.displayName} (${postgresTarget.mode})
  Temporal        ${temporal.address} (${temporal.mode}), namespace ${config.TEMPORAL_NAMESPACE}${temporal.uiUrl ? `\n  Temporal UI     ${temporal.uiUrl}` : ''}
Press Ctrl-C to stop.`);
  }
}

void main();
