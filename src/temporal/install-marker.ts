import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { access, constants, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ProvisionedServer, ProvisionSource } from './temporal-manifest.js';

/**
 * Written last into an install directory: its presence means the install finished and was
 * verified; the hashes let a later run detect a corrupt or tampered cache before trusting it.
 */
export interface InstallMarker {
  version: string;
  /** Executable, relative to the install directory. */
  executable: string;
  /** sha256 of every file that matters, relative path → hex digest. */
  files: Record<string, string>;
  installedAt: string;
  installMs: number;
}

const MARKER_FILE = 'install.json';

/** Hashes a file with sha256 (streamed: the executables are 80–160 MB). */
export async function hashFileSha256(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Tells whether a path exists and is executable by this process. */
export async function isExecutable(path: string): Promise<boolean> {
  try {
    await access(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Reads an install directory's marker and re-checks every recorded hash. Returns the marker when
 * the install is complete and intact; otherwise deletes the directory (a half-finished or corrupt
 * install is repaired by installing again, never trusted) and returns undefined.
 */
export async function readVerifiedInstall(installDir: string): Promise<InstallMarker | undefined> {
  let marker: InstallMarker;
  try {
    marker = JSON.parse(await readFile(join(installDir, MARKER_FILE), 'utf8')) as InstallMarker;
  } catch {
    await rm(installDir, { recursive: true, force: true });
    return undefined;
  }
  for (const [relativePath, expected] of Object.entries(marker.files)) {
    const actual = await hashFileSha256(join(installDir, relativePath)).catch(() => 'missing');
    if (actual !== expected) {
      await rm(installDir, { recursive: true, force: true });
      return undefined;
    }
  }
  if (!(await isExecutable(join(installDir, marker.executable)))) {
    await rm(installDir, { recursive: true, force: true });
    return undefined;
  }
  return marker;
}

/** Creates an empty staging directory beside the final one (left-overs of a crashed run are removed). */
export async function prepareStagingDir(installDir: string): Promise<string> {
  const stagingDir = `${installDir}.partial`;
  await rm(stagingDir, { recursive: true, force: true });
  await rm(installDir, { recursive: true, force: true });
  await mkdir(stagingDir, { recursive: true });
  return stagingDir;
}

/**
 * Hashes the listed files, writes the marker and moves the staging directory into place, so that
 * the final directory only ever exists complete.
 */
export async function commitInstall(
  stagingDir: string,
  installDir: string,
  marker: Omit<InstallMarker, 'files' | 'installedAt'>,
  filesToHash: readonly string[],
): Promise<InstallMarker> {
  const files: Record<string, string> = {};
  for (const relativePath of filesToHash) files[relativePath] = await hashFileSha256(join(stagingDir, relativePath));
  const complete: InstallMarker = { ...marker, files, installedAt: new Date().toISOString() };
  await writeFile(join(stagingDir, MARKER_FILE), `${JSON.stringify(complete, null, 2)}\n`);
  await rename(stagingDir, installDir);
  return complete;
}

/** The server installed earlier in `installDir` when its marker verifies and names `version`; else undefined. */
export async function findVerifiedServer(installDir: string, version: string, source: ProvisionSource): Promise<ProvisionedServer | undefined> {
  const marker = await readVerifiedInstall(installDir);
  if (!marker || marker.version !== version) return undefined;
  return {
    path: join(installDir, marker.executable),
    version: marker.version,
    source,
    installedNow: false,
    resolveMs: 0,
    installMs: marker.installMs,
    installedAt: marker.installedAt,
  };
}
