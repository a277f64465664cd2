import { loadConfig } from '../../src/config.js';
import { createDb } from '../client.js';
import { migrateDatabase } from '../migrate.js';
import { openPostgres } from '../open-postgres.js';
import { seedDatabase } from './seed-database.js';

/** `npm run db:seed`: migrates and seeds DATABASE_URL, or the embedded Postgres under DATA_DIR. */
async function runSeed(): Promise<void> {
  const config = loadConfig();
  const target = await openPostgres({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR, embeddedPort: config.EMBEDDED_POSTGRES_PORT });
  try {
    await migrateDatabase(target.url);
    const database = createDb(target.url, { maxConnections: 2, applicationName: 'case-engine-seed' });
    try {
      await seedDatabase(database.db);
      console.log(`seeded the demo data into ${target.displayName}`);
    } finally {
      await database.close();
    }
  } finally {
    await target.stop();
  }
}

runSeed().catch((error: unknown) => {
  console.error(`db:seed failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
