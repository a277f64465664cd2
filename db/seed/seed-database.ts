import { sql } from 'drizzle-orm';
import { knowledgeArticles, routingRules, users } from '../schema.js';
import { seedCustomers } from './customer-seed.js';
import { knowledgeArticleSeeds } from './knowledge-article-seeds.js';
import { seedReferenceData } from './reference-data-seed.js';
import { routingRuleSeeds } from './routing-rule-seeds.js';
import type { SeedDb } from './seed-db.js';
import { seedSlaPolicy } from './sla-policy-seed.js';
import { seedPortalUsers, seedStaff } from './staff-seed.js';

// Two processes starting at once (API and worker roles) must not seed side by side.
const seedLockKey = 7_160_016;

/**
 * Loads the demo data: reference data, the SLA policy (version 1), staff and agents, about 200
 * customers with their accounts and history, portal users, knowledge articles and routing rules.
 * Idempotent: every row has a natural key and is inserted with ON CONFLICT DO NOTHING, so a second
 * run changes nothing (and never overwrites an admin's edits). No cases: cases exist only through
 * their workflow.
 */
export async function seedDatabase(db: SeedDb): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${seedLockKey})`);
    await seedReferenceData(tx);
    await seedSlaPolicy(tx);
    await seedStaff(tx);
    await seedCustomers(tx);
    await seedPortalUsers(tx);
    await tx.insert(knowledgeArticles).values(knowledgeArticleSeeds).onConflictDoNothing();
    await tx.insert(routingRules).values(routingRuleSeeds).onConflictDoNothing();
  });
}

/** Seeds only a database without users (a fresh install); returns whether it seeded. */
export async function seedDatabaseIfEmpty(db: SeedDb): Promise<boolean> {
  const [row] = await db.select({ count: sql<number>`count(*)::int` }).from(users);
  if ((row?.count ?? 0) > 0) return false;
  await seedDatabase(db);
  return true;
}
