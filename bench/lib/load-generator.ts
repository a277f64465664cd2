import autocannon from 'autocannon';
import type { LoadRequest, LoadResult } from './load-request.js';

/**
 * Entry of the load-generating child process (started by runLoad): reads a LoadRequest as JSON
 * from argv, warms up, measures, and prints one LoadResult as JSON on stdout. It runs apart from
 * the server under test so the two never share an event loop.
 */
async function main(): Promise<void> {
  const request = JSON.parse(process.argv[2] ?? '') as LoadRequest;
  if ((request.warmupSec ?? 0) > 0) await measureLoad({ ...request, durationSec: request.warmupSec ?? 0 });
  process.stdout.write(`${JSON.stringify(await measureLoad(request))}\n`);
}

async function measureLoad(request: LoadRequest): Promise<LoadResult> {
  const isJsonBody = request.body !== undefined && typeof request.body !== 'string';
  const headers = { ...(isJsonBody ? { 'content-type': 'application/json' } : {}), ...request.headers };
  const body = isJsonBody ? JSON.stringify(request.body) : (request.body as string | undefined);
  const paths = request.paths ?? [];
  let nextPathIndex = 0;
  const options: autocannon.Options = {
    url: request.url,
    method: request.method ?? 'GET',
    headers,
    body,
    connections: request.connections,
    duration: request.durationSec,
    requests: paths.length
      ? [{ setupRequest: (req) => ({ ...req, path: paths[nextPathIndex++ % paths.length] }) }]
      : undefined,
  };
  // autocannon's own histogram holds whole milliseconds and has no p95; these samples have neither limit.
  const latencies = new LatencySamples();
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(options, (error, finished) => (error ? reject(error) : resolve(finished)));
    instance.on('response', (_client, statusCode, _bytes, responseTimeMs) => {
      if (statusCode >= 200 && statusCode < 300) latencies.add(responseTimeMs);
    });
  });
  const sortedMs = latencies.sorted();
  return {
    requestsPerSec: result['2xx'] / result.duration,
    latencyP50Ms: percentileOf(sortedMs, 50),
    latencyP95Ms: percentileOf(sortedMs, 95),
    latencyP99Ms: percentileOf(sortedMs, 99),
    latencyMaxMs: sortedMs.at(-1) ?? Number.NaN,
    okCount: result['2xx'],
    non2xxCount: result.non2xx,
    errorCount: result.errors,
    timeoutCount: result.timeouts,
    durationSec: result.duration,
    connections: request.connections,
  };
}

/** A growable array of float samples; a plain number[] of a few hundred thousand would do too, but slower. */
class LatencySamples {
  private values = new Float64Array(1 << 16);
  private count = 0;

  add(valueMs: number): void {
    if (this.count === this.values.length) {
      const grown = new Float64Array(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.count++] = valueMs;
  }

  sorted(): Float64Array {
    return this.values.slice(0, this.count).sort();
  }
}

/** Nearest-rank percentile. */
function percentileOf(sortedMs: Float64Array, percent: number): number {
  if (sortedMs.length === 0) return Number.NaN;
  const rank = Math.ceil((percent / 100) * sortedMs.length);
  return sortedMs[Math.min(sortedMs.length, Math.max(1, rank)) - 1] ?? Number.NaN;
}

await main();
