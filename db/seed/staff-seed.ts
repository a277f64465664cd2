import { inArray } from 'drizzle-orm';
import { hashPassword } from '../../src/auth/password-hash.js';
import { agentLanguages, agentQueues, agents, agentSkills, customers, users, type NewUser } from '../schema.js';
import { agentSeeds } from './agent-seeds.js';
import { demoPasswords, demoStaffUsers, portalCustomerNumbers } from './demo-users.js';
import { seedReferenceDate, type SeedDb } from './seed-db.js';

/** Hashes only for users not there yet: scrypt is deliberately slow. */
async function insertMissingUsers(db: SeedDb, candidates: Array<Omit<NewUser, 'passwordHash'>>): Promise<void> {
  if (candidates.length === 0) return;
  const existing = await db
    .select({ email: users.email })
    .from(users)
    .where(
      inArray(
        users.email,
        candidates.map((user) => user.email),
      ),
    );
  const existingEmails = new Set(existing.map((row) => row.email));
  const missing = candidates.filter((user) => !existingEmails.has(user.email));
  if (missing.length === 0) return;
  const rows = await Promise.all(missing.map(async (user) => ({ ...user, passwordHash: await hashPassword(demoPasswords[user.role]) })));
  await db.insert(users).values(rows).onConflictDoNothing();
}

/** Portal logins for a few demo customers (run after the customers). */
export async function seedPortalUsers(db: SeedDb): Promise<void> {
  const portalCustomers = await db
    .select({ id: customers.id, email: customers.email, firstName: customers.firstName, lastName: customers.lastName, language: customers.preferredLanguage })
    .from(customers)
    .where(inArray(customers.customerNumber, portalCustomerNumbers));
  await insertMissingUsers(
    db,
    portalCustomers
      .filter((customer) => customer.email)
      .map((customer) => ({
        email: customer.email!,
        displayName: `${customer.firstName} ${customer.lastName}`,
        role: 'customer' as const,
        customerId: customer.id,
        preferredLanguage: customer.language,
      })),
  );
}

/** Staff users for every role and the twelve agents with skills, languages and queues. */
export async function seedStaff(db: SeedDb): Promise<void> {
  await insertMissingUsers(db, demoStaffUsers);
  const agentUsers = await db
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(
      inArray(
        users.email,
        agentSeeds.map((agent) => agent.email),
      ),
    );
  const userIdByEmail = new Map(agentUsers.map((row) => [row.email, row.id]));
  await db
    .insert(agents)
    .values(
      agentSeeds.map((agent) => ({
        userId: userIdByEmail.get(agent.email),
        displayName: agent.displayName,
        email: agent.email,
        regionCode: agent.regionCode,
        isSeniorHandler: agent.role === 'senior',
        capacityPoints: agent.role === 'senior' ? 12 : 10,
        availability: agent.availability,
        idleSince: seedReferenceDate,
      })),
    )
    .onConflictDoNothing();
  const agentRows = await db.select({ id: agents.id, email: agents.email }).from(agents);
  const agentIdByEmail = new Map(agentRows.map((row) => [row.email, row.id]));
  const agentIdOf = (email: string): string => {
    const agentId = agentIdByEmail.get(email);
    if (!agentId) throw new Error(`agent ${email} is missing after its insert`);
    return agentId;
  };
  await db
    .insert(agentSkills)
    .values(agentSeeds.flatMap((agent) => Object.entries(agent.skills).map(([skillCode, level]) => ({ agentId: agentIdOf(agent.email), skillCode, level }))))
    .onConflictDoNothing();
  await db
    .insert(agentLanguages)
    .values(agentSeeds.flatMap((agent) => agent.languages.map((languageCode, index) => ({ agentId: agentIdOf(agent.email), languageCode, proficiency: index === 0 ? ('native' as const) : ('fluent' as const) }))))
    .onConflictDoNothing();
  await db
    .insert(agentQueues)
    .values(agentSeeds.flatMap((agent) => agent.queueCodes.map((queueCode) => ({ agentId: agentIdOf(agent.email), queueCode }))))
    .onConflictDoNothing();
}
