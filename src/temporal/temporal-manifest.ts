import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export type ServerKind = 'cli' | 'testServer';
export type ProvisionSource = 'explicit-path' | 'sdk-download' | 'pypi' | 'go' | 'maven';

/** One resolved server executable, as recorded in `.tools/temporal.json`. */
export interface ProvisionedServer {
  /** Absolute path of the executable (stored relative to the tools directory when inside it). */
  path: string;
  version: string;
  source: ProvisionSource;
  /** Whether this run installed it (false = reused or given). */
  installedNow: boolean;
  /** Time spent resolving it in this run, in milliseconds. */
  resolveMs: number;
  /** Time the install took when it was made, in milliseconds. */
  installMs?: number;
  installedAt?: string;
}

export interface TemporalManifest {
  cli: ProvisionedServer;
  testServer: ProvisionedServer;
  /** What was tried before each server was found, with the errors: the provisioning log. */
  attempts: { server: ServerKind; source: ProvisionSource; outcome: string }[];
  provisionedAt: string;
  totalMs: number;
}

export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const MANIFEST_FILE = 'temporal.json';

/** The tools directory: `TEMPORAL_TOOLS_DIR` if set, else `.tools/` at the project root. */
export function resolveToolsDir(): string {
  const fromEnv = process.env.TEMPORAL_TOOLS_DIR;
  return fromEnv ? resolve(fromEnv) : join(PROJECT_ROOT, '.tools');
}

function toStoredPath(toolsDir: string, path: string): string {
  const inside = relative(toolsDir, path);
  return inside.startsWith('..') || isAbsolute(inside) ? path : inside;
}

/** Writes `temporal.json`, with executables inside the tools directory stored relative to it (the tree may move). */
export async function writeTemporalManifest(toolsDir: string, manifest: TemporalManifest): Promise<void> {
  await mkdir(toolsDir, { recursive: true });
  const stored: TemporalManifest = {
    ...manifest,
    cli: { ...manifest.cli, path: toStoredPath(toolsDir, manifest.cli.path) },
    testServer: { ...manifest.testServer, path: toStoredPath(toolsDir, manifest.testServer.path) },
  };
  await writeFile(join(toolsDir, MANIFEST_FILE), `${JSON.stringify(stored, null, 2)}\n`);
}

/**
 * Reads `temporal.json` with absolute executable paths. Throws a message telling how to provision
 * when it is missing: tests and `npm start` only read what `npm run setup:temporal` recorded.
 */
export async function readTemporalManifest(toolsDir = resolveToolsDir()): Promise<TemporalManifest> {
  let manifest: TemporalManifest;
  try {
    manifest = JSON.parse(await readFile(join(toolsDir, MANIFEST_FILE), 'utf8')) as TemporalManifest;
  } catch {
    throw new Error(
      `Temporal servers are not provisioned (no ${join(toolsDir, MANIFEST_FILE)}): run \`npm run setup:temporal\``,
    );
  }
  return {
    ...manifest,
    cli: { ...manifest.cli, path: resolve(toolsDir, manifest.cli.path) },
    testServer: { ...manifest.testServer, path: resolve(toolsDir, manifest.testServer.path) },
  };
}
