import { asc, inArray } from 'drizzle-orm';
import { agents, customerAccounts, customerRiskFlags, customers, interactions, transactions } from '../schema.js';
import { generateDemoCustomers } from './demo-customer-generator.js';
import type { SeedDb } from './seed-db.js';

export const demoCustomerCount = 200;
const batchSize = 500;

async function insertInBatches<T>(rows: T[], insert: (batch: T[]) => Promise<unknown>): Promise<void> {
  for (let start = 0; start < rows.length; start += batchSize) await insert(rows.slice(start, start + batchSize));
}

/**
 * About 200 customers with accounts, transactions, interactions and risk flags. Every row has a
 * natural key (customer, account and transaction numbers, interaction references), so a second
 * run inserts nothing.
 */
export async function seedCustomers(db: SeedDb): Promise<void> {
  const agentRows = await db.select({ id: agents.id }).from(agents).orderBy(asc(agents.email));
  const demoCustomers = generateDemoCustomers(demoCustomerCount, Math.max(agentRows.length, 1));
  await insertInBatches(demoCustomers, (batch) => db.insert(customers).values(batch.map((demo) => demo.customer)).onConflictDoNothing());

  const customerRows = await db
    .select({ id: customers.id, customerNumber: customers.customerNumber })
    .from(customers)
    .where(
      inArray(
        customers.customerNumber,
        demoCustomers.map((demo) => demo.customer.customerNumber),
      ),
    );
  const customerIdByNumber = new Map(customerRows.map((row) => [row.customerNumber, row.id]));
  const withIds = demoCustomers.flatMap((demo) => {
    const customerId = customerIdByNumber.get(demo.customer.customerNumber);
    return customerId ? [{ demo, customerId }] : [];
  });

  const accountRows = withIds.flatMap(({ demo, customerId }) => demo.accounts.map((account) => ({ ...account, customerId })));
  await insertInBatches(accountRows, (batch) => db.insert(customerAccounts).values(batch).onConflictDoNothing());
  const storedAccounts = await db
    .select({ id: customerAccounts.id, accountNumber: customerAccounts.accountNumber })
    .from(customerAccounts)
    .where(
      inArray(
        customerAccounts.accountNumber,
        accountRows.map((account) => account.accountNumber),
      ),
    );
  const accountIdByNumber = new Map(storedAccounts.map((row) => [row.accountNumber, row.id]));

  const transactionRows = withIds.flatMap(({ demo, customerId }) =>
    demo.transactions.flatMap(({ accountNumber, ...transaction }) => {
      const accountId = accountIdByNumber.get(accountNumber);
      return accountId ? [{ ...transaction, customerId, accountId }] : [];
    }),
  );
  await insertInBatches(transactionRows, (batch) => db.insert(transactions).values(batch).onConflictDoNothing());

  const interactionRows = withIds.flatMap(({ demo, customerId }) =>
    demo.interactions.map(({ agentIndex, ...interaction }) => ({ ...interaction, customerId, agentId: agentIndex === null ? null : (agentRows[agentIndex]?.id ?? null) })),
  );
  await insertInBatches(interactionRows, (batch) => db.insert(interactions).values(batch).onConflictDoNothing());

  // The partial unique index (one active flag per kind) turns a repeat into a no-op.
  const flagRows = withIds.flatMap(({ demo, customerId }) => demo.riskFlags.map((flag) => ({ ...flag, customerId })));
  await insertInBatches(flagRows, (batch) => db.insert(customerRiskFlags).values(batch).onConflictDoNothing());
}
