import { spawn } from 'node:child_process';

/** Prefix of the one stdout line a server module prints once it listens: `<prefix><url>`. */
export const listeningLinePrefix = 'BENCH_SERVER_LISTENING ';

export interface ChildServer {
  url: string;
  stop(): Promise<void>;
}

export interface StartChildServerOptions {
  /** Absolute path of a TypeScript module that listens and then calls announceListening(). */
  modulePath: string;
  env?: Record<string, string>;
  readyTimeoutMs?: number;
}

/**
 * Runs a server module in its own Node process, so the server under test gets an event loop of
 * its own, and resolves with its URL once the module announces it listens.
 */
export async function startChildServer(options: StartChildServerOptions): Promise<ChildServer> {
  // stdin stays a pipe: the child exits when it closes, so no server outlives a crashed runner.
  const nodeArgs = (options.env?.BENCH_CHILD_NODE_ARGS ?? process.env.BENCH_CHILD_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', options.modulePath], {
    stdio: ['pipe', 'pipe', 'pipe'],
    env: { ...process.env, ...options.env },
  });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr = (stderr + chunk).slice(-4000)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${options.modulePath} did not listen in time: ${stderr}`)), options.readyTimeoutMs ?? 30_000);
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      const line = stdout.split('\n').find((candidate) => candidate.startsWith(listeningLinePrefix));
      if (!line) return;
      clearTimeout(timer);
      resolve(line.slice(listeningLinePrefix.length).trim());
    });
    child.once('error', reject);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${options.modulePath} exited with ${code} before listening: ${stderr}`));
    });
  }).catch(async (error: unknown) => {
    child.kill('SIGKILL');
    await exited;
    throw error;
  });

  return {
    url,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const killTimer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(killTimer);
    },
  };
}
