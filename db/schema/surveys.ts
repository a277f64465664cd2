import { boolean, index, pgTable, smallint, text, uuid } from 'drizzle-orm/pg-core';
import { cases } from './cases.js';
import { createdAt, timestamptz } from './column-types.js';
import { customers } from './customers.js';
import { surveyStatusEnum } from './enums.js';

/** The CSAT survey of a case (one per case): 1-5, resolved Y/N, comment (lending story H). */
export const surveys = pgTable(
  'surveys',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .unique()
      .references(() => cases.id, { onDelete: 'cascade' }),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    status: surveyStatusEnum('status').notNull().default('scheduled'),
    /** SHA-256 of the token in the survey link. */
    tokenHash: text('token_hash').unique(),
    scheduledFor: timestamptz('scheduled_for'),
    sentAt: timestamptz('sent_at'),
    windowClosesAt: timestamptz('window_closes_at'),
    score: smallint('score'),
    isResolved: boolean('is_resolved'),
    comment: text('comment'),
    answeredAt: timestamptz('answered_at'),
    createdAt: createdAt(),
  },
  (t) => [index('surveys_customer_sent_idx').on(t.customerId, t.sentAt), index('surveys_answered_idx').on(t.answeredAt)],
);

export type Survey = typeof surveys.$inferSelect;
export type NewSurvey = typeof surveys.$inferInsert;
