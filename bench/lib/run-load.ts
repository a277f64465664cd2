import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { InterleavedLoadRequest, LoadRequest, LoadResult } from './load-request.js';

export type { InterleavedLoadRequest, LoadRequest, LoadResult, LoadTarget } from './load-request.js';

const generatorPath = fileURLToPath(new URL('./load-generator.ts', import.meta.url));

/**
 * Loads a URL with autocannon from a separate Node process (so the load generator never shares
 * an event loop with the server under test) and returns throughput and latency percentiles.
 */
export async function runLoad(request: LoadRequest): Promise<LoadResult> {
  const { connections, durationSec, warmupSec, ...target } = request;
  const [result] = await runInterleavedLoad({ targets: [target], rounds: 1, connections, durationSec, warmupSec });
  return result!;
}

/** Loads several targets in turn, round after round, from one load generator process; one result per target. */
export async function runInterleavedLoad(request: InterleavedLoadRequest): Promise<LoadResult[]> {
  // The request goes over stdin: thousands of paths would overflow an argument list (E2BIG).
  const child = spawn(process.execPath, ['--import', 'tsx', generatorPath], { stdio: ['pipe', 'pipe', 'pipe'] });
  child.stdin.end(JSON.stringify(request));
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exitCode = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => resolve(code));
  });
  const lastLine = stdout.trim().split('\n').at(-1);
  const urls = request.targets.map((target) => target.url).join(', ');
  if (exitCode !== 0 || !lastLine) {
    throw new Error(`load generator exited with ${exitCode} against ${urls}: ${stderr.trim().slice(-2000)}`);
  }
  const results = JSON.parse(lastLine) as LoadResult[];
  for (const [index, result] of results.entries()) {
    if (result.okCount === 0) {
      throw new Error(`no 2xx response from ${request.targets[index]!.url} (${result.non2xxCount} non-2xx, ${result.errorCount} errors)`);
    }
  }
  return results;
}
