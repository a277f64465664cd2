import { faker } from '@faker-js/faker/locale/en_US';
import type { AccountType, CustomerSegment, NewCustomer, NewCustomerAccount, NewInteraction, NewTransaction } from '../schema.js';
import { seedReferenceDate } from './seed-db.js';
import { generateAccountHistory } from './demo-account-generator.js';
import { generateInteractions } from './demo-interaction-generator.js';

export interface DemoCustomer {
  customer: Omit<NewCustomer, 'id'>;
  accounts: Array<Omit<NewCustomerAccount, 'customerId'>>;
  transactions: Array<Omit<NewTransaction, 'customerId' | 'accountId'> & { accountNumber: string }>;
  interactions: Array<Omit<NewInteraction, 'customerId' | 'agentId'> & { agentIndex: number | null }>;
  riskFlags: Array<{ flag: 'delinquent' | 'fraud_alert' | 'bankruptcy' | 'vulnerable' | 'collections'; note: string; raisedAt: Date }>;
}

const fakerSeed = 20260116;
const dayMs = 86_400_000;

// State → seeded region and a real area code; numbers use the fictional 555-01xx range.
const statesByRegion: Record<string, Array<[string, string]>> = {
  us_eastern: [['NY', '212'], ['NJ', '201'], ['PA', '215'], ['MA', '617'], ['FL', '305'], ['GA', '404'], ['NC', '704'], ['VA', '703'], ['OH', '216'], ['MI', '313']],
  us_central: [['IL', '312'], ['TX', '512'], ['MN', '612'], ['MO', '314'], ['WI', '414'], ['TN', '615']],
  us_mountain: [['CO', '303'], ['UT', '801'], ['NM', '505'], ['ID', '208']],
  us_pacific: [['CA', '415'], ['WA', '206'], ['OR', '503'], ['NV', '702']],
};
const regionWeights = [
  { value: 'us_eastern', weight: 45 },
  { value: 'us_central', weight: 25 },
  { value: 'us_mountain', weight: 10 },
  { value: 'us_pacific', weight: 20 },
];
const segmentWeights: Array<{ value: CustomerSegment; weight: number }> = [
  { value: 'standard', weight: 80 },
  { value: 'vip', weight: 14 },
  { value: 'institutional', weight: 6 },
];

function pickAccountTypes(segment: CustomerSegment): AccountType[] {
  if (segment === 'institutional') return faker.helpers.arrayElements(['investment', 'investment', 'guarantee', 'loan'] as AccountType[], { min: 1, max: 3 });
  const types: AccountType[] = [faker.helpers.weightedArrayElement([
    { value: 'loan' as const, weight: 70 },
    { value: 'investment' as const, weight: 15 },
    { value: 'order' as const, weight: 15 },
  ])];
  const extras = faker.number.int({ min: 0, max: segment === 'vip' ? 3 : 2 });
  for (let i = 0; i < extras; i++) types.push(faker.helpers.arrayElement(['loan', 'guarantee', 'investment', 'order'] as AccountType[]));
  return types;
}

/**
 * The demo customers, generated from a fixed faker seed: the same `count` gives the same people,
 * accounts, payments and interactions on every run and machine.
 */
export function generateDemoCustomers(count: number, agentCount: number): DemoCustomer[] {
  faker.seed(fakerSeed);
  faker.setDefaultRefDate(seedReferenceDate);
  const result: DemoCustomer[] = [];
  for (let index = 1; index <= count; index++) {
    const segment = faker.helpers.weightedArrayElement(segmentWeights);
    const regionCode = faker.helpers.weightedArrayElement(regionWeights);
    const [state, areaCode] = faker.helpers.arrayElement(statesByRegion[regionCode]!);
    const firstName = faker.person.firstName();
    const lastName = faker.person.lastName();
    const customerNumber = `CUS-${String(index).padStart(6, '0')}`;
    const organizationName = segment === 'institutional' ? `${faker.company.name()} ${faker.helpers.arrayElement(['Capital', 'Partners', 'Holdings', 'Pension Fund'])}` : null;
    const preferredLanguage = faker.helpers.weightedArrayElement([
      { value: 'en', weight: 85 },
      { value: 'es', weight: 15 },
    ]);
    const hasEmail = faker.number.int({ min: 1, max: 100 }) > 6;
    const emailLocal = `${firstName}.${lastName}${index}`.toLowerCase().replace(/[^a-z0-9.]/g, '');
    const customerSince = faker.date.between({ from: new Date(seedReferenceDate.getTime() - 8 * 365 * dayMs), to: new Date(seedReferenceDate.getTime() - 60 * dayMs) });
    const csatResponseCount = faker.number.int({ min: 0, max: 4 });
    const csatScores = Array.from({ length: csatResponseCount }, () => faker.helpers.weightedArrayElement([
      { value: 5, weight: 45 },
      { value: 4, weight: 30 },
      { value: 3, weight: 12 },
      { value: 2, weight: 8 },
      { value: 1, weight: 5 },
    ]));
    const prefersPostal = !hasEmail || faker.number.int({ min: 1, max: 100 }) <= 5;
    const customer: DemoCustomer['customer'] = {
      customerNumber,
      firstName,
      lastName,
      organizationName,
      email: hasEmail ? `${emailLocal}@${faker.helpers.arrayElement(['example.com', 'example.net', 'example.org'])}` : null,
      phone: `+1${areaCode}555${String(100 + (index % 100)).padStart(4, '0')}`,
      addressLine1: faker.location.streetAddress(),
      addressLine2: faker.number.int({ min: 1, max: 100 }) <= 20 ? faker.location.secondaryAddress() : null,
      city: faker.location.city(),
      state,
      postalCode: faker.location.zipCode('#####'),
      dateOfBirth: faker.date.birthdate({ mode: 'age', min: 21, max: 82, refDate: seedReferenceDate }).toISOString().slice(0, 10),
      // 9xx area numbers are never issued as SSNs, so these cannot be anyone's real number.
      nationalId: segment === 'institutional' ? faker.string.numeric(2) + '-' + faker.string.numeric(7) : `9${faker.string.numeric(2)}-${faker.string.numeric(2)}-${faker.string.numeric(4)}`,
      preferredLanguage,
      preferredChannel: prefersPostal ? 'postal' : faker.helpers.arrayElement(['email', 'email', 'sms', 'phone', 'portal'] as const),
      communicationPreferences: { email: hasEmail, sms: faker.datatype.boolean(0.6), phone: faker.datatype.boolean(0.85), postal: true, marketing: faker.datatype.boolean(0.3) },
      quietHoursStart: faker.number.int({ min: 1, max: 100 }) <= 10 ? '20:00' : null,
      quietHoursEnd: null,
      segment,
      regionCode,
      csatResponseCount,
      csatScoreSum: csatScores.reduce((sum, score) => sum + score, 0),
      lastCsatScore: csatScores.at(-1) ?? null,
      lastCsatAt: csatResponseCount > 0 ? faker.date.recent({ days: 200, refDate: seedReferenceDate }) : null,
      customerSince,
    };
    if (customer.quietHoursStart) customer.quietHoursEnd = '08:00';
    const history = generateAccountHistory(faker, { index, segment, customerSince, accountTypes: pickAccountTypes(segment) });
    const isDelinquent = history.accounts.some((account) => account.status === 'delinquent');
    const riskFlags: DemoCustomer['riskFlags'] = [];
    if (isDelinquent) riskFlags.push({ flag: 'delinquent', note: 'Two consecutive payments returned', raisedAt: faker.date.recent({ days: 40, refDate: seedReferenceDate }) });
    if (isDelinquent && faker.datatype.boolean(0.5)) riskFlags.push({ flag: 'collections', note: 'Referred to early-stage collections', raisedAt: faker.date.recent({ days: 20, refDate: seedReferenceDate }) });
    if (faker.number.int({ min: 1, max: 100 }) <= 3) riskFlags.push({ flag: 'fraud_alert', note: 'Identity verification failed on a recent call', raisedAt: faker.date.recent({ days: 60, refDate: seedReferenceDate }) });
    if (faker.number.int({ min: 1, max: 100 }) <= 3) riskFlags.push({ flag: 'vulnerable', note: 'Customer disclosed a hardship; handle with care', raisedAt: faker.date.recent({ days: 120, refDate: seedReferenceDate }) });
    if (faker.number.int({ min: 1, max: 100 }) <= 1) riskFlags.push({ flag: 'bankruptcy', note: 'Chapter 7 filing notice received', raisedAt: faker.date.recent({ days: 90, refDate: seedReferenceDate }) });
    customer.healthScore = Math.max(5, 85 - riskFlags.length * 20 + (csatScores.length > 0 ? Math.round((customer.csatScoreSum! / csatScores.length - 3) * 5) : 0));
    const interactions = generateInteractions(faker, { customerNumber, accounts: history.accounts, agentCount });
    result.push({ customer, accounts: history.accounts, transactions: history.transactions, interactions, riskFlags });
  }
  return result;
}
