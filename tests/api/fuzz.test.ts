import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { slaPolicies } from '../../db/schema.js';
import { accessMatrix } from '../../src/api/access-matrix.js';
import { createApiHarness, allRoles, type ApiHarness } from './api-harness.js';
import { insertCaseRow } from './case-builders.js';
import { createRandom, encodeHostile, hostileStrings, randomBody, randomQuery, type Random } from './hostile-inputs.js';
import { createRecordingCaseCommands } from './recording-case-commands.js';

let harness: ApiHarness;
let realIds: Record<string, string>;
const requestCount = 10_000;
// Streams never end on their own; the fuzz run covers them in the access-matrix test instead.
const fuzzedRoutes = accessMatrix.filter((access) => access.path !== '/events');

beforeAll(async () => {
  const recorder = createRecordingCaseCommands();
  harness = await createApiHarness({ caseCommands: recorder.commands, startPolicyApply: recorder.startPolicyApply });
  const { caseId } = await insertCaseRow(harness.database.db, harness.customerIdOfPortalUser, { status: 'in_progress' });
  const [policy] = await harness.database.db.select().from(slaPolicies).limit(1);
  realIds = { caseId, customerId: harness.customerIdOfPortalUser, policyId: policy!.id, jobId: crypto.randomUUID(), key: 'payments' };
});
afterAll(async () => harness?.close());

function randomPathValue(random: Random, name: string): string {
  if (random.chance(0.5)) return realIds[name]!;
  return random.chance(0.5) ? encodeHostile(random, random.pick(hostileStrings).slice(0, 300)) : crypto.randomUUID();
}

function randomAuthorization(random: Random): Record<string, string> {
  const roll = random.next();
  if (roll < 0.7) return { authorization: `Bearer ${harness.tokens[random.pick(allRoles)]}` };
  if (roll < 0.8) return {};
  if (roll < 0.9) return { authorization: random.pick(['Bearer', 'Basic abc', 'Bearer x y', `Bearer ${'a'.repeat(300)}`, 'bearer forged-token']) };
  // Header values are byte strings on the wire; a client cannot send anything else.
  return { cookie: `case_engine_session=${random.pick(hostileStrings).slice(0, 50).replace(/[^\x20-\x7e]/g, '?')}` };
}

async function sendRandomRequest(random: Random): Promise<{ status: number; description: string }> {
  const access = random.pick(fuzzedRoutes);
  const method = random.chance(0.9) ? access.method : random.pick(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);
  const path = `/api/v1${access.path.replace(/\{(\w+)\}/g, (_, name: string) => randomPathValue(random, name))}${randomQuery(random)}`;
  const headers: Record<string, string> = { ...randomAuthorization(random) };
  let body: string | undefined;
  if (method !== 'GET' && method !== 'OPTIONS') {
    const generated = randomBody(random);
    body = generated.body;
    if (generated.contentType) headers['content-type'] = generated.contentType;
    if (random.chance(0.3)) headers['idempotency-key'] = random.pick(hostileStrings).replace(/[^\x21-\x7e]/g, '').slice(0, 300) || 'k';
  }
  const response = await harness.app.request(path, { method, headers, body });
  await response.body?.cancel();
  return { status: response.status, description: `${method} ${path.slice(0, 200)} ${body?.slice(0, 200) ?? ''}` };
}

describe('fuzz', () => {
  it(`answers ${requestCount} malformed and hostile requests without a single 5xx, and stays healthy`, async () => {
    const random = createRandom(20_261_123);
    const serverErrors: string[] = [];
    const statuses = new Map<number, number>();
    for (let index = 0; index < requestCount; index++) {
      const { status, description } = await sendRandomRequest(random);
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
      if (status >= 500) serverErrors.push(`${status} ${description}`);
    }
    expect(serverErrors.slice(0, 10)).toEqual([]);
    expect([...statuses.keys()].some((status) => status >= 400)).toBe(true);
    expect((await harness.request('GET', '/health')).status).toBe(200);
    expect((await harness.request('GET', '/api/v1/cases', { token: harness.tokens.csr })).status).toBe(200);
  }, 120_000);
});
