import type { Row } from '../bench-types.js';
import type { LoadResult } from './load-request.js';

/**
 * Turns one load result into table rows (throughput and latency percentiles), each beside the
 * same metric of a baseline result when one is given, plus a row of failed requests if any.
 */
export function describeLoad(
  scenario: string,
  metricPrefix: string,
  result: LoadResult,
  baseline?: { label: string; result: LoadResult },
): Row[] {
  const figures: Array<[string, keyof LoadResult, string]> = [
    ['requests/s', 'requestsPerSec', 'req/s'],
    ['latency p50', 'latencyP50Ms', 'ms'],
    ['latency p95', 'latencyP95Ms', 'ms'],
    ['latency p99', 'latencyP99Ms', 'ms'],
  ];
  const rows: Row[] = figures.map(([metric, key, unit]) => ({
    scenario,
    metric: `${metricPrefix}: ${metric}`,
    value: result[key],
    unit,
    ...(baseline ? { baseline: { label: baseline.label, value: baseline.result[key] } } : {}),
  }));
  const failedCount = result.non2xxCount + result.errorCount;
  if (failedCount > 0) rows.push({ scenario, metric: `${metricPrefix}: failed requests`, value: failedCount, unit: 'requests' });
  return rows;
}
