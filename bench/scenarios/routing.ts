import { randomUUID } from 'node:crypto';
import { asc, sql } from 'drizzle-orm';
import { assignCase } from '../../activities/assignment/assign-case.js';
import type { AssignCaseInput, AssignCaseResult } from '../../activities/assignment/assignment-types.js';
import { createDb, type Db } from '../../db/client.js';
import { migrateDatabase } from '../../db/migrate.js';
import { agentLanguages, agentQueues, agents, agentSkills, cases, customers } from '../../db/schema.js';
import { seedDatabase } from '../../db/seed/seed-database.js';
import type { CasePriority } from '../../src/domain/case-vocabulary.js';
import type { BenchContext, Row, Scenario } from '../bench-types.js';

// Issue 6: assignments per second with 200 agents and 10,000 open cases, and p95 of one
// assignment (goal: p95 < 20 ms, ≥ 200 assignments/s). Baseline: a bare `UPDATE agents` round
// trip through the same driver, measured in the same run, sequential and at the same concurrency.
const SCENARIO = 'routing';
const AGENT_COUNT = 200;
const CASE_COUNT = Number(process.env.BENCH_ROUTING_CASES ?? 10_000);
const SEQUENTIAL_COUNT = 500;
const CONCURRENCY = 16;
/** Wednesday 2026-11-18 13:00 in New York: the bench agents are at work. */
const DECIDED_AT = '2026-11-18T18:00:00.000Z';

// The case types the demo rules route, with the queue and the skill their handlers need.
const routes = [
  { caseType: 'information_request', queueCode: 'general_inquiries', skill: 'loan_servicing' },
  { caseType: 'payment_issue', queueCode: 'payments', skill: 'payments' },
  { caseType: 'dispute', queueCode: 'disputes', skill: 'disputes' },
  { caseType: 'account_access', queueCode: 'login', skill: 'account_access' },
  { caseType: 'order_issue', queueCode: 'orders', skill: 'orders_and_deliveries' },
  { caseType: 'delivery_issue', queueCode: 'deliveries', skill: 'orders_and_deliveries' },
  { caseType: 'refund_request', queueCode: 'refunds', skill: 'refunds' },
  { caseType: 'technical_issue', queueCode: 'technical_support', skill: 'api_integration' },
] as const;
const priorities: CasePriority[] = ['P2', 'P3', 'P3', 'P4', 'P2', 'P3', 'P4', 'P3', 'P3', 'P1'];

function percentile(sortedValues: number[], fraction: number): number {
  return sortedValues[Math.min(sortedValues.length - 1, Math.floor(fraction * sortedValues.length))] ?? Number.NaN;
}

async function insertBenchAgents(db: Db): Promise<string[]> {
  const rows = await db
    .insert(agents)
    .values(
      Array.from({ length: AGENT_COUNT }, (_, index) => ({
        displayName: `Bench Agent ${index + 1}`,
        email: `bench-${index + 1}-${randomUUID().slice(0, 8)}@agents.test`,
        regionCode: 'us_eastern',
        isSeniorHandler: index % 5 === 0,
        capacityPoints: 100,
        availability: 'online' as const,
      })),
    )
    .returning({ id: agents.id });
  const agentIds = rows.map((row) => row.id);
  const routeOf = (index: number) => routes[index % routes.length]!;
  await db.insert(agentQueues).values(agentIds.map((agentId, index) => ({ agentId, queueCode: routeOf(index).queueCode })));
  await db.insert(agentSkills).values(agentIds.map((agentId, index) => ({ agentId, skillCode: routeOf(index).skill, level: 3 + (index % 3) })));
  await db.insert(agentLanguages).values(agentIds.map((agentId) => ({ agentId, languageCode: 'en' })));
  return agentIds;
}

async function insertBenchCases(db: Db): Promise<AssignCaseInput[]> {
  const customerIds = (await db.select({ id: customers.id }).from(customers).orderBy(asc(customers.customerNumber)).limit(100)).map((row) => row.id);
  const inputs: AssignCaseInput[] = [];
  for (let offset = 0; offset < CASE_COUNT; offset += 1000) {
    const batch = Array.from({ length: Math.min(1000, CASE_COUNT - offset) }, (_, index) => {
      const number = offset + index;
      const route = routes[number % routes.length]!;
      return { id: randomUUID(), number, route, priority: priorities[number % priorities.length]!, tags: route.caseType === 'technical_issue' ? ['api-integration'] : [] };
    });
    await db.insert(cases).values(
      batch.map((entry) => ({
        id: entry.id,
        workflowId: `case-bench-${entry.id}`,
        customerId: customerIds[entry.number % customerIds.length]!,
        channel: 'phone' as const,
        caseTypeCode: entry.route.caseType,
        subject: `Bench case ${entry.number}`,
        priority: entry.priority,
        segment: 'standard' as const,
        regionCode: 'us_eastern',
        tags: entry.tags,
      })),
    );
    for (const entry of batch) {
      inputs.push({
        caseId: entry.id,
        eventSequence: 1,
        decidedAt: DECIDED_AT,
        facts: { caseType: entry.route.caseType, channel: 'phone', segment: 'standard', complexity: 'simple', priority: entry.priority, language: 'en', regionCode: 'us_eastern', tags: entry.tags, isUrgent: false },
      });
    }
  }
  await db.execute(sql`analyze`);
  return inputs;
}

/** Runs `work` over every item with `concurrency` workers; returns each call's latency and the wall time. */
async function runTimed<T>(items: readonly T[], concurrency: number, work: (item: T) => Promise<unknown>): Promise<{ latenciesMs: number[]; wallMs: number }> {
  const latenciesMs: number[] = [];
  let next = 0;
  const startedAt = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) {
        const item = items[next++]!;
        const callStartedAt = performance.now();
        await work(item);
        latenciesMs.push(performance.now() - callStartedAt);
      }
    }),
  );
  return { latenciesMs: latenciesMs.sort((a, b) => a - b), wallMs: performance.now() - startedAt };
}

async function run(ctx: BenchContext): Promise<Row[]> {
  const url = await ctx.createDatabase('bench_routing');
  await migrateDatabase(url);
  const handle = createDb(url, { maxConnections: CONCURRENCY + 4, applicationName: 'bench-routing' });
  try {
    const { db } = handle;
    ctx.log(`seeding the demo data, ${AGENT_COUNT} agents and ${CASE_COUNT} open cases`);
    await seedDatabase(db);
    const agentIds = await insertBenchAgents(db);
    const inputs = await insertBenchCases(db);
    const sequentialInputs = inputs.slice(0, SEQUENTIAL_COUNT);
    const concurrentInputs = inputs.slice(SEQUENTIAL_COUNT);
    const bareUpdate = (agentId: string) => db.execute(sql`update agents set load_points = load_points where id = ${agentId}`);

    ctx.log(`${SEQUENTIAL_COUNT} assignments one at a time, then ${concurrentInputs.length} with ${CONCURRENCY} in flight`);
    const outcomes: AssignCaseResult['outcome'][] = [];
    const assign = async (input: AssignCaseInput) => outcomes.push((await assignCase(db, input)).outcome);
    const baselineOne = await runTimed(sequentialInputs.map((_, index) => agentIds[index % agentIds.length]!), 1, bareUpdate);
    const one = await runTimed(sequentialInputs, 1, assign);
    const baselineMany = await runTimed(concurrentInputs.map((_, index) => agentIds[index % agentIds.length]!), CONCURRENCY, bareUpdate);
    const many = await runTimed(concurrentInputs, CONCURRENCY, assign);

    const [overCapacity] = await db.execute<{ count: number }>(sql`select count(*)::int as count from agents where load_points > capacity_points`);
    const assignedCount = outcomes.filter((outcome) => outcome === 'assigned').length;
    const perSecond = (count: number, wallMs: number) => count / (wallMs / 1000);
    const bare = 'bare UPDATE agents';
    return [
      { scenario: SCENARIO, metric: 'one assignment, sequential: p50', value: percentile(one.latenciesMs, 0.5), unit: 'ms', baseline: { label: bare, value: percentile(baselineOne.latenciesMs, 0.5) } },
      { scenario: SCENARIO, metric: 'one assignment, sequential: p95', value: percentile(one.latenciesMs, 0.95), unit: 'ms', baseline: { label: bare, value: percentile(baselineOne.latenciesMs, 0.95) } },
      { scenario: SCENARIO, metric: `assignments/s, ${CONCURRENCY} in flight`, value: perSecond(concurrentInputs.length, many.wallMs), unit: 'ops/s', baseline: { label: bare, value: perSecond(concurrentInputs.length, baselineMany.wallMs) } },
      { scenario: SCENARIO, metric: `assignment under load (${CONCURRENCY} in flight): p95`, value: percentile(many.latenciesMs, 0.95), unit: 'ms', baseline: { label: bare, value: percentile(baselineMany.latenciesMs, 0.95) } },
      { scenario: SCENARIO, metric: `cases assigned (rest: manual scheduling) of ${CASE_COUNT}`, value: assignedCount, unit: 'cases' },
      { scenario: SCENARIO, metric: 'agents over capacity afterwards', value: overCapacity?.count ?? 0, unit: 'agents' },
    ];
  } finally {
    await handle.close();
  }
}

const routing: Scenario = { name: SCENARIO, run };
export default routing;
