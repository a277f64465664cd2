import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { LoadRequest, LoadResult } from './load-request.js';

export type { LoadRequest, LoadResult } from './load-request.js';

const generatorPath = fileURLToPath(new URL('./load-generator.ts', import.meta.url));

/**
 * Loads a URL with autocannon from a separate Node process (so the load generator never shares
 * an event loop with the server under test) and returns throughput and latency percentiles.
 */
export async function runLoad(request: LoadRequest): Promise<LoadResult> {
  const child = spawn(process.execPath, ['--import', 'tsx', generatorPath, JSON.stringify(request)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exitCode = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => resolve(code));
  });
  const lastLine = stdout.trim().split('\n').at(-1);
  if (exitCode !== 0 || !lastLine) {
    throw new Error(`load generator exited with ${exitCode} against ${request.url}: ${stderr.trim().slice(-2000)}`);
  }
  const result = JSON.parse(lastLine) as LoadResult;
  if (result.okCount === 0) {
    throw new Error(`no 2xx response from ${request.url} (${result.non2xxCount} non-2xx, ${result.errorCount} errors)`);
  }
  return result;
}
