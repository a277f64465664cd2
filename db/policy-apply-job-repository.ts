import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from './client.js';
import type { AuditActor } from './admin-repository.js';
import { adminAuditLog, policyApplyJobs, type PolicyApplyJobRow, type PolicyApplyJobStatus } from './schema.js';

export interface PolicyApplyJob {
  jobId: string;
  policyId: string;
  version: number;
  policyVersionId: string;
  actor: string;
  status: PolicyApplyJobStatus;
  totalCases: number;
  signalledCases: number;
  failedCaseIds: string[];
  batchesRecorded: number;
  lastCaseId: string | null;
  startedAt: Date;
  finishedAt: Date | null;
}

const toJob = ({ id, updatedAt: _updatedAt, ...row }: PolicyApplyJobRow): PolicyApplyJob => ({ jobId: id, ...row });

export interface NewPolicyApplyJob {
  policyId: string;
  version: number;
  policyVersionId: string;
  actor: string;
  totalCases: number;
}

/** Records a running re-apply job and its audit entry together: an admin change is never unaudited. */
export async function createPolicyApplyJob(db: Db, input: NewPolicyApplyJob, auditActor: AuditActor): Promise<PolicyApplyJob> {
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(policyApplyJobs).values(input).returning();
    const after = { version: input.version, policyVersionId: input.policyVersionId, jobId: row!.id, totalCases: input.totalCases };
    await tx.insert(adminAuditLog).values({ actorUserId: auditActor.userId, requestId: auditActor.requestId, action: 'apply_version', entityType: 'sla_policies', entityId: input.policyId, after });
    return toJob(row!);
  });
}

export async function findPolicyApplyJob(db: Db, jobId: string): Promise<PolicyApplyJob | null> {
  const [row] = await db.select().from(policyApplyJobs).where(eq(policyApplyJobs.id, jobId));
  return row ? toJob(row) : null;
}

export interface PolicyApplyBatchResult {
  /** The cursor the batch started after (null: the first batch). */
  afterCaseId: string | null;
  lastCaseId: string;
  signalledCount: number;
  failedCaseIds: string[];
}

/**
 * Adds one batch's counts and moves the cursor, only if the cursor still stands where the batch
 * started: a retried batch whose first attempt was recorded changes nothing (no double count).
 * Returns whether this call recorded it.
 */
export async function recordPolicyApplyBatch(db: Db, jobId: string, batch: PolicyApplyBatchResult): Promise<boolean> {
  const failed = sql`array[${sql.join(batch.failedCaseIds.map((id) => sql`${id}`), sql`, `)}]::uuid[]`;
  const updated = await db
    .update(policyApplyJobs)
    .set({
      signalledCases: sql`${policyApplyJobs.signalledCases} + ${batch.signalledCount}`,
      failedCaseIds: sql`${policyApplyJobs.failedCaseIds} || ${failed}`,
      batchesRecorded: sql`${policyApplyJobs.batchesRecorded} + 1`,
      lastCaseId: batch.lastCaseId,
      updatedAt: sql`now()`,
    })
    .where(
      and(
        eq(policyApplyJobs.id, jobId),
        eq(policyApplyJobs.status, 'running'),
        batch.afterCaseId === null ? isNull(policyApplyJobs.lastCaseId) : eq(policyApplyJobs.lastCaseId, batch.afterCaseId),
      ),
    )
    .returning({ id: policyApplyJobs.id });
  return updated.length === 1;
}

/** Ends a running job as done or failed; finishing twice keeps the first outcome and time. */
export async function finishPolicyApplyJob(db: Db, jobId: string, status: Exclude<PolicyApplyJobStatus, 'running'>): Promise<void> {
  await db
    .update(policyApplyJobs)
    .set({ status, finishedAt: sql`now()`, updatedAt: sql`now()` })
    .where(and(eq(policyApplyJobs.id, jobId), eq(policyApplyJobs.status, 'running')));
}
