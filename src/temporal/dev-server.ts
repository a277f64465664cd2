import { spawn } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Connection } from '@temporalio/client';
import { findFreePort } from '../net/find-free-port.js';
import { isExecutable } from './install-marker.js';
import { CASE_SEARCH_ATTRIBUTES, toDevServerSearchAttributeArgs } from './search-attributes.js';
import { ensureTemporalServers } from './setup-temporal.js';
import { readTemporalManifest } from './temporal-manifest.js';

export interface StartDevServerOptions {
  /** The database goes to `<dataDir>/temporal/temporal.db`, so cases survive restarts. */
  dataDir: string;
  /** gRPC port; a free one when unset. */
  port?: number;
  /** Temporal UI port; a free one when unset. */
  uiPort?: number;
  namespace?: string;
  /** The CLI to run; default: the provisioned one (provisioning it first if missing). */
  cliPath?: string;
  /** Receives the server's log lines (warnings and errors only). */
  onLog?: (line: string) => void;
  startTimeoutMs?: number;
}

export interface DevServer {
  /** host:port for clients and workers. */
  address: string;
  namespace: string;
  uiUrl: string;
  /** The server's Prometheus metrics (matching, history, persistence); the bench reads matching's counters there. */
  metricsUrl: string;
  dbFile: string;
  /** Milliseconds from spawn until the namespace answered. */
  startMs: number;
  stop(): Promise<void>;
}

const HOST = '127.0.0.1';
const sqlitePragmaArgs = ['--sqlite-pragma', 'journal_mode=wal', '--sqlite-pragma', 'synchronous=full'];
/**
 * Go's collector runs half as often as its default (100) would: the server's live heap is small,
 * and under a steady 100 signals/s its mark phase took 6.8 % of the server's CPU samples at the
 * default and 3.7 % at 200 (perf, bench notes at 100/s). An explicit GOGC in the environment wins.
 */
const devServerGogc = '200';

async function resolveCliPath(): Promise<string> {
  const recorded = await readTemporalManifest().then(
    (manifest) => manifest.cli.path,
    () => undefined,
  );
  if (recorded && (await isExecutable(recorded))) return recorded;
  // `npm start` on a fresh clone (or after .tools/ was cleaned): provision now rather than fail.
  return (await ensureTemporalServers()).cli.path;
}

async function waitUntilServing(address: string, namespace: string, deadline: number, exited: () => string | undefined): Promise<void> {
  let lastError: unknown;
  while (Date.now() < deadline) {
    const exitReason = exited();
    if (exitReason) throw new Error(`Temporal dev server exited while starting: ${exitReason}`);
    try {
      const connection = await Connection.connect({ address, connectTimeout: 1_000 });
      try {
        await connection.workflowService.describeNamespace({ namespace });
        return;
      } finally {
        await connection.close();
      }
    } catch (error) {
      lastError = error;
      await new Promise((resolveSleep) => setTimeout(resolveSleep, 200));
    }
  }
  throw new Error(`Temporal dev server at ${address} did not serve namespace ${namespace} in time: ${String(lastError)}`);
}

/**
 * Starts the provisioned Temporal CLI dev server — SQLite under `dataDir`, Temporal UI on its own
 * port, the case engine's search attributes registered — and resolves once it serves the namespace.
 * `stop()` ends it with SIGTERM (SIGKILL after 10 s) so SQLite is closed cleanly.
 */
export async function startDevServer(options: StartDevServerOptions): Promise<DevServer> {
  const startedAt = Date.now();
  const cliPath = options.cliPath || (await resolveCliPath());
  const namespace = options.namespace ?? 'default';
  const port = options.port ?? (await findFreePort(HOST));
  const uiPort = options.uiPort ?? (await findFreePort(HOST));
  const metricsPort = await findFreePort(HOST);
  const dbDir = resolve(options.dataDir, 'temporal');
  await mkdir(dbDir, { recursive: true });
  const dbFile = join(dbDir, 'temporal.db');
  const args = [
    'server', 'start-dev', '--db-filename', dbFile, '--ip', HOST, '--port', String(port), '--ui-port', String(uiPort), '--metrics-port', String(metricsPort),
    '--namespace', namespace, '--log-level', 'warn', '--log-format', 'json',
    // Write-ahead log, still synced on every commit: SQLite's default rollback journal syncs several
    // times per commit, and at 100 signals/s those syncs, not the CPU, were the queue (bench:
    // signal → local activity p95 728 ms with the default, 115 ms with these, at 100/s).
    // `synchronous=normal` would be faster still (bare signals at 100/s to 200 workflows, two
    // rounds each: p95 88–102 against 187–230 ms; server CPU per signal 7.2–7.4 against 9.0–9.3 ms),
    // but after a power loss SQLite could roll back signals already acknowledged while Postgres
    // keeps their projections, and the next events would reuse those sequence numbers; so every
    // commit stays synced.
    ...sqlitePragmaArgs,
    '--dynamic-config-value', 'frontend.enableUpdateWorkflowExecution=true',
    '--dynamic-config-value', 'frontend.enableUpdateWorkflowExecutionAsyncAccepted=true',
    ...toDevServerSearchAttributeArgs(CASE_SEARCH_ATTRIBUTES),
  ];
  const child = spawn(cliPath, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, GOGC: process.env.GOGC ?? devServerGogc } });
  let exitReason: string | undefined;
  let recentOutput = '';
  const onOutput = (chunk: Buffer): void => {
    const text = chunk.toString();
    recentOutput = (recentOutput + text).slice(-4000);
    for (const line of text.split('\n')) if (line.trim()) options.onLog?.(line);
  };
  child.stdout.on('data', onOutput);
  child.stderr.on('data', onOutput);
  const exitedPromise = new Promise<void>((resolveExit) => {
    child.once('exit', (code, signal) => {
      exitReason = `code ${code}, signal ${signal}: ${recentOutput}`;
      resolveExit();
    });
  });
  child.once('error', (error) => {
    exitReason = error.message;
  });

  const stop = async (): Promise<void> => {
    if (exitReason !== undefined) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exitedPromise;
    clearTimeout(timer);
  };
  const address = `${HOST}:${port}`;
  try {
    await waitUntilServing(address, namespace, startedAt + (options.startTimeoutMs ?? 60_000), () => exitReason);
  } catch (error) {
    await stop();
    throw error;
  }
  return { address, namespace, uiUrl: `http://${HOST}:${uiPort}`, metricsUrl: `http://${HOST}:${metricsPort}/metrics`, dbFile, startMs: Date.now() - startedAt, stop };
}
