import { serve } from '@hono/node-server';
import { drizzle } from 'drizzle-orm/postgres-js';
import { Hono } from 'hono';
import postgres from 'postgres';
import { caseDetailSqlText } from '../../db/case-repository.js';
import { announceListening } from '../lib/announce-listening.js';

/**
 * The same reads as the API's GET one case and queue list, on the same database, with nothing of
 * ours in the request path: Hono on @hono/node-server and postgres.js, no session or token check,
 * no validation, no ORM, no masking, no response headers. What the product adds to a read is its
 * figure minus this one.
 * - GET one case runs the product's own SQL text (the case with its customer's name and contact,
 *   its assignee's name and its clocks), rendered once at start, sent prepared like the product's.
 * - `/case-rows/{id}`, for reference: the case row and its clocks alone, without those joins.
 * - The queue list is hand-written: the product's filter and order, without its joins.
 */
const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) throw new Error('DATABASE_URL is required');
const sql = postgres(databaseUrl, { max: Number(process.env.BENCH_PG_POOL_SIZE ?? 10), onnotice: () => undefined });
const pageSize = 50;
const caseDetailSql = caseDetailSqlText(drizzle({ client: sql }));

const app = new Hono();
app.get('/cases/:caseId', async (c) => {
  // As rows of values, as Drizzle reads them (two of its columns are unnamed expressions).
  const [found] = await sql.unsafe(caseDetailSql, [c.req.param('caseId')], { prepare: true }).values();
  return found ? c.json(found) : c.json({ error: 'not found' }, 404);
});
app.get('/case-rows/:caseId', async (c) => {
  const [found] = await sql`
    select c.*, coalesce((select json_agg(k) from case_clocks k where k.case_id = c.id), '[]'::json) as clocks
    from cases c where c.id = ${c.req.param('caseId')}`;
  return found ? c.json(found) : c.json({ error: 'not found' }, 404);
});
app.get('/cases', async (c) => {
  const statuses = (c.req.query('status') ?? '').split(',').filter(Boolean);
  const rows = await sql`
    select id, case_number, customer_id, channel, case_type_code, subject, priority, status, queue_code,
           assignee_agent_id, sla_state, next_deadline_at, created_at, updated_at
    from cases
    where queue_code = ${c.req.query('queue') ?? ''} and status in ${sql(statuses)}
    order by created_at desc, case_number desc
    limit ${pageSize + 1}`;
  return c.json({ items: rows.slice(0, pageSize), hasMore: rows.length > pageSize });
});

const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, () => {
  announceListening(server, () => sql.end({ timeout: 1 }));
});
