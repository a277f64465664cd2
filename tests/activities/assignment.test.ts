import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assignCase } from '../../activities/assignment/assign-case.js';
import { dispatchWaitingCases } from '../../activities/assignment/dispatch-waiting-cases.js';
import { reassignCases } from '../../activities/assignment/reassign-cases.js';
import { releaseAssignment } from '../../activities/assignment/release-assignment.js';
import { setAgentAvailability } from '../../activities/assignment/set-agent-availability.js';
import { agents, cases, routingDecisions } from '../../db/schema.js';
import { seedDatabase } from '../../db/seed/seed-database.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { businessHoursIso, findAgentId, insertQueueAgent, insertRoutableCase, listLoadViolations, setAvailabilityDirectly } from './assignment-fixtures.js';

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDatabase(database.db);
});

afterAll(async () => {
  await database.close();
});

async function loadOf(agentId: string): Promise<number> {
  const [row] = await database.db.select({ loadPoints: agents.loadPoints }).from(agents).where(eq(agents.id, agentId));
  return row!.loadPoints;
}

describe('assignCase', () => {
  it('A-1: assigns a high-priority "API Integration Error" to Li Lei and stores the matched rule and reasoning', async () => {
    const input = await insertRoutableCase(database.db, { caseType: 'technical_issue', priority: 'P2', channel: 'portal', tags: ['api-integration'] });
    const liLei = await findAgentId(database.db, 'Li Lei');
    const result = await assignCase(database.db, input);
    expect(result).toMatchObject({ outcome: 'assigned', agentId: liLei, agentName: 'Li Lei', queueCode: 'technical_support', priority: 'P2', loadPoints: 2, matchedRuleCodes: ['api_integration'] });
    expect(result.reasons[0]).toContain('rule api_integration ("API integration errors to integration specialists") matched: tag api-integration');
    expect(result.reasons.at(-1)).toMatch(/^Li Lei chosen from 1 qualified of \d+ candidates/);
    expect(result.candidates.find((candidate) => candidate.displayName === 'Emily Chen')?.reasons).toEqual(['has api_integration at level 2, below 3']);
    const [caseRow] = await database.db.select().from(cases).where(eq(cases.id, input.caseId));
    expect(caseRow).toMatchObject({ assigneeAgentId: liLei, queueCode: 'technical_support', awaitingAssignmentSince: null });
    const [decision] = await database.db.select().from(routingDecisions).where(eq(routingDecisions.caseId, input.caseId));
    expect(decision).toMatchObject({ outcome: 'assigned', agentId: liLei, matchedRuleCodes: ['api_integration'] });
    expect(await loadOf(liLei)).toBe(2);
  });

  it('returns the same assignment when the activity is retried, reserving capacity once', async () => {
    const input = await insertRoutableCase(database.db, { caseType: 'account_access' });
    const first = await assignCase(database.db, input);
    const loadAfterFirst = await loadOf(first.agentId!);
    const retried = await assignCase(database.db, input);
    expect(retried).toEqual(first);
    expect(await loadOf(first.agentId!)).toBe(loadAfterFirst);
  });

  it('routes a transfer within the new queue and moves the reservation', async () => {
    const input = await insertRoutableCase(database.db, { caseType: 'information_request' });
    const first = await assignCase(database.db, input);
    const transferred = await assignCase(database.db, { ...input, eventSequence: 2, queueCode: 'payments', facts: { ...input.facts, caseType: 'payment_issue' } });
    expect(transferred.queueCode).toBe('payments');
    expect(transferred.agentId).not.toBe(first.agentId);
    expect(await listLoadViolations(database.db)).toEqual([]);
  });

  it('sends a formal complaint only to a senior handler', async () => {
    const result = await assignCase(database.db, await insertRoutableCase(database.db, { caseType: 'complaint', complaintClassification: 'formal_complaint' }));
    const [agent] = await database.db.select().from(agents).where(eq(agents.id, result.agentId!));
    expect(agent!.isSeniorHandler).toBe(true);
  });
});

describe('required skills', () => {
  it('leaves an API integration error unassigned rather than give it to a handler below the skill level', async () => {
    const liLei = await findAgentId(database.db, 'Li Lei');
    const loadBefore = await loadOf(liLei);
    await setAgentAvailability(database.db, { agentId: liLei, availability: 'away' });
    // Going away keeps the cases she holds (the A-1 case among them).
    expect(loadBefore).toBeGreaterThan(0);
    expect(await loadOf(liLei)).toBe(loadBefore);
    const result = await assignCase(database.db, await insertRoutableCase(database.db, { caseType: 'technical_issue', tags: ['api-integration'] }));
    expect(result).toMatchObject({ outcome: 'manual_scheduling', agentId: null, queueCode: 'technical_support' });
    expect(result.candidates.find((candidate) => candidate.displayName === 'Emily Chen')?.reasons).toEqual(['has api_integration at level 2, below 3']);
    expect(result.candidates.find((candidate) => candidate.displayName === 'Li Lei')?.reasons).toEqual(['is away']);
    const online = await setAgentAvailability(database.db, { agentId: liLei, availability: 'online', now: businessHoursIso });
    expect(online.dispatched.map((entry) => [entry.caseId, entry.agentName])).toEqual([[result.caseId, 'Li Lei']]);
  });
});

describe('manual scheduling and dispatch', () => {
  it('waits without a qualified handler, then dispatches in priority-then-age order as capacity frees up', async () => {
    const isabella = await findAgentId(database.db, 'Isabella Hernández');
    const hannah = await findAgentId(database.db, 'Hannah Becker');
    const sofia = await findAgentId(database.db, 'Sofia Rossi');
    await setAgentAvailability(database.db, { agentId: isabella, availability: 'offline' });
    await setAgentAvailability(database.db, { agentId: hannah, availability: 'offline' });
    const older = await insertRoutableCase(database.db, { caseType: 'dispute', priority: 'P3' });
    const newer = await insertRoutableCase(database.db, { caseType: 'dispute', priority: 'P2' });
    const olderResult = await assignCase(database.db, older);
    const newerResult = await assignCase(database.db, { ...newer, decidedAt: '2026-11-18T18:05:00.000Z' });
    expect([olderResult.outcome, newerResult.outcome]).toEqual(['manual_scheduling', 'manual_scheduling']);
    expect(olderResult.reasons.at(-1)).toContain('unassigned — manual scheduling');
    const [waitingRow] = await database.db.select().from(cases).where(eq(cases.id, older.caseId));
    expect(waitingRow!.awaitingAssignmentSince?.toISOString()).toBe(businessHoursIso);

    // Sofia comes online with room for one P2 (2 points) only: the P2 goes first although it is newer.
    await database.db.update(agents).set({ loadPoints: 8 }).where(eq(agents.id, sofia));
    const online = await setAgentAvailability(database.db, { agentId: sofia, availability: 'online', now: '2026-11-18T18:10:00.000Z' });
    expect(online.dispatched.map((entry) => [entry.caseId, entry.agentName])).toEqual([[newer.caseId, 'Sofia Rossi']]);
    const [dispatchedDecision] = await database.db.select().from(routingDecisions).where(eq(routingDecisions.caseId, newer.caseId));
    expect(dispatchedDecision).toMatchObject({ outcome: 'assigned', agentId: sofia });
    expect(dispatchedDecision!.reasons.at(-1)).toMatch(/^dispatched at 2026-11-18T18:10:00.000Z after 5 min of manual scheduling/);

    // Resolving the P2 frees Sofia's points; the next dispatch gives her the older P3.
    expect(await releaseAssignment(database.db, { caseId: newer.caseId, reason: 'resolved' })).toMatchObject({ isReleased: true, agentId: sofia, loadPoints: 2 });
    expect(await releaseAssignment(database.db, { caseId: newer.caseId, reason: 'resolved' })).toMatchObject({ isReleased: false });
    const dispatched = await dispatchWaitingCases(database.db, { queueCode: 'disputes', now: '2026-11-18T18:20:00.000Z' });
    expect(dispatched.map((entry) => entry.caseId)).toEqual([older.caseId]);
    await database.db.update(agents).set({ loadPoints: 1 }).where(eq(agents.id, sofia));
    await setAvailabilityDirectly(database.db, [isabella, hannah], 'online');
  });
});

describe('reassignCases', () => {
  it('moves cases to a qualified handler until their capacity is used, refusing the rest and unskilled targets', async () => {
    const from = await insertQueueAgent(database.db, { name: 'Bulk From', queueCode: 'refunds', skills: { refunds: 5 }, capacityPoints: 20 });
    const to = await insertQueueAgent(database.db, { name: 'Bulk To', queueCode: 'orders', skills: { refunds: 2 }, capacityPoints: 5 });
    const unskilled = await insertQueueAgent(database.db, { name: 'No Refunds', queueCode: 'orders', skills: { orders_and_deliveries: 4 } });
    const inputs = [];
    for (const priority of ['P2', 'P2', 'P3', 'P4'] as const) inputs.push(await insertRoutableCase(database.db, { caseType: 'refund_request', priority }));
    for (const input of inputs) {
      const result = await assignCase(database.db, input);
      if (result.agentId !== from) await reassignCases(database.db, { caseIds: [input.caseId], toAgentId: from, reason: 'setup', actor: 'user:supervisor' });
    }
    const caseIds = inputs.map((input) => input.caseId);
    const refusedForSkill = await reassignCases(database.db, { caseIds, toAgentId: unskilled, reason: 'workload_balance', actor: 'user:supervisor' });
    expect(refusedForSkill.reassigned).toEqual([]);
    expect(refusedForSkill.refused[0]!.reasons).toContain('lacks skill refunds');

    const moved = await reassignCases(database.db, { caseIds, toAgentId: to, reason: 'handler_unavailable', actor: 'user:supervisor', now: businessHoursIso });
    // 5 points: both P2 (2 + 2), then the P3 (1); the P4 no longer fits.
    expect(moved.reassigned.map((entry) => entry.caseId).sort()).toEqual(caseIds.slice(0, 3).sort());
    expect(moved.refused).toEqual([{ caseId: caseIds[3], reasons: ['has no spare capacity (5/5 points, needs 1)'] }]);
    expect(await loadOf(to)).toBe(5);
    expect(await loadOf(from)).toBe(1);
    const [decision] = await database.db.select().from(routingDecisions).where(eq(routingDecisions.caseId, caseIds[0]!));
    expect(decision!.reasons.at(-1)).toMatch(/to Bulk To by user:supervisor at .*: handler_unavailable$/);
    expect(await listLoadViolations(database.db)).toEqual([]);
  });
});
