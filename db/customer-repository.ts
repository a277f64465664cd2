import { and, desc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import { openCaseStatuses } from '../src/domain/case-vocabulary.js';
import type { Db } from './client.js';
import { cases, customerAccounts, customerRiskFlags, customers, interactions, surveys, transactions, type CommunicationPreferences } from './schema.js';

export interface CustomerMatch {
  customerId: string;
  customerNumber: string;
  name: string;
  email: string | null;
  phone: string | null;
  segment: string;
}

const nameColumn = sql<string>`coalesce(${customers.organizationName}, ${customers.firstName} || ' ' || ${customers.lastName})`;

/** Customers matching a name, phone, e-mail, customer number or account number. */
export async function searchCustomers(db: Db, q: string, limit: number): Promise<CustomerMatch[]> {
  const digits = q.replace(/[^\d+]/g, '');
  return db
    .select({ customerId: customers.id, customerNumber: customers.customerNumber, name: nameColumn, email: customers.email, phone: customers.phone, segment: customers.segment })
    .from(customers)
    .where(
      or(
        sql`${customers.searchVector} @@ websearch_to_tsquery('simple', ${q})`,
        eq(customers.email, q.toLowerCase()),
        eq(customers.customerNumber, q.toUpperCase()),
        digits.length >= 7 ? sql`${customers.phone} like ${`%${digits.replace(/^\+/, '')}`}` : undefined,
        inArray(customers.id, db.select({ id: customerAccounts.customerId }).from(customerAccounts).where(eq(customerAccounts.accountNumber, q))),
      ),
    )
    .orderBy(customers.lastName, customers.firstName)
    .limit(limit);
}

export interface Customer360 {
  profile: {
    customerId: string;
    customerNumber: string;
    name: string;
    firstName: string;
    lastName: string;
    organizationName: string | null;
    email: string | null;
    phone: string | null;
    nationalId: string | null;
    address: { line1: string | null; line2: string | null; city: string | null; state: string | null; postalCode: string | null; country: string };
    dateOfBirth: string | null;
    segment: string;
    regionCode: string;
    preferredLanguage: string;
    healthScore: number;
    customerSince: Date;
  };
  preferences: { preferredChannel: string; communication: CommunicationPreferences; quietHoursStart: string | null; quietHoursEnd: string | null };
  accounts: Array<{ accountId: string; accountNumber: string; accountType: string; productName: string; status: string; balanceCents: number; currency: string; nextPaymentDueOn: string | null; nextPaymentAmountCents: number | null; customerRole: string }>;
  recentTransactions: Array<{ reference: string; accountId: string; kind: string; amountCents: number; currency: string; status: string; description: string; occurredAt: Date }>;
  openCases: Array<{ caseId: string; caseNumber: number; subject: string; status: string; priority: string; caseType: string; slaState: string; createdAt: Date }>;
  recentInteractions: Array<{ channel: string; direction: string; summary: string; caseId: string | null; recordingReference: string | null; occurredAt: Date }>;
  riskFlags: Array<{ flag: string; note: string | null; raisedAt: Date }>;
  csat: { responseCount: number; averageScore: number | null; lastScore: number | null; history: Array<{ caseId: string; score: number | null; isResolved: boolean | null; comment: string | null; answeredAt: Date | null }> };
}

/** Everything the 360° view shows, in one call (parallel queries), or null for an unknown customer. */
export async function findCustomer360(db: Db, customerId: string): Promise<Customer360 | null> {
  const [customer] = await db.select().from(customers).where(eq(customers.id, customerId));
  if (!customer) return null;
  const [accounts, recentTransactions, openCases, recentInteractions, riskFlags, csatHistory] = await Promise.all([
    db.select().from(customerAccounts).where(eq(customerAccounts.customerId, customerId)).orderBy(customerAccounts.openedAt),
    db.select().from(transactions).where(eq(transactions.customerId, customerId)).orderBy(desc(transactions.occurredAt)).limit(20),
    db.select().from(cases).where(and(eq(cases.customerId, customerId), inArray(cases.status, [...openCaseStatuses]))).orderBy(desc(cases.createdAt)).limit(50),
    db.select().from(interactions).where(eq(interactions.customerId, customerId)).orderBy(desc(interactions.occurredAt)).limit(10),
    db.select().from(customerRiskFlags).where(and(eq(customerRiskFlags.customerId, customerId), isNull(customerRiskFlags.clearedAt))),
    db.select().from(surveys).where(and(eq(surveys.customerId, customerId), eq(surveys.status, 'answered'))).orderBy(desc(surveys.answeredAt)).limit(20),
  ]);
  return {
    profile: {
      customerId: customer.id, customerNumber: customer.customerNumber, name: customer.organizationName ?? `${customer.firstName} ${customer.lastName}`,
      firstName: customer.firstName, lastName: customer.lastName, organizationName: customer.organizationName, email: customer.email, phone: customer.phone,
      nationalId: customer.nationalId, dateOfBirth: customer.dateOfBirth, segment: customer.segment, regionCode: customer.regionCode,
      address: { line1: customer.addressLine1, line2: customer.addressLine2, city: customer.city, state: customer.state, postalCode: customer.postalCode, country: customer.country },
      preferredLanguage: customer.preferredLanguage, healthScore: customer.healthScore, customerSince: customer.customerSince,
    },
    preferences: { preferredChannel: customer.preferredChannel, communication: customer.communicationPreferences, quietHoursStart: customer.quietHoursStart, quietHoursEnd: customer.quietHoursEnd },
    accounts: accounts.map((a) => ({ accountId: a.id, accountNumber: a.accountNumber, accountType: a.accountType, productName: a.productName, status: a.status, balanceCents: a.balanceCents, currency: a.currency, nextPaymentDueOn: a.nextPaymentDueOn, nextPaymentAmountCents: a.nextPaymentAmountCents, customerRole: a.customerRole })),
    recentTransactions: recentTransactions.map((t) => ({ reference: t.reference, accountId: t.accountId, kind: t.kind, amountCents: t.amountCents, currency: t.currency, status: t.status, description: t.description, occurredAt: t.occurredAt })),
    openCases: openCases.map((k) => ({ caseId: k.id, caseNumber: k.caseNumber, subject: k.subject, status: k.status, priority: k.priority, caseType: k.caseTypeCode, slaState: k.slaState, createdAt: k.createdAt })),
    recentInteractions: recentInteractions.map((i) => ({ channel: i.channel, direction: i.direction, summary: i.summary, caseId: i.caseId, recordingReference: i.recordingReference, occurredAt: i.occurredAt })),
    riskFlags: riskFlags.map((f) => ({ flag: f.flag, note: f.note, raisedAt: f.raisedAt })),
    csat: {
      responseCount: customer.csatResponseCount,
      averageScore: customer.csatResponseCount > 0 ? Math.round((customer.csatScoreSum / customer.csatResponseCount) * 100) / 100 : null,
      lastScore: customer.lastCsatScore,
      history: csatHistory.map((s) => ({ caseId: s.caseId, score: s.score, isResolved: s.isResolved, comment: s.comment, answeredAt: s.answeredAt })),
    },
  };
}

/** Prepopulation for a new case: the customer's segment, region and language. */
export async function findCustomerCaseDefaults(db: Db, customerId: string): Promise<{ segment: 'standard' | 'vip' | 'institutional'; regionCode: string; language: string } | null> {
  const [row] = await db.select({ segment: customers.segment, regionCode: customers.regionCode, language: customers.preferredLanguage }).from(customers).where(eq(customers.id, customerId));
  return row ?? null;
}
