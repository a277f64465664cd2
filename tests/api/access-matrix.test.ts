import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { slaPolicies } from '../../db/schema.js';
import { accessMatrix, isRoleAllowed, type RouteAccess } from '../../src/api/access-matrix.js';
import { createApiHarness, allRoles, type ApiHarness } from './api-harness.js';
import { insertCaseRow } from './case-builders.js';
import { createRecordingCaseCommands } from './recording-case-commands.js';

let harness: ApiHarness;
let pathValues: Record<string, string>;

beforeAll(async () => {
  const recorder = createRecordingCaseCommands();
  harness = await createApiHarness({ caseCommands: recorder.commands, startPolicyApply: recorder.startPolicyApply });
  // The portal user's own case, so object-level checks never hide what the matrix allows.
  const { caseId } = await insertCaseRow(harness.database.db, harness.customerIdOfPortalUser, { status: 'new' });
  const [policy] = await harness.database.db.select().from(slaPolicies).limit(1);
  pathValues = { caseId, customerId: harness.customerIdOfPortalUser, policyId: policy!.id, jobId: randomUUID(), key: 'no_such_key' };
});
afterAll(async () => harness?.close());

const fillPath = (access: RouteAccess) => `/api/v1${access.path.replace(/\{(\w+)\}/g, (_, name: string) => pathValues[name]!)}`;

/** An empty JSON body: enough to pass the access check and then stop at validation, with no side effects. */
async function call(access: RouteAccess, token: string | undefined): Promise<{ status: number; code?: string }> {
  const hasBody = access.method !== 'GET';
  const response = await harness.request(access.method, fillPath(access), { token, ...(hasBody ? { body: {} } : {}) });
  const isProblem = response.headers.get('content-type')?.includes('problem+json');
  const code = isProblem ? ((await response.json()) as { code: string }).code : undefined;
  if (!isProblem) await response.body?.cancel();
  return { status: response.status, code };
}

describe('access matrix', () => {
  it('documents exactly the routes the matrix lists', async () => {
    const document = (await (await harness.request('GET', '/api/openapi.json')).json()) as { paths: Record<string, Record<string, unknown>> };
    const documented = Object.entries(document.paths)
      .filter(([path]) => path.startsWith('/api/v1/'))
      .flatMap(([path, operations]) => Object.keys(operations).map((method) => `${method.toUpperCase()} ${path.slice('/api/v1'.length)}`))
      .sort();
    expect(documented).toEqual(accessMatrix.map((access) => `${access.method} ${access.path}`).sort());
  });

  for (const access of accessMatrix) {
    it(`${access.method} ${access.path}: ${access.roles === 'public' ? 'public' : access.roles.join(', ')}`, async () => {
      for (const role of allRoles) {
        const { status, code } = await call(access, harness.tokens[role]);
        if (isRoleAllowed(access, role)) expect({ isRefused: status === 401 || status === 403, role }).toEqual({ isRefused: false, role });
        else expect({ status, code, role }).toEqual({ status: 403, code: 'forbidden', role });
        expect(status, role).toBeLessThan(500);
      }
      const anonymous = await call(access, undefined);
      expect(anonymous.status).toBe(access.roles === 'public' ? 400 : 401);
    });
  }

  it('answers 404 for a path under /api/v1 that the matrix does not list', async () => {
    expect((await harness.request('DELETE', `/api/v1/cases/${pathValues.caseId}`, { token: harness.tokens.admin })).status).toBe(404);
  });
});
