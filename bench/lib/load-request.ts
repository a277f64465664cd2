/** What the load generator is asked to do; crosses the process boundary as JSON. */
export interface LoadRequest {
  url: string;
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  headers?: Record<string, string>;
  /** Sent as is when a string, as JSON (with a JSON content type) otherwise. */
  body?: unknown;
  /** Paths to cycle through, one per request, so reads do not all hit the same row. */
  paths?: string[];
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
