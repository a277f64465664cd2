import { createRoute } from '@hono/zod-openapi';
import type { Db } from '../../db/client.js';
import { findCustomer360, searchCustomers } from '../../db/customer-repository.js';
import { requirePrincipal } from './api-context.js';
import { notFound } from './api-error.js';
import { problemResponses } from './common-schemas.js';
import { createRouter } from './create-router.js';
import { presentCustomer360, presentCustomerMatch } from './customer-presenter.js';
import { customer360Schema, customerIdParams, customerMatchesSchema, searchCustomersQuery } from './customer-schemas.js';

const json = <T>(schema: T) => ({ 'application/json': { schema } });
const searchRoute = createRoute({ method: 'get', path: '/customers', tags: ['customers'], summary: 'Find customers by name, phone, e-mail or account number', request: { query: searchCustomersQuery }, responses: { 200: { description: 'Matches', content: json(customerMatchesSchema) }, ...problemResponses } });
const view360Route = createRoute({ method: 'get', path: '/customers/{customerId}/360', tags: ['customers'], summary: 'The 360° customer view in one call', request: { params: customerIdParams }, responses: { 200: { description: 'The view', content: json(customer360Schema) }, ...problemResponses } });

/** `GET /customers?q=` and `GET /customers/{customerId}/360`. */
export function createCustomerRoutes(deps: { db: Db }) {
  const routes = createRouter();
  routes.openapi(searchRoute, async (c) => {
    const principal = requirePrincipal(c);
    const { q, limit } = c.req.valid('query');
    const matches = await searchCustomers(deps.db, q, limit);
    return c.json({ items: matches.map((match) => presentCustomerMatch(principal, match)) }, 200);
  });
  routes.openapi(view360Route, async (c) => {
    const principal = requirePrincipal(c);
    const view = await findCustomer360(deps.db, c.req.valid('param').customerId);
    if (!view) throw notFound('customer');
    return c.json(presentCustomer360(principal, view), 200);
  });
  return routes;
}
