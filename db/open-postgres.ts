import path from 'node:path';
import postgres from 'postgres';
import { startEmbeddedPostgres, type EmbeddedPostgresHandle } from './embedded-postgres.js';

export const embeddedDatabaseName = 'case_engine';

export interface PostgresTarget {
  url: string;
  mode: 'embedded' | 'external';
  /** host:port/database without credentials, for logs and /health. */
  displayName: string;
  stop(): Promise<void>;
}

export interface OpenPostgresOptions {
  databaseUrl?: string;
  dataDir: string;
  embeddedPort?: number;
}

/**
 * The configured Postgres (DATABASE_URL), checked to answer, or else the embedded one under
 * `<dataDir>/postgres` with the product's database created on first start.
 */
export async function openPostgres(options: OpenPostgresOptions): Promise<PostgresTarget> {
  if (options.databaseUrl) {
    await assertReachable(options.databaseUrl, 'DATABASE_URL');
    return { url: options.databaseUrl, mode: 'external', displayName: describeUrl(options.databaseUrl), stop: async () => undefined };
  }
  const server = await startEmbeddedPostgres({
    dataDir: path.join(options.dataDir, 'postgres'),
    port: options.embeddedPort,
  });
  try {
    await ensureDatabase(server, embeddedDatabaseName);
  } catch (error) {
    await server.stop();
    throw error;
  }
  const url = server.urlFor(embeddedDatabaseName);
  return { url, mode: 'embedded', displayName: describeUrl(url), stop: () => server.stop() };
}

async function ensureDatabase(server: EmbeddedPostgresHandle, name: string): Promise<void> {
  const admin = postgres(server.adminUrl, { max: 1, onnotice: () => undefined });
  try {
    const rows = await admin`select 1 from pg_database where datname = ${name}`;
    if (rows.length === 0) await admin.unsafe(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
}

async function assertReachable(url: string, variable: string): Promise<void> {
  const sql = postgres(url, { max: 1, connect_timeout: 5, onnotice: () => undefined });
  try {
    await sql`select 1`;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`cannot reach Postgres at ${describeUrl(url)} (${variable}): ${reason}; start it or correct ${variable}`);
  } finally {
    await sql.end({ timeout: 1 }).catch(() => undefined);
  }
}

/** host:port/database, never the password. */
export function describeUrl(url: string): string {
  const parsed = new URL(url);
  return `${parsed.hostname}:${parsed.port || '5432'}${parsed.pathname}`;
}
