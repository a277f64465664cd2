import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { startEmbeddedPostgres, type EmbeddedPostgresHandle } from '../../db/embedded-postgres.js';
import { migrateDatabase } from '../../db/migrate.js';
import { ensureTemporalServers } from '../../src/temporal/setup-temporal.js';
import { templateDatabaseName } from './test-database.js';

/**
 * One Postgres per test run. It migrates a template database once; every test file then clones
 * its own database from it (tests/support/test-database.ts), so files never share rows.
 * The URL reaches the test workers through the environment they inherit.
 * Set TEST_DATABASE_ADMIN_URL to run the suite against another Postgres instead.
 */
export default async function setup(): Promise<() => Promise<void>> {
  // `npm test` provisions first; this makes a bare `npx vitest` work too (a fraction of a second when warm).
  await ensureTemporalServers();
  let server: EmbeddedPostgresHandle | undefined;
  let runDir: string | undefined;
  let adminUrl = process.env.TEST_DATABASE_ADMIN_URL;
  if (!adminUrl) {
    runDir = await mkdtemp(path.join(tmpdir(), 'case-engine-test-pg-'));
    await chmod(runDir, 0o755); // mkdtemp makes it 0700; as root, the `postgres` user must enter it
    server = await startEmbeddedPostgres({ dataDir: path.join(runDir, 'data'), persistent: false });
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
  const templateUrl = new URL(adminUrl);
  templateUrl.pathname = `/${templateDatabaseName}`;
  await migrateDatabase(templateUrl.toString());
  return async () => {
    await server?.stop();
    if (runDir) await rm(runDir, { recursive: true, force: true });
  };
}
