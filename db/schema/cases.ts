import { sql } from 'drizzle-orm';
import { bigint, boolean, index, integer, pgSequence, pgTable, primaryKey, smallint, text, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { agents } from './agents.js';
import { createdAt, timestamptz, tsvector, updatedAt } from './column-types.js';
import { customers } from './customers.js';
import {
  caseChannelEnum,
  caseClockKindEnum,
  caseComplexityEnum,
  casePriorityEnum,
  caseStatusEnum,
  complaintClassificationEnum,
  customerSegmentEnum,
  slaStateEnum,
} from './enums.js';
import { caseTypes, queues, reasonCodes, regions, resolutionCategories } from './reference-data.js';
import { slaPolicies } from './sla-policies.js';
import { users } from './users.js';

/** Case numbers are allocated (nextval) before the workflow `case-<number>` starts. */
export const caseNumberSequence = pgSequence('case_number_seq', { startWith: 100001 });

/**
 * The read model of a case. Only the case workflow's projection activity writes it, guarded by
 * `lastEventSequence` so a replayed activity never moves a case backwards.
 */
export const cases = pgTable(
  'cases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseNumber: bigint('case_number', { mode: 'number' })
      .notNull()
      .unique()
      .default(sql`nextval('case_number_seq')`),
    /** `case-<caseNumber>`. */
    workflowId: text('workflow_id').notNull().unique(),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id),
    channel: caseChannelEnum('channel').notNull(),
    caseTypeCode: text('case_type_code')
      .notNull()
      .references(() => caseTypes.code),
    subject: text('subject').notNull(),
    description: text('description').notNull().default(''),
    priority: casePriorityEnum('priority').notNull(),
    /** Marked urgent by the customer: the 2-hour target of the lending story. */
    isUrgent: boolean('is_urgent').notNull().default(false),
    status: caseStatusEnum('status').notNull().default('new'),
    complaintClassification: complaintClassificationEnum('complaint_classification'),
    segment: customerSegmentEnum('segment').notNull(),
    complexity: caseComplexityEnum('complexity').notNull().default('simple'),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    language: text('language').notNull().default('en'),
    queueCode: text('queue_code').references(() => queues.code),
    assigneeAgentId: uuid('assignee_agent_id').references(() => agents.id),
    /** Set while no qualified agent is free ("unassigned — manual scheduling"); dispatch goes in priority then this order. */
    awaitingAssignmentSince: timestamptz('awaiting_assignment_since'),
    createdByUserId: uuid('created_by_user_id').references(() => users.id),
    parentCaseId: uuid('parent_case_id').references((): AnyPgColumn => cases.id),
    duplicateOfCaseId: uuid('duplicate_of_case_id').references((): AnyPgColumn => cases.id),
    isSuspectedMalicious: boolean('is_suspected_malicious').notNull().default(false),
    tags: text('tags').array().notNull().default([]),
    reasonCode: text('reason_code').references(() => reasonCodes.code),
    escalationGroup: text('escalation_group'),
    escalatedAt: timestamptz('escalated_at'),
    resolutionCategoryCode: text('resolution_category_code').references(() => resolutionCategories.code),
    resolutionNotes: text('resolution_notes'),
    slaPolicyId: uuid('sla_policy_id').references(() => slaPolicies.id),
    slaPolicyVersion: integer('sla_policy_version'),
    slaState: slaStateEnum('sla_state').notNull().default('on_track'),
    responseDueAt: timestamptz('response_due_at'),
    resolutionDueAt: timestamptz('resolution_due_at'),
    /** The earliest pending deadline of any clock (SLA at risk lists sort by it). */
    nextDeadlineAt: timestamptz('next_deadline_at'),
    firstResponseAt: timestamptz('first_response_at'),
    resolvedAt: timestamptz('resolved_at'),
    closedAt: timestamptz('closed_at'),
    isResponseBreached: boolean('is_response_breached').notNull().default(false),
    isResolutionBreached: boolean('is_resolution_breached').notNull().default(false),
    isComplianceBreached: boolean('is_compliance_breached').notNull().default(false),
    /** Reporting facts, in business or calendar ms as the policy counts. */
    firstResponseMs: bigint('first_response_ms', { mode: 'number' }),
    timeToResolveMs: bigint('time_to_resolve_ms', { mode: 'number' }),
    reopenCount: integer('reopen_count').notNull().default(0),
    csatScore: smallint('csat_score'),
    csatIsResolved: boolean('csat_is_resolved'),
    /** The sequence of the last event projected into this row (idempotency guard). */
    lastEventSequence: integer('last_event_sequence').notNull().default(0),
    /**
     * Always empty: the product never writes it. Searches find a case by its customer's data
     * through `customers.search_vector` (db/case-page-query.ts). It stays because `search_vector`
     * is generated from it, and dropping it would rewrite the cases table to regenerate that.
     */
    customerSearchText: text('customer_search_text').notNull().default(''),
    searchVector: tsvector('search_vector').generatedAlwaysAs(
      sql`setweight(to_tsvector('english', coalesce(subject, '')), 'A') || setweight(to_tsvector('english', coalesce(description, '')), 'B') || setweight(to_tsvector('simple', coalesce(customer_search_text, '')), 'C')`,
    ),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('cases_queue_status_idx').on(t.queueCode, t.status, t.priority, t.createdAt),
    index('cases_assignee_status_idx').on(t.assigneeAgentId, t.status, t.updatedAt),
    index('cases_status_priority_created_idx').on(t.status, t.priority, t.createdAt),
    index('cases_customer_created_idx').on(t.customerId, t.createdAt),
    index('cases_updated_idx').on(t.updatedAt),
    index('cases_case_type_status_idx').on(t.caseTypeCode, t.status),
    index('cases_next_deadline_idx')
      .on(t.nextDeadlineAt)
      .where(sql`status not in ('resolved', 'closed')`),
    index('cases_awaiting_assignment_idx')
      .on(t.priority, t.awaitingAssignmentSince)
      .where(sql`awaiting_assignment_since is not null`),
    index('cases_complaints_idx')
      .on(t.complaintClassification, t.status)
      .where(sql`complaint_classification = 'formal_complaint'`),
    index('cases_parent_idx').on(t.parentCaseId),
    index('cases_duplicate_of_idx').on(t.duplicateOfCaseId),
    index('cases_search_vector_idx').using('gin', t.searchVector),
    index('cases_tags_idx').using('gin', t.tags),
    // Newest-first pages stop at the page size: the list's default order, a queue's or a status's
    // cases in that order, with the case number that breaks ties (cursor pagination).
    index('cases_created_case_number_idx').on(t.createdAt, t.caseNumber),
    index('cases_queue_status_created_idx').on(t.queueCode, t.status, t.createdAt, t.caseNumber),
    index('cases_status_created_idx').on(t.status, t.createdAt, t.caseNumber),
    // The supervisor dashboard's counts of open cases (by priority, SLA state, queue, agent) and its
    // unassigned list (priority then age) read this index alone, not the wide rows.
    index('cases_open_facts_idx')
      .on(t.priority, t.createdAt, t.slaState, t.queueCode, t.assigneeAgentId)
      .where(sql`status in ('new', 'assigned', 'in_progress', 'pending_customer', 'escalated')`),
    // SLA compliance charts: cases resolved in a period by queue, met or breached, from the index alone.
    index('cases_resolved_facts_idx')
      .on(t.resolvedAt, t.queueCode, t.isResolutionBreached)
      .where(sql`resolved_at is not null`),
  ],
);

/**
 * Every clock of a case, one row each: the SLA first-response and resolution clocks, and for formal
 * complaints the day-10/day-15 operational clocks and the regulator's 15/60 calendar-day clocks.
 * The workflow owns the timers; this is their projection for lists and the compliance view.
 */
export const caseClocks = pgTable(
  'case_clocks',
  {
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    kind: caseClockKindEnum('kind').notNull(),
    targetMs: bigint('target_ms', { mode: 'number' }),
    startedAt: timestamptz('started_at').notNull(),
    dueAt: timestamptz('due_at'),
    /** Elapsed time net of pauses as of `updatedAt`. */
    elapsedMs: bigint('elapsed_ms', { mode: 'number' }).notNull().default(0),
    pausedAt: timestamptz('paused_at'),
    stoppedAt: timestamptz('stopped_at'),
    breachedAt: timestamptz('breached_at'),
    /** Thresholds already warned about, e.g. [0.75]. */
    warningsSent: text('warnings_sent').array().notNull().default([]),
    lastEventSequence: integer('last_event_sequence').notNull().default(0),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.caseId, t.kind] }),
    index('case_clocks_open_due_idx')
      .on(t.kind, t.dueAt)
      .where(sql`stopped_at is null`),
  ],
);

export type CaseRow = typeof cases.$inferSelect;
export type NewCaseRow = typeof cases.$inferInsert;
export type CaseClock = typeof caseClocks.$inferSelect;
export type NewCaseClock = typeof caseClocks.$inferInsert;
