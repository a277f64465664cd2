import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { drizzle } from 'drizzle-orm/postgres-js';
import { migrate } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';

export const migrationsFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

// Any fixed 64-bit number shared by every process of the product.
const migrationLockKey = 4_711_015_016;

/**
 * Applies the committed drizzle-kit migrations. Drizzle runs them in one transaction and records
 * them in `drizzle.__drizzle_migrations`, so a second run is a no-op and a failed one leaves nothing.
 * An advisory lock keeps two processes starting at once (API and worker) from racing.
 */
export async function migrateDatabase(url: string): Promise<void> {
  // One connection: the session-level advisory lock and the migration share it.
  const sql = postgres(url, { max: 1, onnotice: () => undefined });
  try {
    await sql`select pg_advisory_lock(${migrationLockKey})`;
    await migrate(drizzle(sql), { migrationsFolder });
    await sql`select pg_advisory_unlock(${migrationLockKey})`;
  } finally {
    await sql.end({ timeout: 5 });
  }
}
