import { and, asc, count, eq, inArray, isNotNull, lt } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { caseEvents, caseNotes, cases, letters, workflowHistoryArchives } from '../../db/schema.js';

/** Lending story, non-functional requirements: case history is kept 7 years after the case closes. */
export const caseRetentionYears = 7;

/** A case past its retention period with the amount of history it holds. */
export interface RetentionCandidate {
  caseId: string;
  caseNumber: number;
  closedAt: string;
  eventCount: number;
  noteCount: number;
  letterCount: number;
  archiveCount: number;
}

export interface RetentionReport {
  /** Cases closed before this instant are past retention. */
  cutoff: string;
  retentionYears: number;
  isPurgeEnabled: boolean;
  candidates: RetentionCandidate[];
  purgedCaseIds: string[];
}

/** The instant `years` calendar years before `now` (UTC); 29 February falls back to 28/1 March as Date does. */
export function computeRetentionCutoff(now: Date, years: number): Date {
  const cutoff = new Date(now);
  cutoff.setUTCFullYear(cutoff.getUTCFullYear() - years);
  return cutoff;
}

async function countByCase(db: Db, caseIds: string[]) {
  const tally = async (table: typeof caseEvents | typeof caseNotes | typeof letters | typeof workflowHistoryArchives) => {
    const rows = await db.select({ caseId: table.caseId, total: count() }).from(table).where(inArray(table.caseId, caseIds)).groupBy(table.caseId);
    return new Map(rows.map((row) => [row.caseId, row.total]));
  };
  const [events, notes, letterCounts, archives] = await Promise.all([tally(caseEvents), tally(caseNotes), tally(letters), tally(workflowHistoryArchives)]);
  return { events, notes, letters: letterCounts, archives };
}

/**
 * Deletes one case past retention with its events, notes, letters and history archives in one
 * transaction; re-checks `closedAt` under a row lock so a case reopened meanwhile is kept. Other
 * cases that point at it as parent or duplicate keep their rows and lose only the link.
 */
async function purgeCase(db: Db, caseId: string, cutoff: Date): Promise<boolean> {
  return await db.transaction(async (tx) => {
    const [locked] = await tx
      .select({ id: cases.id })
      .from(cases)
      .where(and(eq(cases.id, caseId), isNotNull(cases.closedAt), lt(cases.closedAt, cutoff)))
      .for('update');
    if (!locked) return false;
    await tx.update(cases).set({ parentCaseId: null }).where(eq(cases.parentCaseId, caseId));
    await tx.update(cases).set({ duplicateOfCaseId: null }).where(eq(cases.duplicateOfCaseId, caseId));
    await tx.delete(letters).where(eq(letters.caseId, caseId));
    await tx.delete(workflowHistoryArchives).where(eq(workflowHistoryArchives.caseId, caseId));
    await tx.delete(caseNotes).where(eq(caseNotes.caseId, caseId));
    await tx.delete(caseEvents).where(eq(caseEvents.caseId, caseId));
    // The remaining per-case rows (clocks, outbox, surveys, approvals …) cascade from the case.
    await tx.delete(cases).where(eq(cases.id, caseId));
    return true;
  });
}

/**
 * Reports the cases closed more than `retentionYears` (default 7) before `now`, oldest first, with
 * how much history each holds; when `isPurgeEnabled`, also deletes each of them, one transaction
 * per case so a failure leaves every other case either whole or gone.
 */
export async function runRetentionJob(
  db: Db,
  options: { now: Date; retentionYears?: number; isPurgeEnabled?: boolean; limit?: number },
): Promise<RetentionReport> {
  const retentionYears = options.retentionYears ?? caseRetentionYears;
  const cutoff = computeRetentionCutoff(options.now, retentionYears);
  const expired = await db
    .select({ caseId: cases.id, caseNumber: cases.caseNumber, closedAt: cases.closedAt })
    .from(cases)
    .where(and(isNotNull(cases.closedAt), lt(cases.closedAt, cutoff)))
    .orderBy(asc(cases.closedAt))
    .limit(options.limit ?? 1000);
  const counts = expired.length > 0 ? await countByCase(db, expired.map((row) => row.caseId)) : null;
  const candidates = expired.map((row) => ({
    caseId: row.caseId,
    caseNumber: row.caseNumber,
    closedAt: row.closedAt!.toISOString(),
    eventCount: counts?.events.get(row.caseId) ?? 0,
    noteCount: counts?.notes.get(row.caseId) ?? 0,
    letterCount: counts?.letters.get(row.caseId) ?? 0,
    archiveCount: counts?.archives.get(row.caseId) ?? 0,
  }));
  const purgedCaseIds: string[] = [];
  if (options.isPurgeEnabled) {
    for (const candidate of candidates) {
      if (await purgeCase(db, candidate.caseId, cutoff)) purgedCaseIds.push(candidate.caseId);
    }
  }
  return { cutoff: cutoff.toISOString(), retentionYears, isPurgeEnabled: options.isPurgeEnabled ?? false, candidates, purgedCaseIds };
}
