import { eq, ne } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agents, routingDecisions } from '../../db/schema.js';
import { seedDatabase } from '../../db/seed/seed-database.js';
import { assignSignal, resolveSignal } from '../../workflows/case-messages.js';
import { aroundTheClockRegion, buildCaseInput } from '../fixtures/case-fixtures.js';
import { startCaseHarness, type CaseHarness } from '../fixtures/case-harness.js';

let harness: CaseHarness;
let liLei: string;
let emilyChen: string;

beforeAll(async () => {
  harness = await startCaseHarness();
  const { db } = harness.database;
  await seedDatabase(db);
  // The demo handlers work 9-17 in US regions; the test server's clock is today's wall clock, so
  // they move to the 24x7 region. Only the demo's Li Lei stays online, with room for one
  // high-priority case (the harness's own handlers serve no queue).
  await db.update(agents).set({ regionCode: aroundTheClockRegion });
  const [li] = await db.select({ id: agents.id }).from(agents).where(eq(agents.email, 'li.lei@example.com'));
  const [emily] = await db.select({ id: agents.id }).from(agents).where(eq(agents.email, 'emily.chen@example.com'));
  liLei = li!.id;
  emilyChen = emily!.id;
  await db.update(agents).set({ availability: 'offline' }).where(ne(agents.id, liLei));
  await db.update(agents).set({ capacityPoints: 2, loadPoints: 0, availability: 'online' }).where(eq(agents.id, liLei));
});

afterAll(async () => {
  await harness?.stop();
});

const apiIntegrationError = () =>
  buildCaseInput(harness.customerId, { caseType: 'information_request', priority: 'P2', tags: ['api-integration'], subject: 'API Integration Error: signature rejected' });

describe('routing and assignment in the case workflow', () => {
  let firstCaseId: string;
  let first: Awaited<ReturnType<CaseHarness['startCase']>>;

  it('A-1: routes a high-priority API Integration Error to Li Lei and logs the matched rule and reasoning', async () => {
    const input = apiIntegrationError();
    firstCaseId = input.caseId;
    first = await harness.startCase(input);
    const view = await harness.waitForSequence(first, 3);
    expect(view).toMatchObject({ status: 'assigned', assignee: liLei, queue: 'technical_support' });
    const events = await harness.listEvents(input.caseId);
    expect(events.map((event) => [event.type, event.actor])).toEqual([
      ['case_created', 'user:csr-1'],
      ['routed', 'routing'],
      ['assigned', 'routing'],
    ]);
    expect(events[1]?.payload).toMatchObject({ outcome: 'assigned', agentName: 'Li Lei', matchedRuleCodes: ['api_integration'] });
    expect(String((events[1]?.payload.reasons as string[]).at(-1))).toMatch(/^Li Lei chosen/);
    const [decision] = await harness.database.db.select().from(routingDecisions).where(eq(routingDecisions.caseId, input.caseId));
    expect(decision).toMatchObject({ outcome: 'assigned', agentId: liLei });
  });

  it('leaves a case for manual scheduling when no qualified handler has room, and dispatches it when one frees up', async () => {
    const input = apiIntegrationError();
    const waiting = await harness.startCase(input);
    const queued = await harness.waitForSequence(waiting, 2);
    expect(queued).toMatchObject({ status: 'new', assignee: null, queue: 'technical_support' });
    const [awaiting] = (await harness.listEvents(input.caseId)).slice(1);
    expect(awaiting).toMatchObject({ type: 'awaiting_assignment', payload: { outcome: 'manual_scheduling' } });

    await first.signal(resolveSignal, { actorId: 'user:li-lei', category: 'resolved_customer_satisfied', notes: 'Rotated the signing key' });
    const dispatched = await harness.waitForSequence(waiting, 3);
    expect(dispatched).toMatchObject({ status: 'assigned', assignee: liLei });
    const events = await harness.listEvents(input.caseId);
    expect(events.at(-1)).toMatchObject({ type: 'assigned', actor: 'dispatcher' });
    expect(firstCaseId).not.toBe(input.caseId);
  });

  it('never assigns a case to a handler without the required skill', async () => {
    const input = apiIntegrationError();
    const handle = await harness.startCase(input);
    await harness.waitForSequence(handle, 2);
    await handle.signal(assignSignal, { actorId: 'user:supervisor', assigneeId: emilyChen });
    const view = await harness.waitForSequence(handle, 3);
    expect(view.assignee).toBeNull();
    expect(view.lastRejection).toMatchObject({ eventType: 'assign', code: 'handler_unavailable' });
    expect(view.lastRejection?.message).toMatch(/api_integration/);
  });

  it('replays every recorded history of this file', async () => {
    const results = await harness.replayAll();
    expect(results.filter((result) => result.error)).toEqual([]);
  });
});
