import { index, integer, pgEnum, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { timestamptz, updatedAt } from './column-types.js';
import { slaPolicies, slaPolicyVersions } from './sla-policies.js';

export const policyApplyJobStatuses = ['running', 'done', 'failed'] as const;
export type PolicyApplyJobStatus = (typeof policyApplyJobStatuses)[number];
export const policyApplyJobStatusEnum = pgEnum('policy_apply_job_status', policyApplyJobStatuses);

/**
 * One re-apply of an SLA policy version to open cases. The `policy-apply-<id>` workflow pages
 * through the cases by id and records each batch here, so any API instance can report progress and
 * a restart of the API or the worker loses neither the report nor the cases still to signal.
 */
export const policyApplyJobs = pgTable(
  'policy_apply_jobs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    policyId: uuid('policy_id')
      .notNull()
      .references(() => slaPolicies.id),
    version: integer('version').notNull(),
    policyVersionId: uuid('policy_version_id')
      .notNull()
      .references(() => slaPolicyVersions.id),
    /** Who re-applied it, as the case timelines record actors (`user:<id>`). */
    actor: text('actor').notNull(),
    status: policyApplyJobStatusEnum('status').notNull().default('running'),
    /** Open cases the version applied to when the job started. */
    totalCases: integer('total_cases').notNull(),
    signalledCases: integer('signalled_cases').notNull().default(0),
    /** Cases whose workflow could not be signalled (it had ended or was never started). */
    failedCaseIds: uuid('failed_case_ids').array().notNull().default([]),
    batchesRecorded: integer('batches_recorded').notNull().default(0),
    /** The keyset cursor: the last case id of the last recorded batch; a batch records only from here. */
    lastCaseId: uuid('last_case_id'),
    startedAt: timestamptz('started_at').notNull().defaultNow(),
    finishedAt: timestamptz('finished_at'),
    updatedAt: updatedAt(),
  },
  (t) => [index('policy_apply_jobs_policy_started_idx').on(t.policyId, t.startedAt)],
);

export type PolicyApplyJobRow = typeof policyApplyJobs.$inferSelect;
