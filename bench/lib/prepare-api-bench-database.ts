import { eq } from 'drizzle-orm';
import { createDb } from '../../db/client.js';
import { migrateDatabase } from '../../db/migrate.js';
import { apiTokens, customers, users } from '../../db/schema.js';
import { seedDatabase } from '../../db/seed/seed-database.js';
import { createSecretToken } from '../../src/auth/secret-token.js';
import type { BenchContext } from '../bench-types.js';
import { seedBenchCases, subjectTopics, type SeedBenchCasesResult } from './seed-bench-cases.js';

export interface ApiBenchDatabase {
  url: string;
  /** A bearer API token of a seeded supervisor (sees every case, may create and add notes). */
  bearerToken: string;
  seeding: SeedBenchCasesResult & { totalSec: number };
  sampledCaseIds: string[];
  queueCodes: string[];
  customerIds: string[];
  /** Words of subjects and descriptions, each in about 5–7% of the cases. */
  commonSearchTerms: string[];
  /** Customers' last names, each in about 0.5% of the cases (through the customer data). */
  nameSearchTerms: string[];
}

const sampledCaseCount = 2_000;

/**
 * A bench database as a long-running install would have it: migrated, the demo seed, `caseCount`
 * cases bulk-loaded, a bearer token, and samples of ids, queues and search words to load with.
 */
export async function prepareApiBenchDatabase(ctx: BenchContext, caseCount: number): Promise<ApiBenchDatabase> {
  const startedAt = performance.now();
  const url = await ctx.createDatabase('bench_api');
  await migrateDatabase(url);
  const database = createDb(url, { maxConnections: 2, applicationName: 'bench-api-seed' });
  try {
    await seedDatabase(database.db);
    let lastLoggedAt = performance.now();
    const seeded = await seedBenchCases(url, caseCount, (message) => {
      if (performance.now() - lastLoggedAt < 15_000) return;
      lastLoggedAt = performance.now();
      ctx.log(message);
    });
    const seeding = { ...seeded, totalSec: (performance.now() - startedAt) / 1000 };
    ctx.log(`seeded ${caseCount} cases in ${seeding.totalSec.toFixed(1)} s (insert ${seeded.insertSec.toFixed(1)} s, indexes ${seeded.indexSec.toFixed(1)} s, vacuum analyze ${seeded.vacuumSec.toFixed(1)} s)`);

    const [supervisor] = await database.db.select({ id: users.id }).from(users).where(eq(users.role, 'supervisor')).orderBy(users.email).limit(1);
    if (!supervisor) throw new Error('the seed has no supervisor');
    const secret = createSecretToken('cet');
    await database.db.insert(apiTokens).values({ userId: supervisor.id, name: 'bench', tokenHash: secret.tokenHash, tokenPrefix: secret.tokenPrefix });

    const sampled = await database.sql<{ id: string }[]>`select id from cases tablesample system (1) limit ${sampledCaseCount}`;
    const queues = await database.sql<{ code: string }[]>`select code from queues order by code`;
    const customerRows = await database.db.select({ id: customers.id, lastName: customers.lastName }).from(customers).orderBy(customers.customerNumber);
    const lastNames = [...new Set(customerRows.map((row) => row.lastName))].slice(0, 20);
    return {
      url,
      bearerToken: secret.token,
      seeding,
      sampledCaseIds: sampled.map((row) => row.id),
      queueCodes: queues.map((row) => row.code),
      customerIds: customerRows.map((row) => row.id),
      commonSearchTerms: [...subjectTopics, 'Costco', 'Netflix', 'Marriott', 'Chevron', 'refund duplicated'],
      nameSearchTerms: lastNames,
    };
  } finally {
    await database.close();
  }
}
