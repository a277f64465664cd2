import { randomUUID } from 'node:crypto';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import postgres from 'postgres';
import { startEmbeddedPostgres } from '../db/embedded-postgres.js';
import { describeInstalledCoreBridge } from '../src/temporal/core-bridge-build.js';
import type { BenchContext, LoadSettings, Row, Scenario } from './bench-types.js';
import { describeMachine } from './lib/describe-machine.js';
import { formatBenchTable } from './lib/format-bench-table.js';

/**
 * `npm run bench [scenario...]`: runs every scenario of bench/scenarios (or the named ones) on one
 * throw-away Postgres, prints one table of figures beside their same-run baselines, and writes the
 * rows as JSON to bench/results/. A failing scenario is reported and the others still run.
 */
const benchDir = path.dirname(fileURLToPath(import.meta.url));
const requestedNames = process.argv.slice(2);
const load = readLoadSettings();
const startedAt = new Date().toISOString();
const machine = describeMachine();
// Which Temporal SDK core the bench's workers load: the prebuilt one costs CPU per signal linear in the cached workflows.
const temporalCore = await describeInstalledCoreBridge();

const scenarios = await loadScenarios(path.join(benchDir, 'scenarios'));
const unknownNames = requestedNames.filter((name) => !scenarios.some((scenario) => scenario.name === name));
if (unknownNames.length > 0) {
  console.error(`unknown scenario(s): ${unknownNames.join(', ')}; known: ${scenarios.map((scenario) => scenario.name).join(', ')}`);
  process.exit(2);
}
const selected = requestedNames.length ? scenarios.filter((scenario) => requestedNames.includes(scenario.name)) : scenarios;

console.log(
  `machine: ${machine.cores} cores (${machine.cpuModel}), ${machine.memoryGb} GB, node ${machine.node}, ${machine.platform}, load average ${machine.loadAverage1m} at start`,
);
console.log(
  `Temporal SDK core: @temporalio/core-bridge ${temporalCore.bridgeVersion}, ${temporalCore.build ? `patched build (src/temporal/patches, ${temporalCore.build.rustc})` : "the SDK's prebuilt core (unpatched)"}`,
);
console.log(`load: autocannon in its own process, ${load.connections} connections, ${load.warmupSec} s warm-up + ${load.durationSec} s measured per figure, loopback only`);

// Directly under /tmp: initdb runs as the `postgres` user when we are root, and cannot enter a
// root-only mkdtemp directory, but can create its own in the world-writable /tmp.
const dataDir = path.join(tmpdir(), `case-engine-bench-pg-${randomUUID()}`);
const server = await startEmbeddedPostgres({ dataDir, persistent: false });
const stopPostgres = async () => {
  await server.stop().catch(() => undefined);
  await rm(dataDir, { recursive: true, force: true });
};

const rows: Row[] = [];
const failures: Array<{ scenario: string; error: string }> = [];
try {
  const ctx = createContext(server.adminUrl, server.urlFor);
  for (const entry of selected) {
    console.log(`\n== ${entry.name}`);
    try {
      if (!entry.scenario) throw new Error(entry.loadError);
      rows.push(...(await entry.scenario.run(ctx)));
    } catch (error) {
      const message = describeError(error);
      console.error(`scenario ${entry.name} failed: ${message}`);
      failures.push({ scenario: entry.name, error: message });
    }
  }
} finally {
  await stopPostgres();
}

console.log(`\n${formatBenchTable(rows)}`);
const resultsDir = path.join(benchDir, 'results');
await mkdir(resultsDir, { recursive: true });
const resultsPath = path.join(resultsDir, `${startedAt.replace(/[:.]/g, '-')}.json`);
await writeFile(resultsPath, `${JSON.stringify({ startedAt, machine, temporalCore: { kind: temporalCore.kind, bridgeVersion: temporalCore.bridgeVersion }, load, rows, failures }, null, 2)}\n`);
console.log(`\nresults written to ${path.relative(process.cwd(), resultsPath)}`);
if (failures.length > 0) {
  console.error(`${failures.length} scenario(s) failed: ${failures.map((failure) => failure.scenario).join(', ')}`);
}
// Explicit: embedded-postgres hooks `beforeExit` and exits with 0, which would hide process.exitCode.
process.exit(failures.length > 0 ? 1 : 0);

function readLoadSettings(): LoadSettings {
  // Defaults sized for a 2-core machine: enough connections to saturate one server process
  // without the load generator itself becoming the bottleneck.
  return {
    connections: readPositiveNumber('BENCH_CONNECTIONS', 50),
    durationSec: readPositiveNumber('BENCH_DURATION_SEC', 10),
    warmupSec: readPositiveNumber('BENCH_WARMUP_SEC', 2),
  };
}

function readPositiveNumber(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a non-negative number, got "${raw}"`);
  return value;
}

interface ScenarioEntry {
  name: string;
  scenario?: Scenario;
  loadError?: string;
}

/** Imports every scenario module in file-name order; a module that fails to load becomes a failure, not a crash. */
async function loadScenarios(scenariosDir: string): Promise<ScenarioEntry[]> {
  const files = (await readdir(scenariosDir)).filter((file) => file.endsWith('.ts')).sort();
  const entries: ScenarioEntry[] = [];
  for (const file of files) {
    const fileName = path.basename(file, '.ts');
    try {
      const module = (await import(pathToFileURL(path.join(scenariosDir, file)).href)) as { default?: Partial<Scenario> };
      const candidate = module.default;
      if (typeof candidate?.name !== 'string' || typeof candidate.run !== 'function') {
        throw new Error(`bench/scenarios/${file} must default-export { name, run(ctx) }`);
      }
      entries.push({ name: candidate.name, scenario: candidate as Scenario });
    } catch (error) {
      entries.push({ name: fileName, loadError: describeError(error) });
    }
  }
  return entries;
}

function describeError(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

function createContext(adminUrl: string, urlFor: (database: string) => string): BenchContext {
  const memos = new Map<string, Promise<unknown>>();
  let databaseCount = 0;
  return {
    postgres: { adminUrl, urlFor },
    load,
    async createDatabase(namePrefix) {
      const name = `${namePrefix.toLowerCase().replace(/[^a-z0-9_]/g, '_')}_${++databaseCount}`;
      const admin = postgres(adminUrl, { max: 1, onnotice: () => undefined });
      try {
        await admin.unsafe(`create database "${name}"`);
      } finally {
        await admin.end();
      }
      return urlFor(name);
    },
    memo<T>(key: string, compute: () => Promise<T>) {
      if (!memos.has(key)) memos.set(key, compute());
      return memos.get(key) as Promise<T>;
    },
    log: (message) => console.log(`  ${message}`),
  };
}
