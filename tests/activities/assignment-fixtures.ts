import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { AssignCaseInput } from '../../activities/assignment/assignment-types.js';
import type { Db } from '../../db/client.js';
import { agentLanguages, agentQueues, agents, agentSkills, cases, customers } from '../../db/schema.js';
import type { CaseFacts } from '../../src/domain/routing.js';
import { buildFacts } from '../domain/routing-fixtures.js';

/** Wednesday 2026-11-18, 10:00 in Los Angeles and 13:00 in New York: every seeded region is at work. */
export const businessHoursIso = '2026-11-18T18:00:00.000Z';

let caseCount = 0;

/** Inserts the case row the assignment hangs on (the workflow's projection would) and returns the activity input. */
export async function insertRoutableCase(db: Db, facts: Partial<CaseFacts> = {}, decidedAt = businessHoursIso): Promise<AssignCaseInput> {
  const [customer] = await db.select({ id: customers.id }).from(customers).limit(1);
  if (!customer) throw new Error('seed the database first: no customers');
  const full = buildFacts(facts);
  caseCount += 1;
  const caseId = randomUUID();
  await db.insert(cases).values({
    id: caseId,
    workflowId: `case-routing-${process.pid}-${caseCount}-${caseId.slice(0, 8)}`,
    customerId: customer.id,
    channel: full.channel,
    caseTypeCode: full.caseType,
    subject: `Routing test ${caseCount}`,
    priority: full.priority,
    segment: full.segment,
    complexity: full.complexity,
    regionCode: full.regionCode,
    language: full.language,
    tags: full.tags,
    createdAt: new Date(Date.parse(decidedAt) - 60_000 + caseCount),
  });
  return { caseId, eventSequence: 1, facts: full, decidedAt };
}

export async function findAgentId(db: Db, displayName: string): Promise<string> {
  const [row] = await db.select({ id: agents.id }).from(agents).where(eq(agents.displayName, displayName));
  if (!row) throw new Error(`no agent ${displayName}`);
  return row.id;
}

/** A handler of one queue with the given skills, English only, unless overridden. */
export async function insertQueueAgent(
  db: Db,
  options: { name: string; queueCode: string; skills: Record<string, number>; capacityPoints?: number; isSenior?: boolean; regionCode?: string },
): Promise<string> {
  const [row] = await db
    .insert(agents)
    .values({
      displayName: options.name,
      email: `${randomUUID()}@agents.test`,
      regionCode: options.regionCode ?? 'us_eastern',
      availability: 'online',
      capacityPoints: options.capacityPoints ?? 10,
      isSeniorHandler: options.isSenior ?? false,
    })
    .returning({ id: agents.id });
  const agentId = row!.id;
  const skillRows = Object.entries(options.skills).map(([skillCode, level]) => ({ agentId, skillCode, level }));
  if (skillRows.length > 0) await db.insert(agentSkills).values(skillRows);
  await db.insert(agentLanguages).values({ agentId, languageCode: 'en' });
  await db.insert(agentQueues).values({ agentId, queueCode: options.queueCode });
  return agentId;
}

export async function setAvailabilityDirectly(db: Db, agentIds: string[], availability: 'online' | 'away' | 'offline'): Promise<void> {
  for (const agentId of agentIds) await db.update(agents).set({ availability }).where(eq(agents.id, agentId));
}

/** Every agent whose load differs from the sum of their assignments, or exceeds their capacity. */
export async function listLoadViolations(db: Db): Promise<Array<Record<string, unknown>>> {
  const rows = await db.execute(sql`
    select a.display_name, a.load_points, a.capacity_points, coalesce(sum(ca.load_points), 0)::int as assigned_points
    from agents a left join case_assignments ca on ca.agent_id = a.id
    group by a.id
    having a.load_points > a.capacity_points or a.load_points <> coalesce(sum(ca.load_points), 0)`);
  return [...rows];
}
