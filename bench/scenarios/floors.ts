import { fileURLToPath } from 'node:url';
import postgres from 'postgres';
import type { BenchContext, Scenario } from '../bench-types.js';
import { describeLoad } from '../lib/describe-load.js';
import { runLoad, type LoadRequest, type LoadResult } from '../lib/run-load.js';
import { startChildServer } from '../lib/start-child-server.js';

/** The floors every API figure is judged against: what the bare stack does with no product code. */
export interface Floors {
  nodeHttp: LoadResult;
  honoSelect: LoadResult;
  honoInsert: LoadResult;
}

const customerCount = 10_000;
const sampledCustomerIdCount = 1_000;

/**
 * Measures the floors once per run (memoised in the context), so later scenarios can put their
 * figures next to these without measuring them again.
 */
export function measureFloors(ctx: BenchContext): Promise<Floors> {
  return ctx.memo('floors', async () => {
    const databaseUrl = await createFloorsDatabase(ctx);
    const nodeHttp = await withChildServer('bare-node-server.ts', {}, (url) => measure(ctx, 'node:http', { url: `${url}/` }));
    const honoEnv = { DATABASE_URL: databaseUrl };
    const [honoSelect, honoInsert] = await withChildServer('hono-postgres-server.ts', honoEnv, async (url) => [
      await measure(ctx, 'hono + postgres.js SELECT', { url, paths: sampleCustomerPaths() }),
      await measure(ctx, 'hono + postgres.js INSERT', {
        url: `${url}/events`,
        method: 'POST',
        body: { customerId: 42, kind: 'note_added', payload: { text: 'Customer called about a late refund.' } },
      }),
    ]);
    return { nodeHttp, honoSelect, honoInsert };
  });
}

const floors: Scenario = {
  name: 'floors',
  async run(ctx) {
    const { nodeHttp, honoSelect, honoInsert } = await measureFloors(ctx);
    const baseline = { label: 'node:http', result: nodeHttp };
    return [
      ...describeLoad('floors', 'node:http small JSON', nodeHttp),
      ...describeLoad('floors', 'hono + postgres.js indexed SELECT', honoSelect, baseline),
      ...describeLoad('floors', 'hono + postgres.js INSERT', honoInsert, baseline),
    ];
  },
};
export default floors;

async function createFloorsDatabase(ctx: BenchContext): Promise<string> {
  const url = await ctx.createDatabase('bench_floors');
  const sql = postgres(url, { max: 1, onnotice: () => undefined });
  try {
    await sql`create table bench_customers (
      customer_id integer primary key, full_name text not null, email text not null unique)`;
    await sql`insert into bench_customers
      select n, 'Customer ' || n, 'customer' || n || '@example.com' from generate_series(1, ${customerCount}) as n`;
    await sql`create table bench_events (
      event_id bigint generated always as identity primary key,
      customer_id integer not null, kind text not null, payload jsonb not null,
      created_at timestamptz not null default now())`;
    await sql`create index bench_events_customer_id_idx on bench_events (customer_id)`;
    await sql`analyze`;
  } finally {
    await sql.end();
  }
  return url;
}

function sampleCustomerPaths(): string[] {
  return Array.from({ length: sampledCustomerIdCount }, () => `/customers/${1 + Math.floor(Math.random() * customerCount)}`);
}

async function withChildServer<T>(moduleName: string, env: Record<string, string>, use: (url: string) => Promise<T>): Promise<T> {
  const modulePath = fileURLToPath(new URL(`../servers/${moduleName}`, import.meta.url));
  const server = await startChildServer({ modulePath, env });
  try {
    return await use(server.url);
  } finally {
    await server.stop();
  }
}

async function measure(ctx: BenchContext, label: string, request: Pick<LoadRequest, 'url'> & Partial<LoadRequest>): Promise<LoadResult> {
  ctx.log(`loading ${label} for ${ctx.load.durationSec} s (after ${ctx.load.warmupSec} s warm-up)`);
  return runLoad({ ...ctx.load, ...request });
}
