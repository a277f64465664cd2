import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assignCase } from '../../activities/assignment/assign-case.js';
import type { AssignCaseInput } from '../../activities/assignment/assignment-types.js';
import { seedDatabase } from '../../db/seed/seed-database.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { insertQueueAgent, insertRoutableCase, listLoadViolations } from './assignment-fixtures.js';

let database: TestDatabase;
const caseCount = 200;
let inputs: AssignCaseInput[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDatabase(database.db);
  // Payments already has Marcus (payments 5), Diego (4), Ryan (no payments skill) and Sofia (offline).
  for (let index = 0; index < 8; index++) {
    await insertQueueAgent(database.db, { name: `Payments ${index}`, queueCode: 'payments', skills: { payments: 2 + (index % 3) }, capacityPoints: 6 + index });
  }
  await insertQueueAgent(database.db, { name: 'Payments Trainee', queueCode: 'payments', skills: { payments: 1 }, capacityPoints: 50 });
  await insertQueueAgent(database.db, { name: 'Collections Only', queueCode: 'payments', skills: { collections: 5 }, capacityPoints: 50 });
  inputs = [];
  for (let index = 0; index < caseCount; index++) {
    inputs.push(await insertRoutableCase(database.db, { caseType: 'payment_issue', priority: (['P1', 'P2', 'P3', 'P4'] as const)[index % 4] }));
  }
}, 60_000);

afterAll(async () => {
  await database.close();
});

describe('200 cases arriving at once', () => {
  it('never pushes a handler over capacity, never assigns a case twice, never to a handler without the skill', async () => {
    // Every case twice, all at once: a retried activity racing its first run must not assign again.
    const results = await Promise.all([...inputs, ...inputs.slice(0, 50)].map((input) => assignCase(database.db, input)));
    expect(results).toHaveLength(caseCount + 50);

    expect(await listLoadViolations(database.db)).toEqual([]);
    const duplicates = await database.db.execute(sql`select case_id from routing_decisions group by case_id having count(*) > 1`);
    expect([...duplicates]).toEqual([]);
    for (let index = 0; index < 50; index++) expect(results[caseCount + index]).toEqual(results[index]);

    const unskilled = await database.db.execute(sql`
      select ca.case_id from case_assignments ca
      left join agent_skills s on s.agent_id = ca.agent_id and s.skill_code = 'payments' and s.level >= 2
      where ca.agent_id is not null and s.agent_id is null`);
    expect([...unskilled]).toEqual([]);

    const [totals] = await database.db.execute<{ assigned: number; waiting: number }>(sql`
      select count(*) filter (where agent_id is not null)::int as assigned, count(*) filter (where waiting_since is not null)::int as waiting
      from case_assignments`);
    expect(totals!.assigned + totals!.waiting).toBe(caseCount);
    expect(totals!.assigned).toBeGreaterThan(0);
    expect(totals!.waiting).toBeGreaterThan(0);
    // Nothing frees capacity in this test, so room left now was room at decision time too.
    const waitedNeedlessly = await database.db.execute(sql`
      select ca.case_id from case_assignments ca
      where ca.waiting_since is not null and not ca.is_senior_required and exists (
        select 1 from agents a
        join agent_skills s on s.agent_id = a.id and s.skill_code = 'payments' and s.level >= 2
        join agent_queues q on q.agent_id = a.id and q.queue_code = 'payments'
        where a.availability = 'online' and a.load_points + (case ca.priority when 'P1' then 3 when 'P2' then 2 else 1 end) <= a.capacity_points)`);
    expect([...waitedNeedlessly]).toEqual([]);
    // Critical (P1) payment cases need a senior, and the payments queue has none: all of them wait.
    const [p1Assigned] = await database.db.execute<{ count: number }>(sql`select count(*)::int as count from case_assignments where priority = 'P1' and agent_id is not null`);
    expect(p1Assigned!.count).toBe(0);
  }, 60_000);
});
