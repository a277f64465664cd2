import { createRoute, z } from '@hono/zod-openapi';
import type { Db } from '../../db/client.js';
import { requirePrincipal } from './api-context.js';
import { ApiError } from './api-error.js';
import { acceptedActionSchema } from './case-action-schemas.js';
import { loadVisibleCase } from './case-access.js';
import type { CaseCommands } from './case-commands.js';
import { caseIdParams } from './case-schemas.js';
import { conflictResponses, problemResponses } from './common-schemas.js';
import { createRouter } from './create-router.js';

export const csatAnswerBody = z
  .strictObject({
    score: z.number().int().min(1).max(5).openapi({ description: '1 (very unhappy) to 5 (very happy)' }),
    isResolved: z.boolean().openapi({ description: 'Did we solve the problem?' }),
    comment: z.string().trim().max(2000).optional(),
  })
  .openapi('CsatAnswerBody');

const csatRoute = createRoute({
  tags: ['case actions'], method: 'post', path: '/cases/{caseId}/csat', summary: "Answer the case's satisfaction survey (the case's customer only)",
  request: { params: caseIdParams, body: { content: { 'application/json': { schema: csatAnswerBody } }, required: true } },
  responses: { 202: { description: 'Signalled; `csat_answered` (or a refusal such as csat_not_open) follows in the timeline', content: { 'application/json': { schema: acceptedActionSchema } } }, ...problemResponses, ...conflictResponses, 501: { description: 'Workflows not wired' } },
});

/** `POST /cases/{caseId}/csat`: the customer's survey answer, signalled to the case workflow, which checks the survey is open. */
export function createCsatRoutes(deps: { db: Db; caseCommands: CaseCommands | undefined }) {
  const routes = createRouter();
  routes.openapi(csatRoute, async (c) => {
    const principal = requirePrincipal(c);
    const facts = await loadVisibleCase(deps.db, principal, c.req.valid('param').caseId);
    if (!deps.caseCommands) throw new ApiError(501, 'not_implemented', 'case workflows are not wired in this deployment');
    const { score, isResolved, comment } = c.req.valid('json');
    await deps.caseCommands.signal(facts, 'csatAnswer', { score, isResolved, ...(comment ? { comment } : {}) });
    return c.json({ caseId: facts.caseId, action: 'csat', afterSequence: facts.lastEventSequence }, 202);
  });
  return routes;
}
