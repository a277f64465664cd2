import { and, eq } from 'drizzle-orm';
import type { Db } from './client.js';
import { caseTypes, type CasePriority } from './schema.js';

/** The priority a new case of an active type starts with, or null for an unknown or inactive type. */
export async function findCaseTypeDefaultPriority(db: Db, caseTypeCode: string): Promise<CasePriority | null> {
  const [row] = await db.select({ defaultPriority: caseTypes.defaultPriority }).from(caseTypes).where(and(eq(caseTypes.code, caseTypeCode), eq(caseTypes.isActive, true)));
  return row?.defaultPriority ?? null;
}
