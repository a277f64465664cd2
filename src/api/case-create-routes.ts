import { createRoute } from '@hono/zod-openapi';
import type { Db } from '../../db/client.js';
import { requirePrincipal } from './api-context.js';
import type { CaseCommands } from './case-commands.js';
import { acceptCaseCreate } from './case-intake.js';
import { acceptedCaseSchema, createCaseBody, createCaseHeaders } from './case-schemas.js';
import { problemResponses } from './common-schemas.js';
import { createRouter } from './create-router.js';

const createCaseRoute = createRoute({
  tags: ['cases'], method: 'post', path: '/cases', summary: 'Create a case (prepopulated from the customer); starts its workflow',
  request: { headers: createCaseHeaders, body: { content: { 'application/json': { schema: createCaseBody } }, required: true } },
  responses: { 202: { description: 'Accepted: the workflow runs; the case appears in the read model moments later', content: { 'application/json': { schema: acceptedCaseSchema } } }, ...problemResponses, 422: { description: 'Idempotency-Key reused with another body' }, 501: { description: 'Workflows not wired' } },
});

/** `POST /cases` with an optional `Idempotency-Key`: a retry with the same key and body returns the same case. */
export function createCaseCreateRoutes(deps: { db: Db; caseCommands: CaseCommands | undefined }) {
  const routes = createRouter();
  routes.openapi(createCaseRoute, async (c) => {
    const accepted = await acceptCaseCreate(deps, requirePrincipal(c), c.req.valid('json'), c.req.valid('header')['idempotency-key']);
    return c.json(accepted, 202);
  });
  return routes;
}
