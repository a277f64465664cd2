import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/api/app.js';
import { createLogger } from '../../src/logger.js';

// No database is touched: building the app and its document needs none.
const app = createApp({
  logger: createLogger('error', () => undefined),
  health: { checks: {}, version: 'test', startedAt: new Date() },
  api: { db: {} as never, sql: {} as never },
});

describe('OpenAPI document', () => {
  it('describes request bodies from the same zod schemas the routes validate with', async () => {
    const document = (await (await app.request('/api/openapi.json')).json()) as {
      paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: { $ref?: string } }> } }>>;
      components: { schemas: Record<string, { properties?: Record<string, unknown>; required?: string[] }> };
    };
    expect(document.paths['/api/v1/cases']!.post!.requestBody!.content['application/json']!.schema.$ref).toBe('#/components/schemas/CreateCaseBody');
    expect(document.components.schemas.CreateCaseBody!.required).toEqual(expect.arrayContaining(['caseType', 'subject']));
    expect(Object.keys(document.components.schemas.Problem!.properties!)).toEqual(expect.arrayContaining(['code', 'fields', 'requestId']));
  });

  it('serves /health and the docs without the API deps', async () => {
    const bare = createApp({ logger: createLogger('error', () => undefined), health: { checks: {}, version: 'test', startedAt: new Date() } });
    expect((await bare.request('/health')).status).toBe(200);
    expect((await bare.request('/api/docs')).status).toBe(200);
    expect((await bare.request('/api/v1/cases')).status).toBe(404);
  });
});
