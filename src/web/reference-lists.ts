import { asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { agents, customers, queues, users } from '../../db/schema.js';

export interface PickOption {
  value: string;
  label: string;
}

/** Active queues, for filters and transfer forms. */
export async function listQueueOptions(db: Db): Promise<PickOption[]> {
  const rows = await db.select({ value: queues.code, label: queues.name }).from(queues).where(eq(queues.isActive, true)).orderBy(asc(queues.name));
  return rows;
}

/**
 * Every queue's name, active or not, keyed as the name lookups want it (`queue:<code>`, see
 * `nameQueue`): pages that show many cases' queues read them once.
 */
export async function listQueueNames(db: Db): Promise<Map<string, string>> {
  const rows = await db.select({ code: queues.code, name: queues.name }).from(queues);
  return new Map(rows.map((row) => [`queue:${row.code}`, row.name]));
}

/** Agents by name, for assign and transfer forms. */
export async function listAgentOptions(db: Db): Promise<PickOption[]> {
  return db.select({ value: agents.id, label: agents.displayName }).from(agents).orderBy(asc(agents.displayName));
}

/** The agent record of a staff user ("my cases"), or null when the user handles no cases. */
export async function findAgentIdOfUser(db: Db, userId: string): Promise<string | null> {
  const [row] = await db.select({ id: agents.id }).from(agents).where(eq(agents.userId, userId)).limit(1);
  return row?.id ?? null;
}

/**
 * Display names for the actors of a timeline and the agents and queues its events name
 * (`user:<id>`, `customer:<id>`, `agent:<id>`, `queue:<code>`), so people read "Li Lei" and
 * "Technical Support" rather than an id or a code; other actors (routing, timer, system) keep
 * their own words.
 */
export async function findActorNames(db: Db, actors: string[]): Promise<Map<string, string>> {
  const keysOf = (prefix: string) => [...new Set(actors.filter((actor) => actor.startsWith(prefix)).map((actor) => actor.slice(prefix.length)))];
  const ids = (prefix: string) => keysOf(prefix).filter((id) => uuidPattern.test(id));
  const userIds = ids('user:');
  const customerIds = ids('customer:');
  const agentIds = ids('agent:');
  const queueCodes = keysOf('queue:');
  const [userRows, customerRows, agentRows, queueRows] = await Promise.all([
    userIds.length > 0 ? db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, userIds)) : [],
    customerIds.length > 0 ? db.select({ id: customers.id, first: customers.firstName, last: customers.lastName }).from(customers).where(inArray(customers.id, customerIds)) : [],
    agentIds.length > 0 ? db.select({ id: agents.id, name: agents.displayName }).from(agents).where(inArray(agents.id, agentIds)) : [],
    queueCodes.length > 0 ? db.select({ code: queues.code, name: queues.name }).from(queues).where(inArray(queues.code, queueCodes)) : [],
  ]);
  return new Map([
    ...userRows.map((row): [string, string] => [`user:${row.id}`, row.name]),
    ...agentRows.map((row): [string, string] => [`agent:${row.id}`, row.name]),
    ...customerRows.map((row): [string, string] => [`customer:${row.id}`, `${row.first} ${row.last} (customer)`]),
    ...queueRows.map((row): [string, string] => [`queue:${row.code}`, row.name]),
  ]);
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
