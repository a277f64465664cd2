import type { Row } from '../bench-types.js';
import type { CaseWorkerStatus } from './case-worker-process.js';
import { fitLine } from './fit-line.js';

/** One sample of the case worker: how many cases were open, and its status then. */
export interface MemoryStep {
  openCases: number;
  status: CaseWorkerStatus;
}

const mb = (bytes: number) => bytes / 1024 / 1024;

/**
 * The worker's memory rows: idle and warm RSS, then per step: RSS and the growth per added case, judged against
 * the first step's, and a least-squares fit over all samples (slope, R², extrapolation to `targetCases`).
 */
export function toMemoryRows(scenario: string, steps: MemoryStep[], targetCases: number): Row[] {
  const [idle, warm, ...loaded] = steps;
  if (!idle || !warm) return [];
  const rows: Row[] = [
    { scenario, metric: 'worker RSS, no open case', value: mb(idle.status.rssBytes), unit: 'MB' },
    { scenario, metric: `worker RSS, ${warm.openCases} warm-up cases (JIT, pools)`, value: mb(warm.status.rssBytes), unit: 'MB' },
  ];
  let previous = warm;
  let firstStepKbPerCase: number | undefined;
  for (const step of loaded) {
    const kbPerCase = (step.status.rssBytes - previous.status.rssBytes) / 1024 / (step.openCases - previous.openCases);
    rows.push(
      { scenario, metric: `worker RSS, ${step.openCases} open cases (${step.status.cachedWorkflows} cached)`, value: mb(step.status.rssBytes), unit: 'MB' },
      {
        scenario,
        metric: `RSS growth per case, ${previous.openCases} → ${step.openCases}`,
        value: kbPerCase,
        unit: 'KB/case',
        ...(firstStepKbPerCase === undefined ? {} : { baseline: { label: 'first step; linear ≈ 1x', value: firstStepKbPerCase } }),
      },
    );
    firstStepKbPerCase ??= kbPerCase;
    previous = step;
  }
  const last = loaded.at(-1);
  if (last && loaded.length >= 2) {
    // The least-squares slope over every sample is steadier than any one step's delta.
    const fit = fitLine([warm, ...loaded].map((step) => ({ x: step.openCases, y: step.status.rssBytes / 1024 })));
    rows.push(
      { scenario, metric: `memory per cached case (RSS slope, ${warm.openCases} → ${last.openCases})`, value: fit.slope, unit: 'KB/case' },
      { scenario, metric: 'linearity of RSS vs open cases (R², 1 = linear)', value: fit.rSquared, unit: '' },
      { scenario, metric: `worker RSS at ${targetCases} cases (extrapolated from the slope)`, value: (fit.intercept + fit.slope * targetCases) / 1024, unit: 'MB' },
    );
  }
  return rows;
}
