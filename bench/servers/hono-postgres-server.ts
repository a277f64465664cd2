import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import postgres from 'postgres';
import { announceListening } from '../lib/announce-listening.js';

/**
 * The database floor: Hono on @hono/node-server with postgres.js, one indexed SELECT or one INSERT
 * per request, no validation or ORM. Tables come from the floors scenario (bench_customers, bench_events).
 */
const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) throw new Error('DATABASE_URL is required');
const sql = postgres(databaseUrl, { max: Number(process.env.BENCH_PG_POOL_SIZE ?? 10), onnotice: () => undefined });

const app = new Hono();
app.get('/customers/:customerId', async (c) => {
  const [customer] = await sql`
    select customer_id, full_name, email from bench_customers where customer_id = ${Number(c.req.param('customerId'))}`;
  return customer ? c.json(customer) : c.json({ error: 'not found' }, 404);
});
app.post('/events', async (c) => {
  const event = await c.req.json<{ customerId: number; kind: string; payload: unknown }>();
  const [inserted] = await sql`
    insert into bench_events (customer_id, kind, payload)
    values (${event.customerId}, ${event.kind}, ${sql.json(event.payload as postgres.JSONValue)})
    returning event_id`;
  return c.json(inserted, 201);
});

const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, () => {
  announceListening(server, () => sql.end({ timeout: 1 }));
});
