import { text } from 'node:stream/consumers';
import autocannon from 'autocannon';
import type { InterleavedLoadRequest, LoadResult, LoadTarget } from './load-request.js';

/**
 * Entry of the load-generating child process (started by runLoad): reads an InterleavedLoadRequest
 * as JSON from stdin, warms every target up, measures them in turn round after round, and prints
 * one LoadResult per target as a JSON array on stdout. It runs apart from the servers under test
 * so they never share an event loop.
 */
async function main(): Promise<void> {
  const request = JSON.parse(await text(process.stdin)) as InterleavedLoadRequest;
  const rounds = Math.max(1, Math.floor(request.rounds));
  const tallies = request.targets.map(() => new Tally());
  if ((request.warmupSec ?? 0) > 0) {
    for (const target of request.targets) await measureLoad(target, request.connections, request.warmupSec ?? 0, new Tally());
  }
  for (let round = 0; round < rounds; round += 1) {
    for (const [index, target] of request.targets.entries()) {
      await measureLoad(target, request.connections, request.durationSec / rounds, tallies[index]!);
    }
  }
  process.stdout.write(`${JSON.stringify(tallies.map((tally) => tally.result(request.connections)))}\n`);
}

async function measureLoad(target: LoadTarget, connections: number, durationSec: number, tally: Tally): Promise<void> {
  const isJsonBody = target.body !== undefined && typeof target.body !== 'string';
  const headers = { ...(isJsonBody ? { 'content-type': 'application/json' } : {}), ...target.headers };
  const body = isJsonBody ? JSON.stringify(target.body) : (target.body as string | undefined);
  const paths = target.paths ?? [];
  let nextPathIndex = 0;
  const options: autocannon.Options = {
    url: target.url,
    method: target.method ?? 'GET',
    headers,
    body,
    connections,
    duration: durationSec,
    requests: paths.length
      ? [{ setupRequest: (req) => ({ ...req, path: paths[nextPathIndex++ % paths.length] }) }]
      : undefined,
  };
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(options, (error, finished) => (error ? reject(error) : resolve(finished)));
    instance.on('response', (_client, statusCode, _bytes, responseTimeMs) => {
      if (statusCode >= 200 && statusCode < 300) tally.latencies.add(responseTimeMs);
    });
  });
  tally.okCount += result['2xx'];
  tally.non2xxCount += result.non2xx;
  tally.errorCount += result.errors;
  tally.timeoutCount += result.timeouts;
  tally.durationSec += result.duration;
}

/** What one target's measured windows add up to. */
class Tally {
  // autocannon's own histogram holds whole milliseconds and has no p95; these samples have neither limit.
  readonly latencies = new LatencySamples();
  okCount = 0;
  non2xxCount = 0;
  errorCount = 0;
  timeoutCount = 0;
  durationSec = 0;

  result(connections: number): LoadResult {
    const sortedMs = this.latencies.sorted();
    return {
      requestsPerSec: this.okCount / this.durationSec,
      latencyP50Ms: percentileOf(sortedMs, 50),
      latencyP95Ms: percentileOf(sortedMs, 95),
      latencyP99Ms: percentileOf(sortedMs, 99),
      latencyMaxMs: sortedMs.at(-1) ?? Number.NaN,
      okCount: this.okCount,
      non2xxCount: this.non2xxCount,
      errorCount: this.errorCount,
      timeoutCount: this.timeoutCount,
      durationSec: this.durationSec,
      connections,
    };
  }
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
