import { createRoute } from '@hono/zod-openapi';
import type { Db } from '../../db/client.js';
import { createSavedSearch, listSavedSearches } from '../../db/saved-search-repository.js';
import { requirePrincipal } from './api-context.js';
import { ApiError } from './api-error.js';
import { problemResponses } from './common-schemas.js';
import { createRouter } from './create-router.js';
import { createdSavedSearchSchema, createSavedSearchBody, savedSearchListSchema } from './saved-search-schemas.js';

const json = <T>(schema: T) => ({ 'application/json': { schema } });
const listRoute = createRoute({ method: 'get', path: '/saved-searches', tags: ['cases'], summary: 'My saved searches and the shared ones', responses: { 200: { description: 'Saved searches', content: json(savedSearchListSchema) }, ...problemResponses } });
const createRouteDef = createRoute({ method: 'post', path: '/saved-searches', tags: ['cases'], summary: 'Save a case-list filter (personal or shared)', request: { body: { content: json(createSavedSearchBody), required: true } }, responses: { 201: { description: 'Saved', content: json(createdSavedSearchSchema) }, ...problemResponses, 409: { description: 'You already have a saved search of that name' } } });

/** `GET|POST /saved-searches`. */
export function createSavedSearchRoutes(deps: { db: Db }) {
  const routes = createRouter();
  routes.openapi(listRoute, async (c) => {
    const items = await listSavedSearches(deps.db, requirePrincipal(c).userId);
    return c.json({ items: items.map((item) => ({ ...item, createdAt: item.createdAt.toISOString() })) }, 200);
  });
  routes.openapi(createRouteDef, async (c) => {
    const body = c.req.valid('json');
    const created = await createSavedSearch(deps.db, { ownerUserId: requirePrincipal(c).userId, ...body });
    if (!created) throw new ApiError(409, 'conflict', `you already have a saved search named "${body.name}"`, [{ field: 'name', message: 'already used' }]);
    return c.json(created, 201);
  });
  return routes;
}
