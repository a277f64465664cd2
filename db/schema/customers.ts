import { sql } from 'drizzle-orm';
import { bigint, date, index, integer, jsonb, numeric, pgTable, text, time, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, timestamptz, tsvector, updatedAt } from './column-types.js';
import { accountTypeEnum, contactChannelEnum, customerSegmentEnum, interactionChannelEnum } from './enums.js';
import { agents } from './agents.js';
import { cases } from './cases.js';
import { regions } from './reference-data.js';

/** Which channels the customer agreed to be contacted on (lending story rule 5). */
export interface CommunicationPreferences {
  email: boolean;
  sms: boolean;
  phone: boolean;
  postal: boolean;
  marketing: boolean;
}

export const customers = pgTable(
  'customers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Natural key shown to people, e.g. CUS-000042. */
    customerNumber: text('customer_number').notNull().unique(),
    firstName: text('first_name').notNull(),
    lastName: text('last_name').notNull(),
    /** Organisation name for institutional customers. */
    organizationName: text('organization_name'),
    /** Stored lower-case so look-ups can use the plain index. */
    email: text('email'),
    /** E.164, e.g. +12125550123. */
    phone: text('phone'),
    addressLine1: text('address_line1'),
    addressLine2: text('address_line2'),
    city: text('city'),
    state: text('state'),
    postalCode: text('postal_code'),
    country: text('country').notNull().default('US'),
    dateOfBirth: date('date_of_birth', { mode: 'string' }),
    /** Full national id (SSN/EIN); the API masks it to the last 4 for most roles. */
    nationalId: text('national_id'),
    preferredLanguage: text('preferred_language').notNull().default('en'),
    preferredChannel: contactChannelEnum('preferred_channel').notNull().default('email'),
    communicationPreferences: jsonb('communication_preferences').$type<CommunicationPreferences>().notNull(),
    /** Local times in the customer's region; null means the region's default. */
    quietHoursStart: time('quiet_hours_start'),
    quietHoursEnd: time('quiet_hours_end'),
    segment: customerSegmentEnum('segment').notNull().default('standard'),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    /** CSAT aggregate written back from surveys (CRM use case D-1). */
    csatResponseCount: integer('csat_response_count').notNull().default(0),
    csatScoreSum: integer('csat_score_sum').notNull().default(0),
    lastCsatScore: integer('last_csat_score'),
    lastCsatAt: timestamptz('last_csat_at'),
    /** Enforces "no more than one survey per customer per 7 days". */
    lastSurveySentAt: timestamptz('last_survey_sent_at'),
    /** 0-100, lowered by low CSAT scores and risk flags. */
    healthScore: integer('health_score').notNull().default(80),
    customerSince: timestamptz('customer_since').notNull().defaultNow(),
    searchVector: tsvector('search_vector').generatedAlwaysAs(
      sql`to_tsvector('simple', coalesce(first_name, '') || ' ' || coalesce(last_name, '') || ' ' || coalesce(organization_name, '') || ' ' || coalesce(email, '') || ' ' || coalesce(phone, '') || ' ' || customer_number)`,
    ),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('customers_email_idx').on(t.email),
    index('customers_phone_idx').on(t.phone),
    index('customers_last_name_idx').on(sql`lower(${t.lastName})`),
    index('customers_search_vector_idx').using('gin', t.searchVector),
  ],
);

export const riskFlagKinds = ['delinquent', 'fraud_alert', 'bankruptcy', 'deceased', 'legal_hold', 'vulnerable', 'suspected_malicious', 'collections'] as const;

/** Risk flags with their history; an active flag has no `clearedAt`. */
export const customerRiskFlags = pgTable(
  'customer_risk_flags',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    flag: text('flag', { enum: riskFlagKinds }).notNull(),
    note: text('note'),
    raisedBy: text('raised_by').notNull().default('system'),
    raisedAt: timestamptz('raised_at').notNull().defaultNow(),
    clearedAt: timestamptz('cleared_at'),
  },
  (t) => [uniqueIndex('customer_risk_flags_active_unique').on(t.customerId, t.flag).where(sql`cleared_at is null`)],
);

export const customerAccounts = pgTable(
  'customer_accounts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    accountNumber: text('account_number').notNull().unique(),
    accountType: accountTypeEnum('account_type').notNull(),
    /** borrower, guarantor, investor or buyer: how the customer relates to the account. */
    customerRole: text('customer_role').notNull(),
    productName: text('product_name').notNull(),
    status: text('status', { enum: ['active', 'delinquent', 'paid_off', 'closed', 'pending', 'fulfilled', 'cancelled'] }).notNull(),
    balanceCents: bigint('balance_cents', { mode: 'number' }).notNull().default(0),
    currency: text('currency').notNull().default('USD'),
    interestRatePercent: numeric('interest_rate_percent', { precision: 6, scale: 3 }),
    nextPaymentDueOn: date('next_payment_due_on', { mode: 'string' }),
    nextPaymentAmountCents: bigint('next_payment_amount_cents', { mode: 'number' }),
    openedAt: timestamptz('opened_at').notNull(),
    closedAt: timestamptz('closed_at'),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('customer_accounts_customer_idx').on(t.customerId)],
);

export const transactions = pgTable(
  'transactions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Natural key from the ledger, e.g. TXN-000042-03. */
    reference: text('reference').notNull().unique(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => customerAccounts.id, { onDelete: 'cascade' }),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['payment', 'disbursement', 'fee', 'interest', 'refund', 'adjustment', 'purchase', 'distribution', 'reversal'] }).notNull(),
    /** Signed from the customer's point of view: money they paid is negative. */
    amountCents: bigint('amount_cents', { mode: 'number' }).notNull(),
    currency: text('currency').notNull().default('USD'),
    status: text('status', { enum: ['posted', 'pending', 'failed', 'reversed'] }).notNull(),
    description: text('description').notNull(),
    occurredAt: timestamptz('occurred_at').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('transactions_customer_occurred_idx').on(t.customerId, t.occurredAt.desc()), index('transactions_account_occurred_idx').on(t.accountId, t.occurredAt.desc())],
);

/** Calls (with recording references), e-mails, chats, portal messages: the 360° view's communication history. */
export const interactions = pgTable(
  'interactions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    externalReference: text('external_reference').notNull().unique(),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    caseId: uuid('case_id').references(() => cases.id, { onDelete: 'set null' }),
    channel: interactionChannelEnum('channel').notNull(),
    direction: text('direction', { enum: ['inbound', 'outbound'] }).notNull(),
    agentId: uuid('agent_id').references(() => agents.id, { onDelete: 'set null' }),
    summary: text('summary').notNull(),
    recordingReference: text('recording_reference'),
    durationSeconds: integer('duration_seconds'),
    occurredAt: timestamptz('occurred_at').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('interactions_customer_occurred_idx').on(t.customerId, t.occurredAt.desc()), index('interactions_case_idx').on(t.caseId)],
);

export type Customer = typeof customers.$inferSelect;
export type NewCustomer = typeof customers.$inferInsert;
export type CustomerRiskFlag = typeof customerRiskFlags.$inferSelect;
export type NewCustomerRiskFlag = typeof customerRiskFlags.$inferInsert;
export type CustomerAccount = typeof customerAccounts.$inferSelect;
export type NewCustomerAccount = typeof customerAccounts.$inferInsert;
export type Transaction = typeof transactions.$inferSelect;
export type NewTransaction = typeof transactions.$inferInsert;
export type Interaction = typeof interactions.$inferSelect;
export type NewInteraction = typeof interactions.$inferInsert;
