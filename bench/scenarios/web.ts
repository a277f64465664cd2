import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import postgres from 'postgres';
import { startDevServer } from '../../src/temporal/dev-server.js';
import type { BenchContext, Row, Scenario } from '../bench-types.js';
import { describeLoad } from '../lib/describe-load.js';
import { measureLiveUpdate, type LiveUpdate } from '../lib/measure-live-update.js';
import { percentile } from '../lib/percentile.js';
import { prepareApiBenchDatabase, type ApiBenchDatabase } from '../lib/prepare-api-bench-database.js';
import { runLoad, type LoadResult } from '../lib/run-load.js';
import { seedBenchOutcomes } from '../lib/seed-bench-outcomes.js';
import { startChildServer } from '../lib/start-child-server.js';

// Issue 8: server time to render the supervisor dashboard and a 50-row queue page with 50,000
// cases in the database, beside the session check every page of the same app makes first
// (GET /api/v1/auth/me with the same cookie) measured in the same run; and the time from a note's signal to its
// appearance in another open browser, split into its legs.
// Goals: render p95 < 150 ms; live update p95 < 500 ms.
// Smaller runs: BENCH_WEB_CASES (50000), BENCH_WEB_LIVE_SAMPLES (100), BENCH_WEB_RENDER_CONNECTIONS (1),
// and the runner's BENCH_DURATION_SEC / BENCH_WARMUP_SEC per render figure.
const SCENARIO = 'web';
const CASE_COUNT = Number(process.env.BENCH_WEB_CASES ?? 50_000);
/** One request at a time: the figure is the server's time per page, not queueing behind others. */
const RENDER_CONNECTIONS = Number(process.env.BENCH_WEB_RENDER_CONNECTIONS ?? 1);
const LIVE_SAMPLES = Number(process.env.BENCH_WEB_LIVE_SAMPLES ?? 100);
const LIVE_GAP_MS = 300;
const LIVE_TIMEOUT_MS = 10_000;
const serverModulePath = fileURLToPath(new URL('../servers/api-server.ts', import.meta.url));
const supervisor = { email: 'supervisor@example.com', password: 'supervisor-demo-2026' };
const sessionCookieName = 'case_engine_session';

async function logIn(baseUrl: string): Promise<{ name: string; value: string }> {
  const response = await fetch(`${baseUrl}/login`, { method: 'POST', body: new URLSearchParams(supervisor), redirect: 'manual' });
  const cookie = response.headers.getSetCookie().find((line) => line.startsWith(`${sessionCookieName}=`));
  if (response.status !== 303 || !cookie) throw new Error(`login answered ${response.status}`);
  return { name: sessionCookieName, value: cookie.slice(sessionCookieName.length + 1).split(';')[0]! };
}

/** Fetches a page once and checks it is what the bench thinks it measures. */
async function checkPage(baseUrl: string, cookie: string, path: string, mustContain: RegExp, minMatches = 1): Promise<void> {
  const response = await fetch(`${baseUrl}${path}`, { headers: { cookie }, redirect: 'manual' });
  const html = await response.text();
  const matches = html.match(new RegExp(mustContain, 'g'))?.length ?? 0;
  if (response.status !== 200 || matches < minMatches) throw new Error(`${path} answered ${response.status} with ${matches} × ${mustContain} (want ≥ ${minMatches})`);
}

async function measureRenders(ctx: BenchContext, database: ApiBenchDatabase, baseUrl: string, cookie: string): Promise<Row[]> {
  const queuePaths = database.queueCodes.map((queue) => `/app/cases?queue=${queue}`);
  await checkPage(baseUrl, cookie, '/app/cases', /<tr data-case-id=/, 50);
  await checkPage(baseUrl, cookie, '/supervisor', /data-chart="/, 3);
  const load = (label: string, paths: string[]): Promise<LoadResult> => {
    ctx.log(`loading ${label} for ${ctx.load.durationSec} s (after ${ctx.load.warmupSec} s warm-up), ${RENDER_CONNECTIONS} connection(s)`);
    return runLoad({ url: baseUrl, paths, headers: { cookie }, connections: RENDER_CONNECTIONS, durationSec: ctx.load.durationSec, warmupSec: ctx.load.warmupSec });
  };
  const sessionCheck = await load('the session check', ['/api/v1/auth/me']);
  const baseline = { label: 'session check', result: sessionCheck };
  const cases = CASE_COUNT.toLocaleString('en-US');
  return [
    ...describeLoad(SCENARIO, `session check alone (GET /api/v1/auth/me, the floor of every page), ${RENDER_CONNECTIONS} conn`, sessionCheck),
    ...describeLoad(SCENARIO, `supervisor dashboard, ${cases} cases (goal p95 < 150 ms)`, await load('the supervisor dashboard', ['/supervisor']), baseline),
    ...describeLoad(SCENARIO, `supervisor dashboard live fragment, ${cases} cases`, await load('the dashboard fragment', ['/supervisor/live']), baseline),
    ...describeLoad(SCENARIO, `queue page, 50 rows, ${cases} cases (goal p95 < 150 ms)`, await load('the queue pages', [...queuePaths, '/app/cases']), baseline),
  ];
}

const latencyRows = (metric: string, sortedMs: readonly number[], goal?: string): Row[] =>
  ([0.5, 0.95] as const).map((fraction) => ({ scenario: SCENARIO, metric: `${metric} p${fraction * 100}${fraction === 0.95 && goal ? ` (${goal})` : ''}`, value: percentile(sortedMs, fraction), unit: 'ms' }));

function describeLiveUpdate(live: LiveUpdate): Row[] {
  return [
    ...latencyRows(`live: note POST → visible in another browser (${live.postToVisibleMs.length} notes)`, live.postToVisibleMs, 'goal < 500 ms'),
    ...latencyRows('live: ├ POST → 202', live.postToAcceptedMs),
    ...latencyRows('live: ├ POST → NOTIFY (workflow, projection, commit)', live.postToNotifyMs),
    ...latencyRows('live: ├ NOTIFY → SSE event in the browser', live.notifyToSseMs),
    ...latencyRows('live: └ SSE event → note in the page (fragment fetch, render, swap)', live.sseToVisibleMs),
    { scenario: SCENARIO, metric: `live: notes not visible within ${LIVE_TIMEOUT_MS / 1000} s`, value: live.missed, unit: 'notes' },
  ];
}

/** Opens one case through the API and waits for its row, so a browser can open its page. */
async function openCase(baseUrl: string, database: ApiBenchDatabase, sql: postgres.Sql): Promise<string> {
  const response = await fetch(`${baseUrl}/api/v1/cases`, {
    method: 'POST',
    headers: { authorization: `Bearer ${database.bearerToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ customerId: database.customerIds[0], caseType: 'payment_issue', channel: 'phone', subject: 'Web bench: refund not received', description: 'The customer asks where the refund is.' }),
  });
  const body = (await response.json()) as { caseId?: string };
  if (response.status !== 202 || !body.caseId) throw new Error(`POST /cases answered ${response.status}`);
  for (let attempt = 0; attempt < 600; attempt += 1) {
    const [row] = await sql<{ status: string }[]>`select status from cases where id = ${body.caseId}`;
    if (row) return body.caseId;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the bench case was never projected');
}

const web: Scenario = {
  name: SCENARIO,
  async run(ctx) {
    const database = await prepareApiBenchDatabase(ctx, CASE_COUNT);
    const outcomes = await seedBenchOutcomes(database.url);
    ctx.log(`${outcomes.resolvedCases} resolved cases, ${outcomes.answeredSurveys} answered surveys in ${outcomes.seconds.toFixed(1)} s`);
    const dataDir = await mkdtemp(join(tmpdir(), 'case-engine-bench-web-'));
    const temporal = await startDevServer({ dataDir });
    const sql = postgres(database.url, { max: 2, onnotice: () => undefined });
    const env = { DATABASE_URL: database.url, TEMPORAL_ADDRESS: temporal.address, TASK_QUEUE: `bench-web-${randomUUID()}` };
    // The worker bundles the case workflows at start: allow for it on a busy 2-core machine.
    const server = await startChildServer({ modulePath: serverModulePath, env, readyTimeoutMs: 180_000 });
    try {
      const sessionCookie = await logIn(server.url);
      const cookie = `${sessionCookie.name}=${sessionCookie.value}`;
      const rows = await measureRenders(ctx, database, server.url, cookie);
      const caseId = await openCase(server.url, database, sql);
      ctx.log(`posting ${LIVE_SAMPLES} notes one at a time, ${LIVE_GAP_MS} ms apart, to a case open in Chromium`);
      const live = await measureLiveUpdate({ baseUrl: server.url, bearerToken: database.bearerToken, sessionCookie, sql, caseId, samples: LIVE_SAMPLES, gapMs: LIVE_GAP_MS, timeoutMs: LIVE_TIMEOUT_MS });
      return [...rows, ...describeLiveUpdate(live)];
    } finally {
      await server.stop();
      await sql.end();
      await temporal.stop();
      await rm(dataDir, { recursive: true, force: true });
    }
  },
};

export default web;
