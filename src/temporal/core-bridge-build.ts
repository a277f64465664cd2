import { copyFile, mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { hashFileSha256 } from './install-marker.js';
import { describeCommandFailure, runCommand } from './run-command.js';
import { PROJECT_ROOT } from './temporal-manifest.js';

/**
 * The Temporal SDK's native core (Rust, `@temporalio/core-bridge`) built from the sources npm ships
 * with it, after `src/temporal/patches/@temporalio+core-bridge+<version>.patch` (patch-package, run
 * first by `postinstall`). The patch stops the core's workflow stream from walking every cached
 * workflow on every input it handles: with the SDK's prebuilt core a signal costs the worker CPU
 * linear in the number of cached workflows (bench/probes/worker-cache-cost.ts).
 *
 * The build needs Rust (cargo) and protoc; it runs once per machine and SDK version and is kept in
 * the user's cache (`CASE_ENGINE_CACHE_DIR`, else `$XDG_CACHE_HOME/case-engine`, else
 * `~/.cache/case-engine`), so a later `npm ci` of any clone copies it in within a second. Where it
 * cannot be built, the SDK's prebuilt core stays and everything works, at that CPU cost.
 * `TEMPORAL_CORE_BRIDGE=prebuilt` keeps the SDK's own core on purpose.
 */

export type CoreBridgeKind = 'patched' | 'prebuilt';

export interface CoreBridgeBuildRecord {
  bridgeVersion: string;
  target: string;
  /** sha256 of the patch the core was built with. */
  patchSha256: string;
  /** sha256 of the built index.node. */
  binarySha256: string;
  rustc: string;
  buildMs: number;
  builtAt: string;
}

export interface InstalledCoreBridge {
  kind: CoreBridgeKind;
  bridgeVersion: string;
  /** The build's record when the installed core is our verified build of the current patch. */
  build?: CoreBridgeBuildRecord;
}

const requireFromProject = createRequire(join(PROJECT_ROOT, 'package.json'));
const RECORD_FILE = 'case-engine-build.json';
const PREBUILT_COPY = 'index.node.prebuilt';
const LIBRARY_NAME = 'temporal_sdk_typescript_bridge';
// The first build compiles ~380 crates with link-time optimisation: minutes on 2 cores.
const BUILD_TIMEOUT_MS = 75 * 60_000;

interface BridgePaths {
  bridgeDir: string;
  bridgeVersion: string;
  target: string;
  releaseDir: string;
  installedBinary: string;
  patchFile: string;
}

const resolveBridgeDir = (): string => dirname(requireFromProject.resolve('@temporalio/core-bridge/package.json'));

async function locateBridge(): Promise<BridgePaths> {
  const bridgeDir = resolveBridgeDir();
  const { version } = JSON.parse(await readFile(join(bridgeDir, 'package.json'), 'utf8')) as { version: string };
  const { getPrebuiltTargetName } = requireFromProject('@temporalio/core-bridge/common') as { getPrebuiltTargetName(): string };
  const target = getPrebuiltTargetName();
  const releaseDir = join(bridgeDir, 'releases', target);
  return {
    bridgeDir,
    bridgeVersion: version,
    target,
    releaseDir,
    installedBinary: join(releaseDir, 'index.node'),
    patchFile: join(PROJECT_ROOT, 'src', 'temporal', 'patches', `@temporalio+core-bridge+${version}.patch`),
  };
}

export function resolveCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.CASE_ENGINE_CACHE_DIR) return env.CASE_ENGINE_CACHE_DIR;
  return join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'case-engine');
}

const readPatchSha256 = (patchFile: string): Promise<string | undefined> => hashFileSha256(patchFile).catch(() => undefined);

async function readRecord(path: string): Promise<CoreBridgeBuildRecord | undefined> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as CoreBridgeBuildRecord;
  } catch {
    return undefined;
  }
}

/** A build record that matches this bridge and patch, and the binary beside it that matches the record. */
async function verifiedRecord(dir: string, binary: string, paths: BridgePaths, patchSha256: string): Promise<CoreBridgeBuildRecord | undefined> {
  const record = await readRecord(join(dir, RECORD_FILE));
  if (!record || record.bridgeVersion !== paths.bridgeVersion || record.target !== paths.target || record.patchSha256 !== patchSha256) return undefined;
  const actual = await hashFileSha256(binary).catch(() => undefined);
  return actual === record.binarySha256 ? record : undefined;
}

/** Which core the worker will load: our verified build of the current patch, or the SDK's prebuilt one. */
export async function describeInstalledCoreBridge(): Promise<InstalledCoreBridge> {
  const paths = await locateBridge();
  const patchSha256 = await readPatchSha256(paths.patchFile);
  const build = patchSha256 ? await verifiedRecord(paths.releaseDir, paths.installedBinary, paths, patchSha256) : undefined;
  return build ? { kind: 'patched', bridgeVersion: paths.bridgeVersion, build } : { kind: 'prebuilt', bridgeVersion: paths.bridgeVersion };
}

/**
 * cargo (with Rust's stable toolchain when the one the bridge pins in rust-toolchain.toml is not
 * installed) and protoc with its well-known types: what building the core takes.
 */
export async function findCoreBridgeBuildTools(): Promise<{ env: NodeJS.ProcessEnv; rustc: string } | { missing: string }> {
  const bridgeDir = resolveBridgeDir();
  const attempts: NodeJS.ProcessEnv[] = process.env.RUSTUP_TOOLCHAIN ? [process.env] : [process.env, { ...process.env, RUSTUP_TOOLCHAIN: 'stable' }];
  for (const env of attempts) {
    const cargo = await runCommand('cargo', ['--version'], { cwd: bridgeDir, env }).catch(() => undefined);
    if (cargo?.code !== 0) continue;
    const protoc = await runCommand(env.PROTOC ?? 'protoc', ['--version'], { env }).catch(() => undefined);
    const wellKnownTypes = env.PROTOC_INCLUDE ?? '/usr/include';
    if (protoc?.code !== 0 || !(await stat(join(wellKnownTypes, 'google/protobuf/duration.proto')).catch(() => undefined))) {
      return { missing: 'protoc and its well-known types are not installed (Debian: `apt-get install protobuf-compiler libprotobuf-dev`)' };
    }
    const rustc = await runCommand('rustc', ['--version'], { cwd: bridgeDir, env }).catch(() => undefined);
    return { env, rustc: rustc?.stdout.trim() ?? 'unknown' };
  }
  return { missing: 'Rust (cargo) is not installed' };
}

const libraryFileName = (): string =>
  process.platform === 'win32' ? `${LIBRARY_NAME}.dll` : process.platform === 'darwin' ? `lib${LIBRARY_NAME}.dylib` : `lib${LIBRARY_NAME}.so`;

/** Checks that Node loads the built core (in a child process: a broken addon must not take this one down). */
async function checkLoads(binary: string): Promise<string | undefined> {
  const result = await runCommand(process.execPath, ['-e', `require(${JSON.stringify(binary)})`]);
  return result.code === 0 ? undefined : describeCommandFailure('node', ['-e', `require(<built core>)`], result);
}

async function buildIntoCache(paths: BridgePaths, patchSha256: string, cacheEntry: string, log: (line: string) => void): Promise<CoreBridgeBuildRecord | string> {
  const cargo = await findCoreBridgeBuildTools();
  if ('missing' in cargo) return cargo.missing;
  const targetDir = join(resolveCacheDir(), 'core-bridge', 'target');
  log(`Temporal SDK core: building the patched core from @temporalio/core-bridge ${paths.bridgeVersion}'s sources with ${cargo.rustc} (once per machine; the first build takes many minutes)`);
  const startedAt = Date.now();
  const args = ['build', '--release', '--locked'];
  const result = await runCommand('cargo', args, { cwd: paths.bridgeDir, env: { ...cargo.env, CARGO_TARGET_DIR: targetDir }, timeoutMs: BUILD_TIMEOUT_MS });
  if (result.code !== 0) return describeCommandFailure('cargo', args, result);
  const staging = `${cacheEntry}.staging-${process.pid}`;
  await rm(staging, { recursive: true, force: true });
  await mkdir(staging, { recursive: true });
  // Named index.node, as the SDK loads it: Node loads a native addon only by its .node extension.
  await copyFile(join(targetDir, 'release', libraryFileName()), join(staging, 'index.node'));
  const loadFailure = await checkLoads(join(staging, 'index.node'));
  if (loadFailure) {
    await rm(staging, { recursive: true, force: true });
    return `the built core does not load: ${loadFailure}`;
  }
  const record: CoreBridgeBuildRecord = {
    bridgeVersion: paths.bridgeVersion,
    target: paths.target,
    patchSha256,
    binarySha256: await hashFileSha256(join(staging, 'index.node')),
    rustc: cargo.rustc,
    buildMs: Date.now() - startedAt,
    builtAt: new Date().toISOString(),
  };
  await writeFile(join(staging, RECORD_FILE), `${JSON.stringify(record, null, 2)}\n`);
  await rm(cacheEntry, { recursive: true, force: true });
  await rename(staging, cacheEntry);
  return record;
}

/** Puts a core into the bridge's release directory, keeping the SDK's prebuilt one beside it. */
async function installBinary(paths: BridgePaths, source: string, record: CoreBridgeBuildRecord | undefined): Promise<void> {
  const prebuiltCopy = join(paths.releaseDir, PREBUILT_COPY);
  if (!(await stat(prebuiltCopy).catch(() => undefined))) await copyFile(paths.installedBinary, prebuiltCopy);
  const staging = `${paths.installedBinary}.staging-${process.pid}`;
  await copyFile(source, staging);
  await rename(staging, paths.installedBinary);
  if (record) await writeFile(join(paths.releaseDir, RECORD_FILE), `${JSON.stringify(record, null, 2)}\n`);
  else await rm(join(paths.releaseDir, RECORD_FILE), { force: true });
}

/**
 * Installs the patched core: from the cache when this bridge version and patch were built before,
 * else built now. Never fails the install: where the core cannot be built, it says why and the
 * SDK's prebuilt core stays.
 */
export async function ensureCoreBridge(log: (line: string) => void = console.log): Promise<InstalledCoreBridge> {
  const paths = await locateBridge();
  const wanted = process.env.TEMPORAL_CORE_BRIDGE ?? 'patched';
  const prebuiltCopy = join(paths.releaseDir, PREBUILT_COPY);
  if (wanted === 'prebuilt') {
    if (await stat(prebuiltCopy).catch(() => undefined)) await installBinary(paths, prebuiltCopy, undefined);
    log('Temporal SDK core: the SDK\'s prebuilt core (TEMPORAL_CORE_BRIDGE=prebuilt)');
    return { kind: 'prebuilt', bridgeVersion: paths.bridgeVersion };
  }
  if (wanted !== 'patched') throw new Error(`TEMPORAL_CORE_BRIDGE must be "patched" or "prebuilt", not ${JSON.stringify(wanted)}`);
  const patchSha256 = await readPatchSha256(paths.patchFile);
  if (!patchSha256) {
    log(`Temporal SDK core: no patch for @temporalio/core-bridge ${paths.bridgeVersion} in src/temporal/patches; the SDK's prebuilt core stays`);
    return { kind: 'prebuilt', bridgeVersion: paths.bridgeVersion };
  }
  const installed = await verifiedRecord(paths.releaseDir, paths.installedBinary, paths, patchSha256);
  if (installed) return { kind: 'patched', bridgeVersion: paths.bridgeVersion, build: installed };
  const cacheEntry = join(resolveCacheDir(), 'core-bridge', `${paths.bridgeVersion}-${paths.target}-${patchSha256.slice(0, 16)}`);
  let record = await verifiedRecord(cacheEntry, join(cacheEntry, 'index.node'), paths, patchSha256);
  if (!record) {
    const built = await buildIntoCache(paths, patchSha256, cacheEntry, log);
    if (typeof built === 'string') {
      log(`Temporal SDK core: kept the SDK's prebuilt core, whose CPU per signal grows with the cached workflows: ${built}`);
      return { kind: 'prebuilt', bridgeVersion: paths.bridgeVersion };
    }
    record = built;
  }
  await installBinary(paths, join(cacheEntry, 'index.node'), record);
  log(`Temporal SDK core: patched build installed (built ${record.builtAt} with ${record.rustc})`);
  return { kind: 'patched', bridgeVersion: paths.bridgeVersion, build: record };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await ensureCoreBridge();
}
