import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findFreePort } from '../../src/net/find-free-port.js';

const projectRoot = path.resolve(import.meta.dirname, '../..');

interface Outcome {
  exitCode: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `npm start`'s entry with a given environment and waits for it to exit by itself. */
async function runMain(env: Record<string, string>): Promise<Outcome> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: projectRoot,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exitCode = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  return { exitCode, stdout, stderr };
}

describe('npm start refuses bad input with one clear line', () => {
  let dataDir: string;
  let blocker: Server;
  let busyPort: number;

  beforeAll(async () => {
    dataDir = path.join(await mkdtemp(path.join(tmpdir(), 'case-engine-start-')), 'data');
    blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    busyPort = (blocker.address() as { port: number }).port;
  });
  afterAll(() => new Promise<void>((resolve) => blocker.close(() => resolve())));

  it('names a malformed variable and exits non-zero', async () => {
    const outcome = await runMain({ PORT: 'eighty', DATA_DIR: dataDir });
    expect(outcome.exitCode).toBe(2);
    expect(outcome.stderr.trim().split('\n')).toHaveLength(1);
    expect(outcome.stderr).toMatch(/PORT="eighty"/);
    expect(existsSync(dataDir)).toBe(false);
  });

  it('names the port that is in use before starting anything', async () => {
    const outcome = await runMain({ PORT: String(busyPort), DATA_DIR: dataDir });
    expect(outcome.exitCode).toBe(1);
    expect(outcome.stderr.trim().split('\n')).toHaveLength(1);
    expect(outcome.stderr).toContain(`port ${busyPort} on 127.0.0.1 is already in use`);
    expect(outcome.stderr).toContain('set PORT');
    expect(existsSync(dataDir)).toBe(false);
  });

  it('names an unreachable DATABASE_URL without its password', async () => {
    const deadPort = await findFreePort();
    const outcome = await runMain({
      PORT: String(await findFreePort()),
      DATA_DIR: dataDir,
      DATABASE_URL: `postgres://app:s3cret@127.0.0.1:${deadPort}/cases`,
    });
    expect(outcome.exitCode).toBe(1);
    expect(outcome.stderr.trim().split('\n')).toHaveLength(1);
    expect(outcome.stderr).toContain(`cannot reach Postgres at 127.0.0.1:${deadPort}/cases (DATABASE_URL)`);
    expect(outcome.stderr).not.toContain('s3cret');
  });
});
