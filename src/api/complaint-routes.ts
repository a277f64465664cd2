import { createRoute, z } from '@hono/zod-openapi';
import type { Db } from '../../db/client.js';
import { listComplaintsByDeadline } from '../compliance/complaint-deadlines.js';
import { jsonObject, problemResponses } from './common-schemas.js';
import { createRouter } from './create-router.js';

const listComplaintsQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  includeClosed: z.enum(['true', 'false']).default('false').transform((value) => value === 'true'),
});

const complaintsRoute = createRoute({
  method: 'get', path: '/complaints', tags: ['complaints'],
  summary: 'Formal complaints by next deadline: the day-10/day-15 business-day clocks and the CFPB 15/60 calendar-day clocks, with days left',
  request: { query: listComplaintsQuery },
  responses: { 200: { description: 'Complaints', content: { 'application/json': { schema: z.object({ items: z.array(jsonObject) }) } } }, ...problemResponses },
});

/** `GET /complaints`: the compliance view (src/compliance/complaint-deadlines.ts). */
export function createComplaintRoutes(deps: { db: Db; now: () => Date }) {
  const routes = createRouter();
  routes.openapi(complaintsRoute, async (c) => {
    const { limit, includeClosed } = c.req.valid('query');
    return c.json({ items: await listComplaintsByDeadline(deps.db, { now: deps.now(), limit, includeClosed }) }, 200);
  });
  return routes;
}
