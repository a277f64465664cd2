import { createDb } from '../../db/client.js';
import { runRetentionJob } from './retention-job.js';

// `npx tsx src/compliance/run-retention-job.ts [--purge]`: prints the 7-year retention report as
// JSON; deletes the listed cases only with --purge. DATABASE_URL names the database.
const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) {
  console.error('DATABASE_URL is not set');
  process.exit(2);
}
const handle = createDb(databaseUrl, { maxConnections: 2, applicationName: 'retention-job' });
try {
  const report = await runRetentionJob(handle.db, { now: new Date(), isPurgeEnabled: process.argv.includes('--purge') });
  console.log(JSON.stringify(report, null, 2));
} finally {
  await handle.close();
}
