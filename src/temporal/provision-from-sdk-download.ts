import { readdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { commitInstall, prepareStagingDir, readVerifiedInstall } from './install-marker.js';
import type { ProvisionedServer, ServerKind } from './temporal-manifest.js';
import { probeTestServer, readCliVersion } from './verify-server-executable.js';

// The host @temporalio/core-bridge downloads both servers from (ephemeral_server/mod.rs).
const DOWNLOAD_HOST_URL = 'https://temporal.download/';
const REACHABILITY_TIMEOUT_MS = 3_000;

const sdkVersion = (createRequire(import.meta.url)('@temporalio/testing/package.json') as { version: string }).version;

function resolveInstallDir(toolsDir: string, server: ServerKind): string {
  return join(toolsDir, 'sdk-download', `${server}-sdk-typescript-${sdkVersion}`);
}

// Asked once per process: both servers come from the same host.
let reachability: Promise<boolean> | undefined;

/**
 * Tells whether the SDK's download host answers within 3 s. Without internet the SDK's own
 * download would hang on connect timeouts; this makes that case fail fast.
 */
export async function isSdkDownloadReachable(): Promise<boolean> {
  reachability ??= fetch(DOWNLOAD_HOST_URL, { method: 'HEAD', signal: AbortSignal.timeout(REACHABILITY_TIMEOUT_MS) }).then(
    () => true,
    () => false,
  );
  return await reachability;
}

/** Returns what the SDK downloaded earlier for this SDK version, when complete and intact. */
export async function findSdkDownload(toolsDir: string, server: ServerKind): Promise<ProvisionedServer | undefined> {
  const installDir = resolveInstallDir(toolsDir, server);
  const marker = await readVerifiedInstall(installDir);
  if (!marker) return undefined;
  return {
    path: join(installDir, marker.executable),
    version: marker.version,
    source: 'sdk-download',
    installedNow: false,
    resolveMs: 0,
    installMs: marker.installMs,
    installedAt: marker.installedAt,
  };
}

/**
 * Lets @temporalio/testing download the server it normally uses (its `cached-download` into the
 * tools directory) by starting it once, then records the executable it left there.
 */
export async function installFromSdkDownload(toolsDir: string, server: ServerKind): Promise<ProvisionedServer> {
  const startedAt = performance.now();
  if (!(await isSdkDownloadReachable())) {
    throw new Error(`${DOWNLOAD_HOST_URL} is not reachable (checked with a ${REACHABILITY_TIMEOUT_MS} ms timeout)`);
  }
  const installDir = resolveInstallDir(toolsDir, server);
  const stagingDir = await prepareStagingDir(installDir);
  const executableOption = { type: 'cached-download' as const, downloadDir: stagingDir };
  const env =
    server === 'cli'
      ? await TestWorkflowEnvironment.createLocal({ server: { executable: executableOption } })
      : await TestWorkflowEnvironment.createTimeSkipping({ server: { executable: executableOption } });
  await env.teardown();

  const prefix = server === 'cli' ? 'temporal-sdk-' : 'temporal-test-server-';
  const executable = (await readdir(stagingDir)).find((name) => name.startsWith(prefix) && !name.endsWith('.downloading'));
  if (!executable) throw new Error(`the SDK download left no ${prefix}* executable in ${stagingDir}`);
  const executablePath = join(stagingDir, executable);
  const version = server === 'cli' ? await readCliVersion(executablePath) : `sdk-typescript-${sdkVersion}-default`;
  if (server === 'testServer') await probeTestServer(executablePath);
  const installMs = Math.round(performance.now() - startedAt);
  const marker = await commitInstall(stagingDir, installDir, { version, executable, installMs }, [executable]);
  return {
    path: join(installDir, executable),
    version,
    source: 'sdk-download',
    installedNow: true,
    resolveMs: installMs,
    installMs,
    installedAt: marker.installedAt,
  };
}
