import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { agents, cases, customers, regions } from '../../db/schema.js';
import type { Principal } from '../auth/principal.js';

/** Where no region applies (staff without an agent record), times are shown in UTC, labelled so. */
export const fallbackTimeZone = 'UTC';

/**
 * The time zone a person reads times in: a handler's agent region, a portal customer's own region,
 * else UTC. Read per page so a region change by an admin shows at once.
 */
export async function findViewerTimeZone(db: Db, principal: Principal): Promise<string> {
  const [row] = principal.customerId
    ? await db.select({ timeZone: regions.timeZone }).from(customers).innerJoin(regions, eq(regions.code, customers.regionCode)).where(eq(customers.id, principal.customerId)).limit(1)
    : await db.select({ timeZone: regions.timeZone }).from(agents).innerJoin(regions, eq(regions.code, agents.regionCode)).where(eq(agents.userId, principal.userId)).limit(1);
  return row?.timeZone ?? fallbackTimeZone;
}

/** The time zone of a case's region: its SLA clocks count business hours there. */
export async function findCaseTimeZone(db: Db, caseId: string): Promise<string> {
  const [row] = await db.select({ timeZone: regions.timeZone }).from(cases).innerJoin(regions, eq(regions.code, cases.regionCode)).where(eq(cases.id, caseId)).limit(1);
  return row?.timeZone ?? fallbackTimeZone;
}

/** Region code → time zone, for pages that list cases or customers of several regions. */
export async function listRegionTimeZones(db: Db): Promise<Map<string, string>> {
  const rows = await db.select({ code: regions.code, timeZone: regions.timeZone }).from(regions);
  return new Map(rows.map((row) => [row.code, row.timeZone]));
}

/** The time zone of one region (a customer's, on the 360° view). */
export async function findRegionTimeZone(db: Db, regionCode: string): Promise<string> {
  const [row] = await db.select({ timeZone: regions.timeZone }).from(regions).where(eq(regions.code, regionCode)).limit(1);
  return row?.timeZone ?? fallbackTimeZone;
}
