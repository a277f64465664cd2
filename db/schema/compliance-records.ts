import { bigint, index, integer, pgTable, text, unique, uuid } from 'drizzle-orm/pg-core';
import { cases } from './cases.js';
import { bytea, createdAt, timestamptz } from './column-types.js';
import { letterKindEnum } from './enums.js';

/** Written letters of a case (complaint acknowledgement, interim and final response), PDF bytes kept with the case. */
export const letters = pgTable(
  'letters',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    /** The case event that produced the letter: a re-run activity renders nothing new. */
    eventSequence: integer('event_sequence').notNull(),
    kind: letterKindEnum('kind').notNull(),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull().default('application/pdf'),
    pdfBytes: bytea('pdf_bytes'),
    storagePath: text('storage_path'),
    sizeBytes: bigint('size_bytes', { mode: 'number' }).notNull(),
    sha256: text('sha256').notNull(),
    /** email (with attachment via the outbox) or postal when the customer has no e-mail. */
    deliveryMethod: text('delivery_method', { enum: ['email', 'postal'] }).notNull(),
    sentAt: timestamptz('sent_at'),
    createdAt: createdAt(),
  },
  (t) => [unique('letters_case_event_kind_unique').on(t.caseId, t.eventSequence, t.kind), index('letters_case_idx').on(t.caseId, t.createdAt)],
);

/**
 * Temporal forgets closed workflows after the namespace retention period; the full history of each
 * run is kept here (gzip-compressed JSON) for the 7-year retention of the lending story.
 */
export const workflowHistoryArchives = pgTable(
  'workflow_history_archives',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    workflowId: text('workflow_id').notNull(),
    runId: text('run_id').notNull(),
    historyGzip: bytea('history_gzip').notNull(),
    eventCount: integer('event_count').notNull(),
    sizeBytes: bigint('size_bytes', { mode: 'number' }).notNull(),
    archivedAt: timestamptz('archived_at').notNull().defaultNow(),
  },
  (t) => [unique('workflow_history_archives_run_unique').on(t.workflowId, t.runId), index('workflow_history_archives_case_idx').on(t.caseId)],
);

export type Letter = typeof letters.$inferSelect;
export type NewLetter = typeof letters.$inferInsert;
export type WorkflowHistoryArchive = typeof workflowHistoryArchives.$inferSelect;
export type NewWorkflowHistoryArchive = typeof workflowHistoryArchives.$inferInsert;
