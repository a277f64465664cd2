import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '../../src/auth/password-hash.js';
import { seedDatabase, seedDatabaseIfEmpty } from '../../db/seed/seed-database.js';
import { generateDemoCustomers } from '../../db/seed/demo-customer-generator.js';
import { demoPasswords } from '../../db/seed/demo-users.js';
import { agents, agentSkills, cases, holidays, knowledgeArticles, queues, skills, slaPolicyVersions, users } from '../../db/schema.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

let database: TestDatabase;

const countedTables = [
  'holidays', 'regions', 'queues', 'skills', 'case_types', 'reason_codes', 'resolution_categories', 'sla_policies', 'sla_policy_versions',
  'users', 'agents', 'agent_skills', 'agent_languages', 'agent_queues', 'customers', 'customer_accounts', 'transactions', 'interactions',
  'customer_risk_flags', 'knowledge_articles', 'routing_rules', 'cases',
];

async function countRows(): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of countedTables) {
    const [row] = await database.sql<{ count: number }[]>`select count(*)::int as count from ${database.sql(table)}`;
    counts[table] = row!.count;
  }
  return counts;
}

beforeAll(async () => {
  database = await createTestDatabase();
  expect(await seedDatabaseIfEmpty(database.db)).toBe(true);
});

afterAll(async () => {
  await database.close();
});

describe('demo seed', () => {
  it('changes nothing when it runs a second time', async () => {
    const before = await countRows();
    await seedDatabase(database.db);
    expect(await countRows()).toEqual(before);
    expect(await seedDatabaseIfEmpty(database.db)).toBe(false);
  });

  it('loads about 200 customers with accounts, transactions, interactions and risk flags, and no cases', async () => {
    const counts = await countRows();
    expect(counts.customers).toBe(200);
    expect(counts.customer_accounts).toBeGreaterThan(200);
    expect(counts.transactions).toBeGreaterThan(500);
    expect(counts.interactions).toBeGreaterThanOrEqual(600);
    expect(counts.customer_risk_flags).toBeGreaterThan(5);
    expect(counts.cases).toBe(0);
  });

  it('generates the same customers on every run (fixed faker seed)', () => {
    expect(generateDemoCustomers(5, 12)).toEqual(generateDemoCustomers(5, 12));
  });

  it('has the five queues of the platform PRD', async () => {
    const rows = await database.db.select({ name: queues.name }).from(queues);
    expect(rows.map((row) => row.name)).toEqual(expect.arrayContaining(['Login', 'Orders', 'Deliveries', 'Payments', 'Refunds']));
  });

  it('has twelve agents, Li Lei among them with the skill "API Integration"', async () => {
    expect((await database.db.select().from(agents)).length).toBe(12);
    const rows = await database.db
      .select({ level: agentSkills.level })
      .from(agents)
      .innerJoin(agentSkills, eq(agentSkills.agentId, agents.id))
      .innerJoin(skills, eq(skills.code, agentSkills.skillCode))
      .where(and(eq(agents.displayName, 'Li Lei'), eq(skills.name, 'API Integration')));
    expect(rows).toHaveLength(1);
  });

  it('has the knowledge-base article of the CRM use case', async () => {
    const rows = await database.db.select({ tags: knowledgeArticles.tags }).from(knowledgeArticles).where(eq(knowledgeArticles.title, 'API Call Signature Failure Troubleshooting'));
    expect(rows[0]?.tags).toContain('api-integration');
  });

  it('has US federal holidays 2026-2028 with their observed days', async () => {
    const rows = await database.db.select({ date: holidays.date, officialDate: holidays.officialDate }).from(holidays);
    expect(rows).toHaveLength(33);
    const officialByDay = new Map(rows.map((row) => [row.date, row.officialDate]));
    expect(officialByDay.get('2026-07-03')).toBe('2026-07-04');
    expect(officialByDay.get('2027-06-18')).toBe('2027-06-19');
    expect(officialByDay.get('2027-07-05')).toBe('2027-07-04');
    expect(officialByDay.get('2027-12-24')).toBe('2027-12-25');
    expect(officialByDay.get('2027-12-31')).toBe('2028-01-01');
    expect(officialByDay.get('2028-11-10')).toBe('2028-11-11');
    expect(officialByDay.get('2026-11-26')).toBe('2026-11-26');
    expect(officialByDay.has('2026-07-04')).toBe(false);
  });

  it('has SLA policy version 1 with the lending defaults and 75 %/90 % warnings', async () => {
    const [version] = await database.db.select().from(slaPolicyVersions).where(eq(slaPolicyVersions.version, 1));
    expect(version?.warningThresholds).toEqual([0.75, 0.9]);
    const rules = version!.targets.rules.filter((rule) => rule.segment === null && rule.priority === null);
    const resolutionOf = (caseType: string | null, isUrgent: boolean | null = null) => rules.find((rule) => rule.caseType === caseType && rule.isUrgent === isUrgent)?.resolution;
    expect(resolutionOf('information_request')).toEqual({ unit: 'hours', amount: 24 });
    expect(resolutionOf('payment_issue')).toEqual({ unit: 'hours', amount: 4 });
    expect(resolutionOf('dispute')).toEqual({ unit: 'hours', amount: 48 });
    expect(resolutionOf('complaint')).toEqual({ unit: 'business_days', amount: 15 });
    expect(resolutionOf(null, true)).toEqual({ unit: 'hours', amount: 2 });
    expect(version!.targets.complaint.complianceEscalationBusinessDay).toBe(10);
  });

  it('has a user for every role with a verifiable scrypt hash', async () => {
    const rows = await database.db.select({ role: users.role, passwordHash: users.passwordHash, email: users.email }).from(users);
    expect(new Set(rows.map((row) => row.role))).toEqual(new Set(['admin', 'supervisor', 'compliance', 'senior', 'csr', 'customer']));
    const admin = rows.find((row) => row.email === 'admin@example.com')!;
    expect(admin.passwordHash).toMatch(/^scrypt\$\d+\$\d+\$\d+\$[\w-]+\$[\w-]+$/);
    expect(await verifyPassword(demoPasswords.admin, admin.passwordHash)).toBe(true);
    expect(await verifyPassword('wrong password', admin.passwordHash)).toBe(false);
    const portalUsers = rows.filter((row) => row.role === 'customer');
    expect(portalUsers.length).toBeGreaterThanOrEqual(3);
  });

  it('leaves case numbering to the sequence, starting at 100001', async () => {
    const [row] = await database.db.execute<{ value: string }>(sql`select nextval('case_number_seq')::text as value`);
    expect(row?.value).toBe('100001');
    expect((await database.db.select().from(cases)).length).toBe(0);
  });
});
