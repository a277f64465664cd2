import type { Client } from '@temporalio/client';
import proto from '@temporalio/proto';
import type { HistoryEventJson, HistoryJson } from './history-timeline.js';

const { History } = proto.temporal.api.history.v1;

/** One run of a workflow with its full history in JSON form. */
export interface WorkflowRunHistory {
  runId: string;
  history: HistoryJson;
}

const closingEventTypes = new Set([
  'EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED',
  'EVENT_TYPE_WORKFLOW_EXECUTION_FAILED',
  'EVENT_TYPE_WORKFLOW_EXECUTION_TIMED_OUT',
  'EVENT_TYPE_WORKFLOW_EXECUTION_TERMINATED',
  'EVENT_TYPE_WORKFLOW_EXECUTION_CANCELED',
  'EVENT_TYPE_WORKFLOW_EXECUTION_CONTINUED_AS_NEW',
]);

/**
 * The plain-JSON form of a history: protobuf `toObject` with 64-bit numbers, enums and bytes as
 * strings (base64 for bytes), which `History.fromObject` reads back losslessly. (The SDK's
 * `historyToJSON` trips over two protobufjs copies in this install, and this form is simpler.)
 */
export function toHistoryJson(history: proto.temporal.api.history.v1.IHistory): HistoryJson {
  // fromObject passes a decoded message through and builds one from a plain object; either way
  // toObject then sees a real message (the SDK hands out both, depending on how it was loaded).
  const message = History.fromObject(history as Record<string, unknown>);
  return History.toObject(message, { longs: String, enums: String, bytes: String }) as unknown as HistoryJson;
}

/** Tells whether a run's history ends with a closing event (its history will not grow any more). */
export function isRunClosed(history: HistoryJson): boolean {
  const last = history.events[history.events.length - 1];
  return last !== undefined && closingEventTypes.has(last.eventType);
}

function readContinuedFromRunId(first: HistoryEventJson | undefined): string | null {
  const attributes = first?.workflowExecutionStartedEventAttributes as { continuedExecutionRunId?: string } | undefined;
  return attributes?.continuedExecutionRunId || null;
}

/**
 * Fetches the history of `runId` (or the workflow's current run) and of every run it continued
 * from, oldest run first: the whole continue-as-new chain of one case.
 */
export async function fetchWorkflowRunChain(client: Client, workflowId: string, runId?: string): Promise<WorkflowRunHistory[]> {
  const lastRunId = runId ?? (await client.workflow.getHandle(workflowId).describe()).runId;
  const chain: WorkflowRunHistory[] = [];
  for (let current: string | null = lastRunId; current !== null; ) {
    const history = toHistoryJson(await client.workflow.getHandle(workflowId, current).fetchHistory());
    chain.unshift({ runId: current, history });
    current = readContinuedFromRunId(history.events[0]);
  }
  return chain;
}
