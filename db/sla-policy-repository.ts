import { and, asc, eq, gt, inArray, isNull, ne, or, sql } from 'drizzle-orm';
import type { Db } from './client.js';
import { adminAuditLog, cases, slaPolicies, slaPolicyVersions, type SlaPolicyTargets, type SlaTimeMode } from './schema.js';
import type { AuditActor } from './admin-repository.js';
import { openCaseStatuses } from '../src/domain/case-vocabulary.js';

export interface SlaPolicyView {
  policyId: string;
  code: string;
  name: string;
  description: string | null;
  currentVersion: number;
  versions: Array<{ policyVersionId: string; version: number; timeMode: string; holidayCalendarCode: string | null; warningThresholds: number[]; targets: SlaPolicyTargets; notes: string | null; effectiveFrom: Date; createdAt: Date }>;
}

/** Every SLA policy with all its versions, oldest first. */
export async function listSlaPolicies(db: Db): Promise<SlaPolicyView[]> {
  const [policies, versions] = await Promise.all([db.select().from(slaPolicies).orderBy(asc(slaPolicies.code)), db.select().from(slaPolicyVersions).orderBy(asc(slaPolicyVersions.version))]);
  return policies.map((policy) => ({
    policyId: policy.id, code: policy.code, name: policy.name, description: policy.description, currentVersion: policy.currentVersion,
    versions: versions
      .filter((version) => version.policyId === policy.id)
      .map((v) => ({ policyVersionId: v.id, version: v.version, timeMode: v.timeMode, holidayCalendarCode: v.holidayCalendarCode, warningThresholds: v.warningThresholds, targets: v.targets, notes: v.notes, effectiveFrom: v.effectiveFrom, createdAt: v.createdAt })),
  }));
}

export interface NewPolicyVersionInput {
  targets: SlaPolicyTargets;
  timeMode: SlaTimeMode;
  holidayCalendarCode?: string;
  warningThresholds: number[];
  notes?: string;
  makeCurrent: boolean;
}

/**
 * Writes the next version of a policy (versions are immutable; numbering under a row lock so two
 * admins never write the same number), optionally makes it current, and audits it.
 */
export async function createSlaPolicyVersion(db: Db, policyId: string, input: NewPolicyVersionInput, actor: AuditActor): Promise<{ policyVersionId: string; version: number } | null> {
  return db.transaction(async (tx) => {
    const [policy] = await tx.select().from(slaPolicies).where(eq(slaPolicies.id, policyId)).for('update');
    if (!policy) return null;
    const [latest] = await tx.select({ version: sql<number>`coalesce(max(${slaPolicyVersions.version}), 0)::int` }).from(slaPolicyVersions).where(eq(slaPolicyVersions.policyId, policyId));
    const version = (latest?.version ?? 0) + 1;
    const { makeCurrent, ...fields } = input;
    const [created] = await tx.insert(slaPolicyVersions).values({ policyId, version, ...fields, createdByUserId: actor.userId }).returning();
    if (makeCurrent) await tx.update(slaPolicies).set({ currentVersion: version, updatedAt: sql`now()` }).where(eq(slaPolicies.id, policyId));
    await tx.insert(adminAuditLog).values({ actorUserId: actor.userId, requestId: actor.requestId, action: 'create_version', entityType: 'sla_policy_versions', entityId: created!.id, before: { currentVersion: policy.currentVersion }, after: { ...created!, makeCurrent } });
    return { policyVersionId: created!.id, version };
  });
}

export async function findSlaPolicyVersion(db: Db, policyId: string, version: number): Promise<{ policyVersionId: string } | null> {
  const [row] = await db.select({ policyVersionId: slaPolicyVersions.id }).from(slaPolicyVersions).where(and(eq(slaPolicyVersions.policyId, policyId), eq(slaPolicyVersions.version, version)));
  return row ?? null;
}

/** Open cases under the policy (or with no policy recorded) that do not run this version yet. */
function selectCasesToReapply(policyId: string, version: number) {
  return and(
    inArray(cases.status, [...openCaseStatuses]),
    or(eq(cases.slaPolicyId, policyId), isNull(cases.slaPolicyId)),
    or(isNull(cases.slaPolicyVersion), ne(cases.slaPolicyVersion, version)),
  );
}

export async function countCasesToReapply(db: Db, policyId: string, version: number): Promise<number> {
  const [row] = await db.select({ count: sql<number>`count(*)::int` }).from(cases).where(selectCasesToReapply(policyId, version));
  return row?.count ?? 0;
}

/**
 * The next page of cases to re-apply a version to, by case id after `afterCaseId` (a keyset: pages
 * stay stable while signalled cases drop out of the filter as their workflows project the change).
 */
export async function listCasesToReapply(db: Db, policyId: string, version: number, page: { afterCaseId: string | null; limit: number }): Promise<Array<{ caseId: string; workflowId: string }>> {
  const filter = selectCasesToReapply(policyId, version);
  return db
    .select({ caseId: cases.id, workflowId: cases.workflowId })
    .from(cases)
    .where(page.afterCaseId === null ? filter : and(filter, gt(cases.id, page.afterCaseId)))
    .orderBy(asc(cases.id))
    .limit(page.limit);
}
