import { drizzle, type PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import * as schema from './schema.js';

/** Drizzle over the pool; `$client` is the pool itself, for statements Drizzle cannot prepare by name. */
export type Db = PostgresJsDatabase<typeof schema> & { $client: postgres.Sql };
export type Sql = postgres.Sql;

export interface DbHandle {
  db: Db;
  sql: Sql;
  close(): Promise<void>;
}

export interface CreateDbOptions {
  maxConnections?: number;
  applicationName?: string;
}

/** Connects to Postgres: one postgres.js pool, wrapped by Drizzle with the whole schema. */
export function createDb(url: string, options: CreateDbOptions = {}): DbHandle {
  const sql = postgres(url, {
    max: options.maxConnections ?? 10,
    onnotice: () => undefined,
    connection: { application_name: options.applicationName ?? 'case-engine' },
  });
  const db = drizzle(sql, { schema });
  return { db, sql, close: () => sql.end({ timeout: 5 }) };
}
