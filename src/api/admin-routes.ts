import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { Db } from '../../db/client.js';
import { insertAdminRow, listAdminAudit, listAdminRows, updateAdminRow } from '../../db/admin-repository.js';
import { requirePrincipal } from './api-context.js';
import { notFound } from './api-error.js';
import { adminCollectionNames, type AdminCollectionName } from './admin-collection-names.js';
import { adminCollections } from './admin-collections.js';
import { adminKeyParams } from './admin-schemas.js';
import { jsonObject, problemResponses } from './common-schemas.js';
import { createRouter } from './create-router.js';
import { translateDatabaseError } from './database-errors.js';

const json = <T>(schema: T) => ({ 'application/json': { schema } });
const listSchema = z.object({ items: z.array(jsonObject) });
const maxAdminRows = 1000;

const auditActor = (c: Context) => ({ userId: requirePrincipal(c).userId, requestId: c.get('requestId') ?? null });

/** Keeps only the fields the client sent: a PATCH must not reset omitted fields to their defaults. */
async function pickSentFields(c: Context, parsed: Record<string, unknown>): Promise<Record<string, unknown>> {
  const raw = (await c.req.json()) as Record<string, unknown>;
  return Object.fromEntries(Object.entries(parsed).filter(([key]) => key in raw));
}

function mountCollection(routes: ReturnType<typeof createRouter>, db: Db, name: AdminCollectionName): void {
  const collection = adminCollections[name];
  const keyField = collection.keyKind === 'code' ? 'code' : undefined;
  const updateBody = (keyField ? collection.createBody.omit({ [keyField]: true }) : collection.createBody).partial();
  const tag = { tags: ['admin'] };
  routes.openapi(createRoute({ ...tag, method: 'get', path: `/admin/${name}`, summary: `List ${name}`, responses: { 200: { description: 'Rows', content: json(listSchema) }, ...problemResponses } }), async (c) => {
    const rows = await listAdminRows(db, collection.spec, maxAdminRows);
    return c.json({ items: collection.presentAll ? await collection.presentAll(db, rows) : rows }, 200);
  });
  routes.openapi(createRoute({ ...tag, method: 'post', path: `/admin/${name}`, summary: `Create one of ${name} (audited)`, request: { body: { content: json(collection.createBody), required: true } }, responses: { 201: { description: 'Created', content: json(jsonObject) }, ...problemResponses, 409: { description: 'Key taken' } } }), async (c) => {
    const body = c.req.valid('json') as Record<string, unknown>;
    const { values, writeChildren } = collection.prepare ? await collection.prepare(body, auditActor(c)) : { values: body, writeChildren: undefined };
    const row = await insertAdminRow(db, collection.spec, values, auditActor(c), writeChildren).catch(translateDatabaseError);
    const [presented] = collection.presentAll ? await collection.presentAll(db, [row]) : [row];
    return c.json(presented!, 201);
  });
  routes.openapi(createRoute({ ...tag, method: 'patch', path: `/admin/${name}/{key}`, summary: `Change one of ${name} (audited)`, request: { params: adminKeyParams, body: { content: json(updateBody), required: true } }, responses: { 200: { description: 'Changed', content: json(jsonObject) }, ...problemResponses } }), async (c) => {
    const { key } = c.req.valid('param');
    if (collection.keyKind === 'uuid' && !z.uuid().safeParse(key).success) throw notFound(name);
    const sent = await pickSentFields(c, c.req.valid('json') as Record<string, unknown>);
    const { values, writeChildren } = collection.prepare ? await collection.prepare(sent, auditActor(c)) : { values: sent, writeChildren: undefined };
    const row = await updateAdminRow(db, collection.spec, key, values, auditActor(c), writeChildren).catch(translateDatabaseError);
    if (!row) throw notFound(name);
    const [presented] = collection.presentAll ? await collection.presentAll(db, [row]) : [row];
    return c.json(presented!, 200);
  });
}

const auditRoute = createRoute({ tags: ['admin'], method: 'get', path: '/admin/audit-log', summary: 'The latest admin changes', request: { query: z.strictObject({ limit: z.coerce.number().int().min(1).max(500).default(100) }) }, responses: { 200: { description: 'Entries', content: json(listSchema) }, ...problemResponses } });

/** `/admin/<collection>` (GET, POST, PATCH /{key}) for every reference-data collection, and the audit log. */
export function createAdminRoutes(deps: { db: Db }) {
  const routes = createRouter();
  for (const name of adminCollectionNames) mountCollection(routes, deps.db, name);
  routes.openapi(auditRoute, async (c) => {
    const entries = await listAdminAudit(deps.db, c.req.valid('query').limit);
    return c.json({ items: entries.map((entry) => ({ ...entry, occurredAt: entry.occurredAt.toISOString() })) }, 200);
  });
  return routes;
}
