import { randomUUID } from 'node:crypto';
import type { Client } from '@temporalio/client';
import type postgres from 'postgres';
import { caseChangedChannel } from '../../activities/case-projection.js';
import type { CaseType } from '../../src/domain/case-vocabulary.js';
import { caseWorkflow } from '../../workflows/case-workflow.js';
import type { CaseWorkflowInput } from '../../workflows/case-workflow-types.js';
import type { OpenCase } from './measure-projection-latency.js';

export interface BenchCustomer {
  id: string;
  regionCode: string;
}

export interface StartBenchCasesOptions {
  client: Client;
  sql: postgres.Sql;
  taskQueue: string;
  customers: readonly BenchCustomer[];
  count: number;
  /** `performance.now()` instant after which no further case is started. */
  stopAtMs: number;
  startsInFlight: number;
}

// Complaints are left out: they start regulatory clocks and letters the bench does not measure.
const caseTypes: CaseType[] = ['information_request', 'payment_issue', 'dispute'];

const OPEN_TIMEOUT_MS = 120_000;

/**
 * Opens up to `count` cases the way intake does (case number from `case_number_seq`, workflow id
 * `case-<number>`), keeping `startsInFlight` cases between start and their `case_created` NOTIFY,
 * so the rate is cases really opened, not starts queued on the server. Stops starting at `stopAtMs`
 * and resolves once every started case is projected.
 */
export async function startBenchCases(options: StartBenchCasesOptions): Promise<OpenCase[]> {
  const numbers = await options.sql<{ value: string }[]>`
    select nextval('case_number_seq')::text as value from generate_series(1, ${options.count})`;
  const createdWaiters = new Map<string, () => void>();
  const listener = await options.sql.listen(caseChangedChannel, (raw) => {
    const notice = JSON.parse(raw) as { caseId: string; type: string };
    if (notice.type === 'case_created') createdWaiters.get(notice.caseId)?.();
  });
  const opened: OpenCase[] = [];
  let next = 0;
  const openNext = async (): Promise<void> => {
    while (next < numbers.length && performance.now() < options.stopAtMs) {
      const index = next++;
      const input = buildBenchCaseInput(Number(numbers[index]!.value), options.customers[index % options.customers.length]!, index);
      const workflowId = `case-${input.caseNumber}`;
      const created = new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`${workflowId} was not projected within ${OPEN_TIMEOUT_MS} ms`)), OPEN_TIMEOUT_MS);
        createdWaiters.set(input.caseId, () => {
          clearTimeout(timer);
          resolve();
        });
      });
      // Observed either way: a failed start must not leave a timeout to reject unobserved.
      created.catch(() => undefined);
      await options.client.workflow.start(caseWorkflow, { taskQueue: options.taskQueue, workflowId, args: [input] });
      await created;
      createdWaiters.delete(input.caseId);
      opened.push({ caseId: input.caseId, workflowId });
    }
  };
  try {
    await Promise.all(Array.from({ length: options.startsInFlight }, openNext));
  } finally {
    await listener.unlisten();
  }
  return opened;
}

function buildBenchCaseInput(caseNumber: number, customer: BenchCustomer, index: number): CaseWorkflowInput {
  return {
    caseId: randomUUID(),
    caseNumber,
    customerId: customer.id,
    channel: 'phone',
    caseType: caseTypes[index % caseTypes.length]!,
    subject: `Bench case ${caseNumber}`,
    description: 'The customer asks why the statement shows two payments.',
    priority: index % 10 === 0 ? 'P2' : 'P3',
    isUrgent: false,
    segment: 'standard',
    complexity: 'simple',
    regionCode: customer.regionCode,
    createdBy: 'user:bench',
  };
}
