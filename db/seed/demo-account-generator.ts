import type { Faker } from '@faker-js/faker';
import type { AccountType, CustomerSegment } from '../schema.js';
import type { DemoCustomer } from './demo-customer-generator.js';
import { seedReferenceDate } from './seed-db.js';

type DemoAccount = DemoCustomer['accounts'][number];
type DemoTransaction = DemoCustomer['transactions'][number];

interface AccountHistoryInput {
  index: number;
  segment: CustomerSegment;
  customerSince: Date;
  accountTypes: AccountType[];
}

const dayMs = 86_400_000;
const loanProducts = ['Personal Loan', 'Auto Loan', 'Home Improvement Loan', 'Small Business Loan', 'Student Refinance Loan'];
const investmentProducts = ['Marketplace Note Portfolio', 'Income Fund', 'Secured Lending Notes'];
const orderItems = [
  { description: 'Fancy Shirt (M)', productNo: 'T-12377', priceCents: 7498 },
  { description: 'Running Shoes', productNo: 'S-22810', priceCents: 12900 },
  { description: 'Wireless Headphones', productNo: 'E-40112', priceCents: 19999 },
  { description: 'Travel Backpack', productNo: 'B-10455', priceCents: 8950 },
  { description: 'Coffee Maker', productNo: 'K-77201', priceCents: 6499 },
];

function monthsBefore(date: Date, months: number, day: number): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() - months, day, 15, 0, 0));
}

/** Accounts (loans, guarantees, investments, orders) and their recent transactions for one customer. */
export function generateAccountHistory(faker: Faker, input: AccountHistoryInput): { accounts: DemoAccount[]; transactions: DemoTransaction[] } {
  const accounts: DemoAccount[] = [];
  const transactions: DemoTransaction[] = [];
  const scale = input.segment === 'standard' ? 1 : input.segment === 'vip' ? 4 : 20;
  input.accountTypes.forEach((accountType, accountIndex) => {
    // Customer index and position make the number unique; the tail makes it look like one.
    const accountNumber = `${accountType === 'order' ? '7' : '4'}${String(input.index).padStart(4, '0')}${accountIndex}${faker.string.numeric(4)}`;
    const openedAt = faker.date.between({ from: input.customerSince, to: new Date(seedReferenceDate.getTime() - 30 * dayMs) });
    let sequence = 0;
    const addTransaction = (transaction: Omit<DemoTransaction, 'accountNumber' | 'reference' | 'currency'>) => {
      sequence += 1;
      transactions.push({ ...transaction, accountNumber, reference: `TXN-${accountNumber}-${String(sequence).padStart(3, '0')}`, currency: 'USD' });
    };
    if (accountType === 'loan') {
      const principalCents = faker.number.int({ min: 2_000, max: 45_000 }) * 100 * Math.min(scale, 5);
      const monthlyCents = Math.round(principalCents / faker.helpers.arrayElement([24, 36, 48, 60]) / 100) * 100;
      const status = faker.helpers.weightedArrayElement([
        { value: 'active' as const, weight: 85 },
        { value: 'delinquent' as const, weight: 8 },
        { value: 'paid_off' as const, weight: 7 },
      ]);
      accounts.push({
        accountNumber,
        accountType,
        customerRole: 'borrower',
        productName: faker.helpers.arrayElement(loanProducts),
        status,
        balanceCents: status === 'paid_off' ? 0 : Math.round(principalCents * faker.number.float({ min: 0.2, max: 0.95 })),
        interestRatePercent: faker.number.float({ min: 5, max: 18, fractionDigits: 2 }).toFixed(3),
        nextPaymentDueOn: status === 'paid_off' ? null : '2026-12-01',
        nextPaymentAmountCents: status === 'paid_off' ? null : monthlyCents,
        openedAt,
        closedAt: status === 'paid_off' ? faker.date.recent({ days: 90, refDate: seedReferenceDate }) : null,
        details: { originalPrincipalCents: principalCents, termMonths: Math.round(principalCents / Math.max(monthlyCents, 1)), autopay: faker.datatype.boolean(0.6) },
      });
      addTransaction({ kind: 'disbursement', amountCents: principalCents, status: 'posted', description: 'Loan proceeds disbursed', occurredAt: openedAt });
      for (let month = 6; month >= 1; month--) {
        const occurredAt = monthsBefore(seedReferenceDate, month - 1, 1);
        if (occurredAt <= openedAt || status === 'paid_off') continue;
        const isReturned = status === 'delinquent' ? month <= 2 : faker.number.int({ min: 1, max: 100 }) <= 4;
        addTransaction({ kind: 'payment', amountCents: -monthlyCents, status: isReturned ? 'failed' : 'posted', description: isReturned ? 'Monthly installment returned (NSF)' : 'Monthly installment', occurredAt });
        if (isReturned) addTransaction({ kind: 'fee', amountCents: -2500, status: 'posted', description: 'Returned payment fee', occurredAt: new Date(occurredAt.getTime() + 2 * dayMs) });
      }
    } else if (accountType === 'guarantee') {
      const guaranteedCents = faker.number.int({ min: 5_000, max: 60_000 }) * 100 * Math.min(scale, 5);
      accounts.push({
        accountNumber,
        accountType,
        customerRole: 'guarantor',
        productName: 'Loan Guarantee',
        status: 'active',
        balanceCents: guaranteedCents,
        openedAt,
        details: { guaranteedBorrower: faker.person.fullName(), guaranteedLoanNumber: `4${faker.string.numeric(9)}` },
      });
    } else if (accountType === 'investment') {
      const balanceCents = faker.number.int({ min: 5_000, max: 250_000 }) * 100 * scale;
      accounts.push({ accountNumber, accountType, customerRole: 'investor', productName: faker.helpers.arrayElement(investmentProducts), status: 'active', balanceCents, interestRatePercent: faker.number.float({ min: 4, max: 9, fractionDigits: 2 }).toFixed(3), openedAt, details: {} });
      addTransaction({ kind: 'payment', amountCents: -balanceCents, status: 'posted', description: 'Initial investment', occurredAt: openedAt });
      for (let month = 3; month >= 1; month--) {
        const occurredAt = monthsBefore(seedReferenceDate, month - 1, 15);
        if (occurredAt > openedAt) addTransaction({ kind: 'distribution', amountCents: Math.round(balanceCents * 0.005), status: 'posted', description: 'Monthly distribution', occurredAt });
      }
    } else {
      const items = faker.helpers.arrayElements(orderItems, { min: 1, max: 3 });
      const totalCents = items.reduce((sum, item) => sum + item.priceCents, 0);
      const orderedAt = faker.date.recent({ days: 120, refDate: seedReferenceDate });
      const status = faker.helpers.weightedArrayElement([
        { value: 'fulfilled' as const, weight: 75 },
        { value: 'pending' as const, weight: 15 },
        { value: 'cancelled' as const, weight: 10 },
      ]);
      accounts.push({ accountNumber, accountType, customerRole: 'buyer', productName: 'Online Store Order', status, balanceCents: totalCents, openedAt: orderedAt, details: { items, channel: faker.helpers.arrayElement(['online_store', 'brand_store', 'retailer']) } });
      addTransaction({ kind: 'purchase', amountCents: -totalCents, status: 'posted', description: `Order of ${items.length} item(s)`, occurredAt: orderedAt });
      if (status === 'cancelled') addTransaction({ kind: 'refund', amountCents: totalCents, status: 'posted', description: 'Order cancelled, refunded', occurredAt: new Date(orderedAt.getTime() + 3 * dayMs) });
    }
  });
  return { accounts, transactions };
}
