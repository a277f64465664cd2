import { and, desc, eq, gte, inArray, isNotNull, lt } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { caseClocks, cases, customers } from '../../db/schema.js';
import { complaintDeadlineKinds, type ComplaintDeadlineKind } from '../domain/complaint-clocks.js';
import type { ComplaintCaseSummary } from './complaint-deadlines.js';

/** A missed complaint or regulator deadline; instants as ISO strings. */
export interface ComplianceBreachLine extends ComplaintCaseSummary {
  clock: ComplaintDeadlineKind;
  dueAt: string | null;
  breachedAt: string;
  /** When the clock stopped (late response, reclassification); null while the case still owes it. */
  stoppedAt: string | null;
}

/**
 * Every recorded compliance breach (day-15 resolution, CFPB 15-day response, CFPB 60-day final
 * response), newest first, optionally within [since, until). Breaches come from the clocks the
 * workflow projects: a breach is recorded there, never inferred silently here.
 */
export async function listComplianceBreaches(db: Db, options: { since?: Date; until?: Date; limit?: number } = {}): Promise<ComplianceBreachLine[]> {
  const rows = await db
    .select({ clock: caseClocks, case: cases, firstName: customers.firstName, lastName: customers.lastName })
    .from(caseClocks)
    .innerJoin(cases, eq(cases.id, caseClocks.caseId))
    .innerJoin(customers, eq(customers.id, cases.customerId))
    .where(
      and(
        inArray(caseClocks.kind, [...complaintDeadlineKinds]),
        isNotNull(caseClocks.breachedAt),
        options.since ? gte(caseClocks.breachedAt, options.since) : undefined,
        options.until ? lt(caseClocks.breachedAt, options.until) : undefined,
      ),
    )
    .orderBy(desc(caseClocks.breachedAt), cases.caseNumber)
    .limit(options.limit ?? 500);
  return rows.map((row) => ({
    caseId: row.case.id,
    caseNumber: row.case.caseNumber,
    subject: row.case.subject,
    status: row.case.status,
    regionCode: row.case.regionCode,
    customerName: `${row.firstName} ${row.lastName}`,
    clock: row.clock.kind as ComplaintDeadlineKind,
    dueAt: row.clock.dueAt?.toISOString() ?? null,
    breachedAt: row.clock.breachedAt!.toISOString(),
    stoppedAt: row.clock.stoppedAt?.toISOString() ?? null,
  }));
}
