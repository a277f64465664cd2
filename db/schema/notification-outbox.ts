import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { cases } from './cases.js';
import { createdAt, timestamptz } from './column-types.js';
import { outboxChannelEnum, outboxStatusEnum } from './enums.js';
import { users } from './users.js';

/**
 * Notifications written in the same step that decided them and delivered later by a dispatcher.
 * `idempotencyKey` (e.g. `<caseId>:<sequence>:<template>`) makes a retried activity enqueue once;
 * `availableAt` defers delivery past the recipient's quiet hours.
 */
export const notificationOutbox = pgTable(
  'notification_outbox',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    idempotencyKey: text('idempotency_key').notNull().unique(),
    channel: outboxChannelEnum('channel').notNull(),
    /** Address for the channel: e-mail, E.164 phone, user id for in-app, postal address for letters. */
    recipient: text('recipient').notNull(),
    recipientUserId: uuid('recipient_user_id').references(() => users.id, { onDelete: 'set null' }),
    caseId: uuid('case_id').references(() => cases.id, { onDelete: 'cascade' }),
    template: text('template').notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull().default({}),
    status: outboxStatusEnum('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    availableAt: timestamptz('available_at').notNull().defaultNow(),
    sentAt: timestamptz('sent_at'),
    createdAt: createdAt(),
  },
  (t) => [
    index('notification_outbox_pending_idx')
      .on(t.availableAt)
      .where(sql`status = 'pending'`),
    index('notification_outbox_case_idx').on(t.caseId),
  ],
);

export type OutboxNotification = typeof notificationOutbox.$inferSelect;
export type NewOutboxNotification = typeof notificationOutbox.$inferInsert;
