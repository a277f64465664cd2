/** One server and the requests sent to it; crosses the process boundary as JSON. */
export interface LoadTarget {
  url: string;
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  headers?: Record<string, string>;
  /** Sent as is when a string, as JSON (with a JSON content type) otherwise. */
  body?: unknown;
  /** Paths to cycle through, one per request, so reads do not all hit the same row. */
  paths?: string[];
}

/** What the load generator is asked to do for one target. */
export interface LoadRequest extends LoadTarget {
  connections: number;
  durationSec: number;
  warmupSec?: number;
}

/**
 * Several targets loaded in turn, `rounds` times over (a, b, a, b, …), so a machine whose speed
 * drifts during a run bills the drift to every target alike instead of to whichever ran last.
 * `durationSec` is each target's measured time in all, split evenly over the rounds.
 */
export interface InterleavedLoadRequest {
  targets: LoadTarget[];
  rounds: number;
  connections: number;
  durationSec: number;
  warmupSec?: number;
}

/** Latencies are measured per response with sub-millisecond precision, all from 2xx responses. */
export interface LoadResult {
  requestsPerSec: number;
  latencyP50Ms: number;
  latencyP95Ms: number;
  latencyP99Ms: number;
  latencyMaxMs: number;
  okCount: number;
  non2xxCount: number;
  errorCount: number;
  timeoutCount: number;
  durationSec: number;
  connections: number;
}
