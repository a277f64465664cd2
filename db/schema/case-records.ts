import { sql } from 'drizzle-orm';
import { bigint, boolean, index, integer, jsonb, pgTable, text, unique, uuid } from 'drizzle-orm/pg-core';
import { agents, type RequiredSkill } from './agents.js';
import { cases } from './cases.js';
import { bytea, createdAt, timestamptz, tsvector } from './column-types.js';
import { casePriorityEnum, noteKindEnum, noteVisibilityEnum, routingOutcomeEnum } from './enums.js';
import { queues } from './reference-data.js';
import { users } from './users.js';

/**
 * The append-only audit trail of a case, kept 7 years. `sequence` is the workflow's event number:
 * UNIQUE(case, sequence) makes a retried activity's append a no-op (ON CONFLICT DO NOTHING).
 */
export const caseEvents = pgTable(
  'case_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    sequence: integer('sequence').notNull(),
    /** e.g. case_created, note_added, sla_warning, sla_breached, escalated, signal_rejected. */
    type: text('type').notNull(),
    /** 'user:<id>', 'customer:<id>', 'system', 'timer' … who or what caused the event. */
    actor: text('actor').notNull(),
    actorUserId: uuid('actor_user_id').references(() => users.id, { onDelete: 'set null' }),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull().default({}),
    occurredAt: timestamptz('occurred_at').notNull(),
    recordedAt: timestamptz('recorded_at').notNull().defaultNow(),
  },
  (t) => [unique('case_events_case_sequence_unique').on(t.caseId, t.sequence), index('case_events_type_occurred_idx').on(t.type, t.occurredAt)],
);

export const caseNotes = pgTable(
  'case_notes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    /** The case event that added the note: one note per event, however often the activity runs. */
    eventSequence: integer('event_sequence').notNull(),
    visibility: noteVisibilityEnum('visibility').notNull(),
    kind: noteKindEnum('kind').notNull().default('note'),
    authorUserId: uuid('author_user_id').references(() => users.id, { onDelete: 'set null' }),
    authorName: text('author_name').notNull(),
    body: text('body').notNull(),
    searchVector: tsvector('search_vector').generatedAlwaysAs(sql`to_tsvector('english', coalesce(body, ''))`),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
  },
  (t) => [
    unique('case_notes_case_event_unique').on(t.caseId, t.eventSequence),
    index('case_notes_case_created_idx').on(t.caseId, t.createdAt),
    index('case_notes_search_vector_idx').using('gin', t.searchVector),
  ],
);

/** Attachment metadata; small files may keep their bytes here, larger ones a storage path. */
export const attachments = pgTable(
  'attachments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    noteId: uuid('note_id').references(() => caseNotes.id, { onDelete: 'set null' }),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    sizeBytes: bigint('size_bytes', { mode: 'number' }).notNull(),
    sha256: text('sha256').notNull(),
    content: bytea('content'),
    storagePath: text('storage_path'),
    uploadedByUserId: uuid('uploaded_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [index('attachments_case_idx').on(t.caseId)],
);

/** One routing/assignment decision with its reasons (matched rules, candidates, why this one). */
export const routingDecisions = pgTable(
  'routing_decisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    eventSequence: integer('event_sequence').notNull(),
    outcome: routingOutcomeEnum('outcome').notNull(),
    queueCode: text('queue_code').references(() => queues.code),
    agentId: uuid('agent_id').references(() => agents.id, { onDelete: 'set null' }),
    matchedRuleCodes: text('matched_rule_codes').array().notNull().default([]),
    candidates: jsonb('candidates').$type<Array<Record<string, unknown>>>().notNull().default([]),
    reasons: jsonb('reasons').$type<string[]>().notNull().default([]),
    decidedAt: timestamptz('decided_at').notNull(),
    /** The request the handler was chosen for: priority after rule adjustments, skills, seniority, load points. */
    priority: casePriorityEnum('priority'),
    requiredSkills: jsonb('required_skills').$type<RequiredSkill[]>().notNull().default([]),
    isSeniorRequired: boolean('is_senior_required').notNull().default(false),
    loadPoints: integer('load_points').notNull().default(0),
  },
  (t) => [unique('routing_decisions_case_event_unique').on(t.caseId, t.eventSequence)],
);

/** Follow-ups a supervisor works through: low-CSAT reviews, suspected malicious duplicates. */
export const caseReviews = pgTable(
  'case_reviews',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    eventSequence: integer('event_sequence').notNull(),
    kind: text('kind', { enum: ['low_csat', 'suspected_malicious', 'quality'] }).notNull(),
    status: text('status', { enum: ['open', 'done'] })
      .notNull()
      .default('open'),
    reason: text('reason').notNull(),
    assignedToUserId: uuid('assigned_to_user_id').references(() => users.id, { onDelete: 'set null' }),
    outcome: text('outcome'),
    createdAt: createdAt(),
    completedAt: timestamptz('completed_at'),
  },
  (t) => [unique('case_reviews_case_event_unique').on(t.caseId, t.eventSequence), index('case_reviews_open_idx').on(t.status, t.createdAt)],
);

export type CaseEvent = typeof caseEvents.$inferSelect;
export type NewCaseEvent = typeof caseEvents.$inferInsert;
export type CaseNote = typeof caseNotes.$inferSelect;
export type NewCaseNote = typeof caseNotes.$inferInsert;
export type Attachment = typeof attachments.$inferSelect;
export type NewAttachment = typeof attachments.$inferInsert;
export type RoutingDecision = typeof routingDecisions.$inferSelect;
export type NewRoutingDecision = typeof routingDecisions.$inferInsert;
export type CaseReview = typeof caseReviews.$inferSelect;
export type NewCaseReview = typeof caseReviews.$inferInsert;
