import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import postgres from 'postgres';
import { announceListening } from '../lib/announce-listening.js';

/**
 * The same reads as the API's GET one case and queue list, on the same database, with nothing of
 * ours: Hono on @hono/node-server and postgres.js, no session or token check, no validation, no
 * ORM, no masking. What the product adds to a read is its figure minus this one.
 */
const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) throw new Error('DATABASE_URL is required');
const sql = postgres(databaseUrl, { max: Number(process.env.BENCH_PG_POOL_SIZE ?? 10), onnotice: () => undefined });
const pageSize = 50;

const app = new Hono();
app.get('/cases/:caseId', async (c) => {
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
