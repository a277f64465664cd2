import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { startEmbeddedPostgres, type EmbeddedPostgresHandle } from '../../db/embedded-postgres.js';
import { migrateDatabase } from '../../db/migrate.js';
import { templateDatabaseName } from './test-database.js';

/**
 * One Postgres per test run. It migrates a template database once; every test file then clones
 * its own database from it (tests/support/test-database.ts), so files never share rows.
 * The URL reaches the test workers through the environment they inherit.
 */
export default async function setup(): Promise<() => Promise<void>> {
  let server: EmbeddedPostgresHandle | undefined;
  let adminUrl = process.env.TEST_DATABASE_ADMIN_URL;
  if (!adminUrl) {
    // Under /tmp so the `postgres` system user can write it when the suite runs as root.
    const dataDir = path.join(await mkdtemp(path.join(tmpdir(), 'case-engine-test-pg-')), 'data');
    server = await startEmbeddedPostgres({ dataDir, persistent: false });
    adminUrl = server.adminUrl;
    process.env.TEST_DATABASE_ADMIN_URL = adminUrl;
  }
  const admin = postgres(adminUrl, { max: 1, onnotice: () => undefined });
  try {
    await admin.unsafe(`DROP DATABASE IF EXISTS ${templateDatabaseName} WITH (FORCE)`);
    await admin.unsafe(`CREATE DATABASE ${templateDatabaseName}`);
  } finally {
    await admin.end();
  }
  await migrateDatabase(replaceDatabase(adminUrl, templateDatabaseName));
  return async () => {
    await server?.stop();
  };
}

function replaceDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
