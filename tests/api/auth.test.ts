import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPasswords } from '../../db/seed/demo-users.js';
import { createApiHarness, type ApiHarness } from './api-harness.js';

let harness: ApiHarness;
let clock = new Date('2026-03-02T10:00:00Z');

beforeAll(async () => {
  harness = await createApiHarness({ now: () => clock, loginMaxFailures: 3 });
});
afterAll(async () => harness?.close());

const login = (email: string, password: string) => harness.request('POST', '/api/v1/auth/login', { body: { email, password } });
const sessionCookieOf = (response: Response) => response.headers.get('set-cookie')!.split(';')[0]!;

describe('auth', () => {
  it('logs in with the seeded password and sets an HttpOnly, SameSite=Lax session cookie', async () => {
    const response = await login('supervisor@example.com', demoPasswords.supervisor);
    expect(response.status).toBe(200);
    const cookie = response.headers.get('set-cookie')!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    const body = (await response.json()) as { user: { role: string; csrfToken: string } };
    expect(body.user.role).toBe('supervisor');
    const me = await harness.request('GET', '/api/v1/auth/me', { headers: { cookie: sessionCookieOf(response) } });
    expect(me.status).toBe(200);
  });

  it('refuses a wrong password with 401 problem+json and never says which part was wrong', async () => {
    const response = await login('compliance@example.com', 'wrong-password');
    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(((await response.json()) as { code: string }).code).toBe('unauthenticated');
  });

  it('rate-limits failed logins per account and address, then lets the account in after the window', async () => {
    for (let attempt = 0; attempt < 3; attempt++) expect((await login('admin@example.com', 'nope')).status).toBe(401);
    const blocked = await login('admin@example.com', demoPasswords.admin);
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    clock = new Date(clock.getTime() + 16 * 60_000);
    expect((await login('admin@example.com', demoPasswords.admin)).status).toBe(200);
  });

  it('requires the CSRF token on unsafe requests made with the session cookie', async () => {
    const response = await login('supervisor@example.com', demoPasswords.supervisor);
    const cookie = sessionCookieOf(response);
    const { user } = (await response.json()) as { user: { csrfToken: string } };
    const withoutToken = await harness.request('POST', '/api/v1/auth/tokens', { headers: { cookie }, body: { name: 'cli' } });
    expect(withoutToken.status).toBe(403);
    expect(((await withoutToken.json()) as { code: string }).code).toBe('csrf_failed');
    const withToken = await harness.request('POST', '/api/v1/auth/tokens', { headers: { cookie, 'x-csrf-token': user.csrfToken }, body: { name: 'cli' } });
    expect(withToken.status).toBe(201);
    const { token } = (await withToken.json()) as { token: string };
    const me = await harness.request('GET', '/api/v1/auth/me', { token });
    expect(((await me.json()) as { role: string; via: string }).via).toBe('token');
  });

  it('expires sessions and ends them on logout', async () => {
    const response = await login('compliance@example.com', demoPasswords.compliance);
    const cookie = sessionCookieOf(response);
    const { user } = (await response.json()) as { user: { csrfToken: string } };
    expect((await harness.request('POST', '/api/v1/auth/logout', { headers: { cookie, 'x-csrf-token': user.csrfToken } })).status).toBe(204);
    expect((await harness.request('GET', '/api/v1/auth/me', { headers: { cookie } })).status).toBe(401);
    const second = sessionCookieOf(await login('compliance@example.com', demoPasswords.compliance));
    clock = new Date(clock.getTime() + 9 * 3_600_000);
    expect((await harness.request('GET', '/api/v1/auth/me', { headers: { cookie: second } })).status).toBe(401);
  });

  it('serves the OpenAPI document and the offline docs page', async () => {
    const document = (await (await harness.request('GET', '/api/openapi.json')).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(document.paths)).toContain('/api/v1/auth/login');
    const docs = await harness.request('GET', '/api/docs');
    expect(await docs.text()).toContain('/api/docs/assets/swagger-ui-bundle.js');
    expect((await harness.request('GET', '/api/docs/assets/swagger-ui-bundle.js')).status).toBe(200);
  });
});
