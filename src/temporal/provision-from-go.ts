import { join } from 'node:path';
import { commitInstall, prepareStagingDir, findVerifiedServer } from './install-marker.js';
import type { ProvisionedServer } from './temporal-manifest.js';
import { describeCommandFailure, runCommand } from './run-command.js';
import { verifyCliVersion } from './verify-server-executable.js';

/** The Temporal CLI as a Go module, built with `go install`. */
export interface GoPin {
  package: string;
  version: string;
}

// A plain `go install` leaves the CLI reporting 0.0.0-DEV: its releases stamp the version at link time.
const VERSION_VARIABLE = 'github.com/temporalio/cli/temporalcli.Version';

function resolveInstallDir(toolsDir: string, pin: GoPin): string {
  return join(toolsDir, 'go', `temporal-${pin.version}`);
}

function toPlainVersion(pin: GoPin): string {
  return pin.version.replace(/^v/, '');
}

/** Returns the CLI built earlier under `.tools/go/` when it is complete and intact (else removes it). */
export async function findGoInstall(toolsDir: string, pin: GoPin): Promise<ProvisionedServer | undefined> {
  return await findVerifiedServer(resolveInstallDir(toolsDir, pin), toPlainVersion(pin), 'go');
}

/** Builds the pinned CLI with `go install` into `.tools/go/temporal-<version>/bin` and checks its version. */
export async function installCliFromGo(toolsDir: string, pin: GoPin): Promise<ProvisionedServer> {
  const startedAt = performance.now();
  const installDir = resolveInstallDir(toolsDir, pin);
  const stagingDir = await prepareStagingDir(installDir);
  const version = toPlainVersion(pin);
  const args = ['install', `-ldflags=-X ${VERSION_VARIABLE}=${version}`, `${pin.package}@${pin.version}`];
  const env = { ...process.env, GOBIN: join(stagingDir, 'bin'), GOFLAGS: '-mod=mod', CGO_ENABLED: '0' };
  const result = await runCommand('go', args, { env, timeoutMs: 20 * 60_000 }).catch((error: Error) => {
    throw new Error(`\`go\` is not usable (${error.message}); install Go ≥ 1.25 (golang-go or go.dev)`);
  });
  if (result.code !== 0) throw new Error(describeCommandFailure('go', args, result));
  const executable = join('bin', 'temporal');
  await verifyCliVersion(join(stagingDir, executable), version);
  const installMs = Math.round(performance.now() - startedAt);
  const marker = await commitInstall(stagingDir, installDir, { version, executable, installMs }, [executable]);
  return {
    path: join(installDir, executable),
    version,
    source: 'go',
    installedNow: true,
    resolveMs: installMs,
    installMs,
    installedAt: marker.installedAt,
  };
}
