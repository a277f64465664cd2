import { serve, type ServerType } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPasswords } from '../../db/seed/demo-users.js';
import { securityHeaders } from '../../src/api/response-headers.js';
import { findFreePort } from '../../src/net/find-free-port.js';
import { createApiHarness, type ApiHarness } from './api-harness.js';

let harness: ApiHarness;
let server: ServerType;
let baseUrl: string;

beforeAll(async () => {
  harness = await createApiHarness({ loginMaxFailures: 2 });
  const port = await findFreePort();
  server = serve({ fetch: harness.app.fetch, port, hostname: '127.0.0.1' });
  baseUrl = `http://127.0.0.1:${port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  await harness?.close();
});

const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${baseUrl}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

describe('over a real port', () => {
  it('logs in through a browser-style session and reads cases with the cookie', async () => {
    const login = await post('/api/v1/auth/login', { email: 'supervisor@example.com', password: demoPasswords.supervisor });
    expect(login.status).toBe(200);
    expect(login.headers.get('x-request-id')).toBeTruthy();
    expect(login.headers.get('x-content-type-options')).toBe('nosniff');
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const cases = await fetch(`${baseUrl}/api/v1/cases`, { headers: { cookie } });
    expect(cases.status).toBe(200);
  });

  it('rate-limits by the socket address, not a header the client controls', async () => {
    for (let attempt = 0; attempt < 2; attempt++) expect((await post('/api/v1/auth/login', { email: 'csr-unknown@example.com', password: 'x' })).status).toBe(401);
    const spoofed = await post('/api/v1/auth/login', { email: 'csr-unknown@example.com', password: 'x' }, { 'x-forwarded-for': '203.0.113.9' });
    expect(spoofed.status).toBe(429);
  });

  it('serves the docs page and its assets without a network', async () => {
    const page = await fetch(`${baseUrl}/api/docs`);
    expect(page.status).toBe(200);
    const script = await fetch(`${baseUrl}/api/docs/assets/swagger-ui-bundle.js`);
    expect(script.headers.get('content-type')).toContain('javascript');
    expect((await script.arrayBuffer()).byteLength).toBeGreaterThan(100_000);
    const document = (await (await fetch(`${baseUrl}/api/openapi.json`)).json()) as { openapi: string };
    expect(document.openapi).toBe('3.1.0');
  });
});

// On a real port the headers are set on Node's response; through app.request() on the finished one.
describe.each([
  ['a real port', (path: string, init?: RequestInit) => fetch(`${baseUrl}${path}`, init)],
  ['app.request()', (path: string, init?: RequestInit) => Promise.resolve(harness.app.request(path, init))],
])('response headers over %s', (_via, request) => {
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

  it('carries the security headers and a fresh request id on every response', async () => {
    const response = await request('/health');
    for (const [name, value] of securityHeaders) expect(response.headers.get(name), name).toBe(value);
    expect(response.headers.get('x-request-id')).toMatch(uuid);
    expect(response.headers.get('x-xss-protection')).toBeNull();
  });

  it("keeps a caller's sane request id, replaces anything else, and names it in problems", async () => {
    const kept = await request('/api/v1/cases', { headers: { 'x-request-id': 'tooling-run-42' } });
    expect(kept.status).toBe(401);
    expect(kept.headers.get('x-request-id')).toBe('tooling-run-42');
    expect(((await kept.json()) as { requestId: string }).requestId).toBe('tooling-run-42');
    const replaced = await request('/api/v1/cases', { headers: { 'x-request-id': 'a b<script>' } });
    expect(replaced.headers.get('x-request-id')).toMatch(uuid);
    expect(((await replaced.json()) as { requestId: string }).requestId).toBe(replaced.headers.get('x-request-id'));
  });

  it("lets a route's own header win (a static asset may be cached)", async () => {
    const asset = await request('/api/docs/assets/swagger-ui.css');
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=86400');
    expect(asset.headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect(asset.headers.get('x-content-type-options')).toBe('nosniff');
  });
});

/** A JSON body sent in chunks without a Content-Length (Transfer-Encoding: chunked over a real port). */
function streamed(text: string): RequestInit {
  const bytes = new TextEncoder().encode(text);
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (let offset = 0; offset < bytes.length; offset += 8_192) controller.enqueue(bytes.slice(offset, offset + 8_192));
      controller.close();
    },
  });
  return { method: 'POST', headers: { 'content-type': 'application/json' }, body, duplex: 'half' } as RequestInit;
}

// 64 KiB: a declared length is judged from the header, a chunked one by counting what streams in.
describe.each([
  ['a real port', (path: string, init?: RequestInit) => fetch(`${baseUrl}${path}`, init)],
  ['app.request()', (path: string, init?: RequestInit) => Promise.resolve(harness.app.request(path, init))],
])('the body limit over %s', (_via, request) => {
  const login = (password: string) => JSON.stringify({ email: 'nobody@example.com', password });
  const json = (body: string): RequestInit => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body });

  it('refuses a body over the limit with 413 problem+json', async () => {
    const response = await request('/api/v1/auth/login', json(login('x'.repeat(100_000))));
    expect(response.status).toBe(413);
    expect(((await response.json()) as { code: string }).code).toBe('payload_too_large');
  });

  it('refuses a streamed body once it passes the limit', async () => {
    const response = await request('/api/v1/auth/login', streamed(login('x'.repeat(100_000))));
    expect(response.status).toBe(413);
    expect(((await response.json()) as { code: string }).code).toBe('payload_too_large');
  });

  it('passes a body within the limit, declared or streamed, on to the route', async () => {
    for (const init of [json(login('y'.repeat(60_000))), streamed(login('y'.repeat(60_000)))]) {
      const response = await request('/api/v1/auth/login', init);
      // The body reached validation, which names the over-long field.
      expect(response.status).toBe(400);
      const problem = (await response.json()) as { code: string; fields: string[] };
      expect(problem.code).toBe('validation_failed');
      expect(problem.fields).toEqual(['password']);
    }
  });
});
