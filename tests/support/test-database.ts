import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { createDb, type Db, type Sql } from '../../db/client.js';

export const templateDatabaseName = 'case_engine_template';

export interface TestDatabase {
  name: string;
  url: string;
  db: Db;
  sql: Sql;
  close(): Promise<void>;
}

/**
 * A database of its own for the calling test file, cloned from the run's migrated template
 * (CREATE DATABASE … TEMPLATE is a file copy: milliseconds, not a migration run).
 * `close()` disconnects and drops it.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const adminUrl = process.env.TEST_DATABASE_ADMIN_URL;
  if (!adminUrl) throw new Error('TEST_DATABASE_ADMIN_URL is unset: run tests through vitest (tests/support/global-setup.ts)');
  const name = `case_engine_test_${randomBytes(6).toString('hex')}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => undefined });
  try {
    // The template must have no other connections while it is copied; retry briefly if another
    // file is cloning at the same moment.
    for (let attempt = 0; ; attempt++) {
      try {
        await admin.unsafe(`CREATE DATABASE ${name} TEMPLATE ${templateDatabaseName}`);
        break;
      } catch (error) {
        if (attempt >= 20 || !String(error).includes('is being accessed by other users')) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100 + attempt * 50));
      }
    }
  } finally {
    await admin.end();
  }
  const parsed = new URL(adminUrl);
  parsed.pathname = `/${name}`;
  const url = parsed.toString();
  const handle = createDb(url);
  return {
    name,
    url,
    db: handle.db,
    sql: handle.sql,
    close: async () => {
      await handle.close();
      const dropper = postgres(adminUrl, { max: 1, onnotice: () => undefined });
      try {
        await dropper.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await dropper.end();
      }
    },
  };
}
