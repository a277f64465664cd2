import { spawn } from 'node:child_process';
import { connect } from 'node:net';
import { findFreePort } from '../net/find-free-port.js';
import { runCommand } from './run-command.js';

/** Runs `temporal --version` and returns the CLI's own version ("1.9.1"), or throws saying why not. */
export async function readCliVersion(executablePath: string): Promise<string> {
  const result = await runCommand(executablePath, ['--version'], { timeoutMs: 20_000 });
  const match = /temporal version (\S+)/.exec(result.stdout);
  if (result.code !== 0 || !match?.[1]) {
    throw new Error(`${executablePath} --version did not report a version: ${result.stdout}${result.stderr}`.trim());
  }
  return match[1];
}

/** Checks the CLI reports the expected version; throws naming both versions when it does not. */
export async function verifyCliVersion(executablePath: string, expectedVersion: string | undefined): Promise<string> {
  const version = await readCliVersion(executablePath);
  if (expectedVersion !== undefined && version !== expectedVersion) {
    throw new Error(`${executablePath} reports version ${version}, expected ${expectedVersion}`);
  }
  return version;
}

async function canConnect(port: number): Promise<boolean> {
  return await new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/**
 * Starts the time-skipping test server on a free port, waits until it accepts connections and
 * stops it. The test server has no `--version`, so this is the proof that the executable runs.
 * Returns how long the server took to start, in milliseconds.
 */
export async function probeTestServer(executablePath: string, timeoutMs = 60_000): Promise<number> {
  const port = await findFreePort();
  const startedAt = performance.now();
  const child = spawn(executablePath, [String(port)], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  let exited = false;
  child.once('exit', () => {
    exited = true;
  });
  const spawnError = new Promise<Error>((resolve) => child.once('error', resolve));
  try {
    while (performance.now() - startedAt < timeoutMs) {
      if (exited) throw new Error(`${executablePath} exited while starting: ${stderr}`);
      const outcome = await Promise.race([canConnect(port), spawnError]);
      if (outcome instanceof Error) throw outcome;
      if (outcome) return performance.now() - startedAt;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`${executablePath} did not accept connections within ${timeoutMs} ms: ${stderr}`);
  } finally {
    child.kill('SIGKILL');
  }
}
