import { bigint, index, integer, pgTable, text, unique, uuid } from 'drizzle-orm/pg-core';
import { cases } from './cases.js';
import { createdAt, timestamptz } from './column-types.js';
import { approvalStatusEnum } from './enums.js';
import { users } from './users.js';

/** Decisions with financial impact waiting for a supervisor (payment adjustments, refunds, replacements). */
export const approvals = pgTable(
  'approvals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    eventSequence: integer('event_sequence').notNull(),
    kind: text('kind', { enum: ['payment_adjustment', 'refund', 'replacement', 'reimbursement', 'fee_waiver', 'goodwill'] }).notNull(),
    amountCents: bigint('amount_cents', { mode: 'number' }),
    currency: text('currency').notNull().default('USD'),
    reason: text('reason').notNull(),
    status: approvalStatusEnum('status').notNull().default('pending'),
    requestedByUserId: uuid('requested_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    decidedByUserId: uuid('decided_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    decisionNote: text('decision_note'),
    dueAt: timestamptz('due_at'),
    decidedAt: timestamptz('decided_at'),
    createdAt: createdAt(),
  },
  (t) => [unique('approvals_case_event_unique').on(t.caseId, t.eventSequence), index('approvals_status_due_idx').on(t.status, t.dueAt)],
);

export type Approval = typeof approvals.$inferSelect;
export type NewApproval = typeof approvals.$inferInsert;
