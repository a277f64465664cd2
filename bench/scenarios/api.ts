import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import postgres from 'postgres';
import { startDevServer } from '../../src/temporal/dev-server.js';
import type { BenchContext, Row, Scenario } from '../bench-types.js';
import { describeLoad } from '../lib/describe-load.js';
import { measureCaseCreation } from '../lib/measure-case-creation.js';
import { measureNoteVisibility, warmCases } from '../lib/measure-note-visibility.js';
import { measureTemporalBaseline } from '../lib/measure-temporal-baseline.js';
import { measureWorkflowTaskLegs } from '../lib/measure-workflow-task-legs.js';
import { readWorkflowTaskMatching, spooledPercent } from '../lib/read-workflow-task-matching.js';
import { percentile } from '../lib/percentile.js';
import { findProcessByCommandLine, readProcessCpuMs, readProcessTreeCpuMs } from '../lib/read-process-cpu.js';
import { prepareApiBenchDatabase, type ApiBenchDatabase } from '../lib/prepare-api-bench-database.js';
import { runInterleavedLoad, runLoad, type LoadRequest, type LoadResult } from '../lib/run-load.js';
import { startChildServer, type ChildServer } from '../lib/start-child-server.js';
import { measureFloors } from './floors.js';

// Issue 7: the product's HTTP API beside the bare Hono + postgres.js floors of the same run.
// Reads go to an API process over the read model alone (1,000,000 bulk-loaded cases). Writes go to
// the API with the real case worker in a process of its own, as deployed (`CASE_ENGINE_ROLE=api`
// and `=worker`, Temporal dev server); notes at the full rate are then sent again to one process
// wired like `npm start` (the `all` role), reported beside them.
// Goals: reads ≥ 0.7× the same read served bare (Hono + postgres.js, same database; GET one case
// runs the product's own SQL text) with p95 within +5 ms; search p95 < 100 ms at 1M
// cases; create p95 < 500 ms; note visible p95 < 200 ms at 100 notes/s.
const SCENARIO = 'api';
const CASE_COUNT = Number(process.env.BENCH_API_CASES ?? 1_000_000);
// Modest: below the ~4–10 cases/s one case worker opens on a 2-core machine (case-workflow scenario).
const CREATE_RATE = Number(process.env.BENCH_API_CREATE_RATE ?? 5);
const CREATE_DURATION_SEC = 10;
const NOTE_RATE = Number(process.env.BENCH_API_NOTE_RATE ?? 100);
/**
 * Open cases the notes are spread over: a floor taking 100 notes/s has thousands of open cases,
 * and a few dozen would each take a note every half second and queue behind their own workflow.
 * The ones beyond the timed creates are opened through the same API, untimed.
 */
const NOTE_CASES = Number(process.env.BENCH_API_NOTE_CASES ?? 1_000);
const FILL_CREATE_RATE = 25;
const NOTE_DURATION_SEC = Number(process.env.BENCH_API_NOTE_SEC ?? 15);
/** A rate below saturation first, so the latency of one note is told apart from queueing. */
const LOW_NOTE_RATE = Number(process.env.BENCH_API_LOW_NOTE_RATE ?? 10);
const LOW_NOTE_DURATION_SEC = 10;
/** Cases whose histories are read to split the notes' time in Temporal into its legs. */
const LEG_SAMPLE_CASES = 300;
const DRAIN_TIMEOUT_MS = 30_000;
/** Warm-up notes to the note cases: below the rate one restarted worker replays histories at. */
const WARM_NOTE_RATE = 40;
// Search is loaded with a few connections (a handful of agents searching at once): its goal is a
// latency at 1M cases, not throughput.
const SEARCH_CONNECTIONS = Number(process.env.BENCH_API_SEARCH_CONNECTIONS ?? 4);
/** Turns of product and bare read each figure is split into (see loadBesideBare). */
const READ_ROUNDS = Number(process.env.BENCH_API_READ_ROUNDS ?? 4);
/** BENCH_API_READS_ONLY=1 takes the read figures alone (no Temporal, no create or note figures). */
const isReadsOnly = process.env.BENCH_API_READS_ONLY === '1';
const serverModulePath = fileURLToPath(new URL('../servers/api-server.ts', import.meta.url));
const bareServerModulePath = fileURLToPath(new URL('../servers/bare-case-read-server.ts', import.meta.url));
const workerModulePath = fileURLToPath(new URL('../lib/case-worker-process.ts', import.meta.url));

async function withApiServer<T>(env: Record<string, string>, use: (server: ChildServer) => Promise<T>): Promise<T> {
  // The worker bundles the case workflows at start: allow for it on a busy 2-core machine.
  const server = await startChildServer({ modulePath: serverModulePath, env, readyTimeoutMs: 180_000 });
  try {
    return await use(server);
  } finally {
    await server.stop();
  }
}

/** The API without a worker, beside the case worker in a process of its own (the `api` and `worker` roles). */
async function withSeparateWorker<T>(env: Record<string, string>, use: (server: ChildServer) => Promise<T>): Promise<T> {
  const worker = await startChildServer({ modulePath: workerModulePath, env, readyTimeoutMs: 180_000 });
  try {
    return await withApiServer({ ...env, CASE_WORKER: 'separate' }, use);
  } finally {
    await worker.stop();
  }
}

function loadApi(ctx: BenchContext, label: string, database: ApiBenchDatabase, request: Pick<LoadRequest, 'url'> & Partial<LoadRequest>): Promise<LoadResult> {
  ctx.log(`loading ${label} for ${ctx.load.durationSec} s (after ${ctx.load.warmupSec} s warm-up)`);
  return runLoad({ ...ctx.load, headers: { authorization: `Bearer ${database.bearerToken}` }, ...request });
}

const shuffled = <T>(values: readonly T[]): T[] => values.map((value) => ({ value, key: Math.random() })).sort((a, b) => a.key - b.key).map(({ value }) => value);

/** The one row saying why a figure could not be taken (the other figures still are). */
function failedLoadRow(ctx: BenchContext, label: string, error: unknown, baselineLabel: string, baselineValue = 0): Row[] {
  const message = error instanceof Error ? error.message : String(error);
  ctx.log(`${label} failed: ${message}`);
  return [{ scenario: SCENARIO, metric: `${label}: FAILED (${message.slice(0, 120)})`, value: 0, unit: 'req/s', baseline: { label: baselineLabel, value: baselineValue } }];
}

/** Rows of one load figure, or one row saying why it could not be taken. */
async function describeApiLoad(ctx: BenchContext, label: string, load: () => Promise<LoadResult>, baseline: { label: string; result: LoadResult }): Promise<Row[]> {
  try {
    return describeLoad(SCENARIO, label, await load(), baseline);
  } catch (error) {
    return failedLoadRow(ctx, label, error, baseline.label, baseline.result.requestsPerSec);
  }
}

/** A read the bare server answers, as a baseline of one of the product's reads. */
interface BareRead {
  label: string;
  /** The bare server's path for the product's path. */
  pathFor(productPath: string): string;
}

const bareSameRead: BareRead = { label: 'bare same read, interleaved', pathFor: (path) => path.replace('/api/v1', '') };

/**
 * The product's read beside baselines served bare (Hono + postgres.js, same database, nothing of
 * ours): every server up at once, loaded in turn (bare, product, bare, …) by one load generator,
 * so the machine's drift during the run falls on all alike. One result per bare read, then the product's.
 */
async function loadBesideBare(ctx: BenchContext, label: string, database: ApiBenchDatabase, servers: { product: string; bare: string }, paths: string[], bareReads: BareRead[]): Promise<{ product: LoadResult; bare: LoadResult[] }> {
  ctx.log(`loading ${label} beside ${bareReads.map((read) => read.label).join(' and ')} in turn, ${READ_ROUNDS} rounds, ${ctx.load.durationSec} s each in all (after ${ctx.load.warmupSec} s warm-up each)`);
  const headers = { authorization: `Bearer ${database.bearerToken}` };
  const results = await runInterleavedLoad({
    ...ctx.load,
    rounds: READ_ROUNDS,
    targets: [
      ...bareReads.map((read) => ({ url: servers.bare, headers, paths: paths.map((path) => read.pathFor(path)) })),
      { url: servers.product, headers, paths },
    ],
  });
  return { product: results.at(-1)!, bare: results.slice(0, -1) };
}

/** GET one case and a queue's first page beside their bare reads, then search; each over many different paths. */
async function measureReads(ctx: BenchContext, database: ApiBenchDatabase, url: string, selectFloor: { label: string; result: LoadResult }): Promise<Row[]> {
  const statusSets = ['new,assigned', 'in_progress', 'escalated,pending_customer', 'new'];
  const listPaths = shuffled(database.queueCodes.flatMap((queue) => statusSets.map((status) => `/api/v1/cases?queue=${queue}&status=${status}`)));
  const casePaths = database.sampledCaseIds.map((id) => `/api/v1/cases/${id}`);
  const searchPaths = (terms: string[]) => shuffled(terms.map((term) => `/api/v1/cases?q=${encodeURIComponent(term)}`));
  const cases = CASE_COUNT.toLocaleString('en-US');
  const search = { connections: SEARCH_CONNECTIONS };
  const bareServer = await startChildServer({ modulePath: bareServerModulePath, env: { DATABASE_URL: database.url } });
  const servers = { product: url, bare: bareServer.url };
  // For reference beside GET one case: the bare case row and clocks alone, without the joins to the
  // customer and the assignee that the product's read (and the same read served bare) makes.
  const bareCaseRow: BareRead = { label: 'bare case row alone, no joins', pathFor: (path) => path.replace('/api/v1/cases/', '/case-rows/') };
  const besideBare = async (label: string, paths: string[], references: BareRead[] = []): Promise<Row[]> => {
    try {
      const { product, bare: [same, ...others] } = await loadBesideBare(ctx, label, database, servers, paths, [bareSameRead, ...references]);
      return [
        ...describeLoad(SCENARIO, `${label} (goal ≥ 0.7x, p95 ≤ +5 ms)`, product, { label: bareSameRead.label, result: same! }),
        ...references.map((reference, index): Row => ({
          scenario: SCENARIO, metric: `${label}: requests/s, for reference`, value: product.requestsPerSec, unit: 'req/s', baseline: { label: reference.label, value: others[index]!.requestsPerSec },
        })),
      ];
    } catch (error) {
      return failedLoadRow(ctx, label, error, bareSameRead.label);
    }
  };
  try {
    return [
      ...(await besideBare('GET one case (read model)', casePaths, [bareCaseRow])),
      ...(await besideBare('list a queue, first page', listPaths)),
      ...(await describeApiLoad(ctx, `search ${cases} cases, a customer's name, ${SEARCH_CONNECTIONS} conn (goal p95 < 100 ms)`, () => loadApi(ctx, 'search names', database, { url, paths: searchPaths(database.nameSearchTerms), ...search }), selectFloor)),
      ...(await describeApiLoad(ctx, `search ${cases} cases, a common word, ${SEARCH_CONNECTIONS} conn (goal p95 < 100 ms)`, () => loadApi(ctx, 'search words', database, { url, paths: searchPaths(database.commonSearchTerms), ...search }), selectFloor)),
    ];
  } finally {
    await bareServer.stop();
  }
}

const latencyRow = (metric: string, sortedMs: readonly number[], fraction: number, baseline?: { label: string; sortedMs: readonly number[] }): Row => ({
  scenario: SCENARIO,
  metric,
  value: percentile(sortedMs, fraction),
  unit: 'ms',
  ...(baseline ? { baseline: { label: baseline.label, value: percentile(baseline.sortedMs, fraction) } } : {}),
});

/** Create at a modest rate, GET of cases with a running workflow (live state), and notes until visible. */
async function measureWrites(ctx: BenchContext, database: ApiBenchDatabase, floorInsert: LoadResult, floorSelect: LoadResult): Promise<Row[]> {
  const dataDir = await mkdtemp(join(tmpdir(), 'case-engine-bench-api-'));
  const temporal = await startDevServer({ dataDir });
  const sql = postgres(database.url, { max: 2, onnotice: () => undefined });
  try {
    const baseline = await measureTemporalBaseline(temporal.address, { workflowCount: 50, roundTrips: 100 });
    ctx.log(`Temporal baseline: signal → activity p95 ${percentile(baseline.roundTripsMs, 0.95).toFixed(1)} ms`);
    const env = { DATABASE_URL: database.url, TEMPORAL_ADDRESS: temporal.address, TASK_QUEUE: `bench-api-${randomUUID()}` };
    const postNotes = async (url: string, caseIds: string[], ratePerSecond: number, durationSec: number) => {
      ctx.log(`posting notes at ${ratePerSecond}/s for ${durationSec} s to ${caseIds.length} cases`);
      const notes = await measureNoteVisibility({ apiUrl: url, bearerToken: database.bearerToken, sql, caseIds, ratePerSecond, durationSec, drainTimeoutMs: DRAIN_TIMEOUT_MS });
      ctx.log(`${notes.sent} notes sent (${notes.sentPerSecond.toFixed(1)}/s), ${notes.visible} visible, ${notes.failed} failed or rejected`);
      return notes;
    };
    const readMatching = () => readWorkflowTaskMatching(temporal.metricsUrl);
    const { creation, getLive, noteCaseIds, light, notes, noteCpuMs, noteSpooledPercent, legs } = await withSeparateWorker(env, async ({ url }) => {
      ctx.log(`creating cases at ${CREATE_RATE}/s for ${CREATE_DURATION_SEC} s`);
      const creation = await measureCaseCreation({
        apiUrl: url, bearerToken: database.bearerToken, sql, customerIds: database.customerIds, caseTypes: ['information_request', 'payment_issue', 'dispute'],
        ratePerSecond: CREATE_RATE, durationSec: CREATE_DURATION_SEC, drainTimeoutMs: DRAIN_TIMEOUT_MS,
      });
      ctx.log(`${creation.sent} creates sent, ${creation.caseIds.length} projected, ${creation.failed} failed`);
      if (creation.caseIds.length === 0) throw new Error('no created case was projected');
      const getLive = await loadApi(ctx, 'GET one case (live workflow state)', database, { url, paths: creation.caseIds.map((id) => `/api/v1/cases/${id}`) });
      const fillCount = Math.max(NOTE_CASES - creation.caseIds.length, 0);
      ctx.log(`opening ${fillCount} more cases at ${FILL_CREATE_RATE}/s for the notes (untimed)`);
      const fill = await measureCaseCreation({
        apiUrl: url, bearerToken: database.bearerToken, sql, customerIds: database.customerIds, caseTypes: ['information_request', 'payment_issue', 'dispute'],
        ratePerSecond: FILL_CREATE_RATE, durationSec: fillCount / FILL_CREATE_RATE, drainTimeoutMs: DRAIN_TIMEOUT_MS,
      });
      const noteCaseIds = [...creation.caseIds, ...fill.caseIds];
      // Unmeasured, as in the one-process run below and bare Temporal's warm-up: one note to each
      // case, so the timed notes meet a warm note path (JIT-compiled handlers, the projection's
      // prepared statement, Postgres pages) and not the first seconds of a cold one.
      ctx.log(`warming the note path: one note to each of the ${noteCaseIds.length} cases`);
      await warmCases({ apiUrl: url, bearerToken: database.bearerToken, caseIds: noteCaseIds, ratePerSecond: WARM_NOTE_RATE, drainTimeoutMs: DRAIN_TIMEOUT_MS });
      const light = await postNotes(url, noteCaseIds, LOW_NOTE_RATE, LOW_NOTE_DURATION_SEC);
      // Where a note's CPU goes, process by process (Linux /proc; NaN elsewhere).
      const pids = {
        api: await findProcessByCommandLine('api-server.ts'),
        worker: await findProcessByCommandLine('case-worker-process.ts'),
        temporal: await findProcessByCommandLine(temporal.dbFile),
        postgres: await findProcessByCommandLine('case-engine-bench-pg-'),
      };
      const readCpu = async () => ({
        api: await readProcessCpuMs(pids.api),
        worker: await readProcessCpuMs(pids.worker),
        temporal: await readProcessCpuMs(pids.temporal),
        postgres: await readProcessTreeCpuMs(pids.postgres),
        loadGenerator: ((usage) => (usage.user + usage.system) / 1000)(process.cpuUsage()),
      });
      const cpuBefore = await readCpu();
      const matchingBefore = await readMatching();
      const notesSinceMs = Date.now();
      const notes = await postNotes(url, noteCaseIds, NOTE_RATE, NOTE_DURATION_SEC);
      const cpuAfter = await readCpu();
      const noteSpooledPercent = spooledPercent(matchingBefore, await readMatching());
      const noteCpuMs = Object.fromEntries(Object.entries(cpuAfter).map(([name, ms]) => [name, (ms - cpuBefore[name as keyof typeof cpuBefore]) / Math.max(notes.visible, 1)]));
      // Where the notes waited inside Temporal, from a sample of the cases' histories (after the timed run).
      const sampled = await sql<Array<{ workflowId: string }>>`select workflow_id as "workflowId" from cases where id = any(${noteCaseIds.slice(0, LEG_SAMPLE_CASES)})`;
      const legs = await measureWorkflowTaskLegs(temporal.address, sampled.map(({ workflowId }) => workflowId), notesSinceMs);
      return { creation, getLive, noteCaseIds, light, notes, noteCpuMs, noteSpooledPercent, legs };
    });
    // Bare Temporal at the notes' rate, right after them on the same server: a signal to one of as
    // many long-running workflows, timed until its local activity ran (no HTTP, no Postgres).
    const temporalPid = await findProcessByCommandLine(temporal.dbFile);
    const bareAtRate = (await measureTemporalBaseline(temporal.address, {
      workflowCount: 0, roundTrips: 0, signalRates: [NOTE_RATE], signalDurationSec: NOTE_DURATION_SEC, signalWorkflows: noteCaseIds.length, readServerCpuMs: () => readProcessCpuMs(temporalPid), readMatching,
    })).signalRates[0]!;
    ctx.log(`bare Temporal at ${NOTE_RATE}/s: signal → local activity p95 ${percentile(bareAtRate.latenciesMs, 0.95).toFixed(0)} ms (${bareAtRate.latenciesMs.length}/${bareAtRate.sent})`);
    ctx.log('the same cases, API and worker in one process (`npm start`)');
    const oneProcessNotes = await withApiServer(env, async ({ url }) => {
      // Unmeasured: the new worker replays each case into its cache on its first note.
      ctx.log(`warming the new worker: one note to each of the ${noteCaseIds.length} cases`);
      await warmCases({ apiUrl: url, bearerToken: database.bearerToken, caseIds: noteCaseIds, ratePerSecond: WARM_NOTE_RATE, drainTimeoutMs: DRAIN_TIMEOUT_MS });
      const matchingBefore = await readMatching();
      const notes = await postNotes(url, noteCaseIds, NOTE_RATE, NOTE_DURATION_SEC);
      return { ...notes, spooledPercent: spooledPercent(matchingBefore, await readMatching()) };
    });
    const roundTrip = { label: 'signal → activity', sortedMs: baseline.roundTripsMs };
    const bareRate = { label: `bare Temporal at ${NOTE_RATE}/s`, sortedMs: bareAtRate.latenciesMs };
    const bareSpooled = { label: `bare Temporal at ${NOTE_RATE}/s`, value: bareAtRate.spooledPercent };
    const bareServerCpuPerSignalMs = bareAtRate.serverCpuMs === null ? Number.NaN : bareAtRate.serverCpuMs / Math.max(bareAtRate.latenciesMs.length, 1);
    return [
      { scenario: SCENARIO, metric: `create: POST /cases → 202 p50 at ${CREATE_RATE}/s (${creation.acceptedMs.length})`, value: percentile(creation.acceptedMs, 0.5), unit: 'ms', baseline: { label: 'INSERT floor p50', value: floorInsert.latencyP50Ms } },
      { scenario: SCENARIO, metric: `create: POST /cases → 202 p95 at ${CREATE_RATE}/s (goal < 500 ms)`, value: percentile(creation.acceptedMs, 0.95), unit: 'ms', baseline: { label: 'INSERT floor p95', value: floorInsert.latencyP95Ms } },
      latencyRow(`create: POST /cases → case row visible p50 (${creation.visibleMs.length})`, creation.visibleMs, 0.5),
      latencyRow('create: POST /cases → case row visible p95', creation.visibleMs, 0.95),
      { scenario: SCENARIO, metric: 'create: failed or never projected', value: creation.sent - creation.caseIds.length, unit: 'requests' },
      ...describeLoad(SCENARIO, `GET one case with live state (${creation.caseIds.length} running workflows)`, getLive, { label: 'SELECT floor', result: floorSelect }),
      latencyRow(`note: POST → note row visible p50 at ${LOW_NOTE_RATE}/s (${light.visible})`, light.latenciesMs, 0.5, roundTrip),
      latencyRow(`note: POST → note row visible p95 at ${LOW_NOTE_RATE}/s`, light.latenciesMs, 0.95, roundTrip),
      latencyRow(`note: POST → note row visible p50 at ${NOTE_RATE}/s over ${noteCaseIds.length} open cases (${notes.visible})`, notes.latenciesMs, 0.5, bareRate),
      latencyRow(`note: POST → note row visible p95 at ${NOTE_RATE}/s (goal < 200 ms)`, notes.latenciesMs, 0.95, bareRate),
      latencyRow(`note: POST → note row visible p99 at ${NOTE_RATE}/s`, notes.latenciesMs, 0.99, bareRate),
      { scenario: SCENARIO, metric: 'note: POST → 202 p95', value: percentile(notes.acceptedMs, 0.95), unit: 'ms', baseline: { label: 'INSERT floor p95', value: floorInsert.latencyP95Ms } },
      { scenario: SCENARIO, metric: `note: offered rate (${notes.sent} sent)`, value: notes.sentPerSecond, unit: 'notes/s', baseline: { label: 'target', value: NOTE_RATE } },
      { scenario: SCENARIO, metric: 'note: failed, rejected or not visible after 30 s', value: notes.sent - notes.visible, unit: 'notes' },
      ...Object.entries(noteCpuMs).map(
        ([name, ms]): Row => ({
          scenario: SCENARIO, metric: `note at ${NOTE_RATE}/s: CPU per note, ${name} process`, value: ms, unit: 'ms',
          ...(name === 'temporal' ? { baseline: { label: `bare Temporal at ${NOTE_RATE}/s, per signal`, value: bareServerCpuPerSignalMs } } : {}),
        }),
      ),
      // Under load the server spools a workflow task when no worker poll is waiting for it, and keeps
      // spooling while that backlog lasts: the share tells a run whose worker kept up from one that fell behind.
      { scenario: SCENARIO, metric: `note at ${NOTE_RATE}/s: workflow tasks spooled to the backlog (no poll waiting)`, value: noteSpooledPercent, unit: '%', baseline: bareSpooled },
      ...([0.5, 0.95] as const).flatMap((fraction): Row[] => [
        latencyRow(`note at ${NOTE_RATE}/s, its leg in Temporal: signal → a worker took its workflow task, p${fraction * 100} (${legs.signalToTaskStartedMs.length})`, legs.signalToTaskStartedMs, fraction),
        latencyRow(`note at ${NOTE_RATE}/s, its leg in the worker: took the task → completed it (projection inside), p${fraction * 100}`, legs.taskStartedToCompletedMs, fraction),
      ]),
      latencyRow(`note, API and worker in one process: POST → visible p50 at ${NOTE_RATE}/s (${oneProcessNotes.visible})`, oneProcessNotes.latenciesMs, 0.5, bareRate),
      latencyRow(`note, API and worker in one process: POST → visible p95 at ${NOTE_RATE}/s`, oneProcessNotes.latenciesMs, 0.95, bareRate),
      { scenario: SCENARIO, metric: 'note, API and worker in one process: failed, rejected or not visible', value: oneProcessNotes.sent - oneProcessNotes.visible, unit: 'notes' },
      { scenario: SCENARIO, metric: 'note, API and worker in one process: workflow tasks spooled to the backlog', value: oneProcessNotes.spooledPercent, unit: '%', baseline: bareSpooled },
    ];
  } finally {
    await sql.end();
    await temporal.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

const api: Scenario = {
  name: SCENARIO,
  async run(ctx) {
    // The floors first and alone: nothing else loads the machine while they are taken.
    const floors = await measureFloors(ctx);
    const database = await prepareApiBenchDatabase(ctx, CASE_COUNT);
    const selectFloor = { label: 'SELECT floor', result: floors.honoSelect };
    const rows: Row[] = [
      { scenario: SCENARIO, metric: `seed ${CASE_COUNT.toLocaleString('en-US')} cases (bulk insert, index build, vacuum analyze)`, value: database.seeding.totalSec, unit: 's' },
      ...(await withApiServer({ DATABASE_URL: database.url }, ({ url }) => measureReads(ctx, database, url, selectFloor))),
    ];
    if (!isReadsOnly) rows.push(...(await measureWrites(ctx, database, floors.honoInsert, floors.honoSelect)));
    return rows;
  },
};

export default api;
