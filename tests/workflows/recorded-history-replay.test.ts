import { Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { beforeAll, describe, expect, it } from 'vitest';
import { caseWorkflowsPath } from '../../src/temporal/worker.js';
import { bundleWorkflows } from '../support/temporal-env.js';
import { loadRecordedHistories } from './recorded-histories.js';

let bundle: WorkflowBundleWithSourceMap;
beforeAll(async () => {
  bundle = await bundleWorkflows(caseWorkflowsPath);
});

describe('histories recorded by earlier versions of the case workflow', () => {
  it('all replay against the current code (running cases survive a deploy)', async () => {
    const recorded = await loadRecordedHistories();
    // Lifecycle, SLA, CSAT, complaint and continue-as-new cases at least.
    expect(recorded.length).toBeGreaterThanOrEqual(10);
    const failures: Array<{ file: string; error: string }> = [];
    const fileByWorkflowId = new Map(recorded.map((entry) => [entry.workflowId, entry.file]));
    for await (const result of Worker.runReplayHistories({ workflowBundle: bundle }, recorded)) {
      if (result.error) failures.push({ file: fileByWorkflowId.get(result.workflowId) ?? result.workflowId, error: String(result.error) });
    }
    expect(failures).toEqual([]);
  });
});
