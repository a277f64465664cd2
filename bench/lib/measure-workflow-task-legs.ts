import { Client } from '@temporalio/client';
import type { temporal } from '@temporalio/proto';
import { NativeConnection } from '@temporalio/worker';

type HistoryEvent = temporal.api.history.v1.IHistoryEvent;

export interface WorkflowTaskLegs {
  /** Signals read: those recorded at or after `sinceMs` in the histories read. */
  signals: number;
  /** Signal recorded → a worker took the workflow task it scheduled (server dispatch, poller), ascending. */
  signalToTaskStartedMs: number[];
  /** A worker took the task → completed it (activation, local activity with the projection), ascending. */
  taskStartedToCompletedMs: number[];
}

const eventMs = (event: HistoryEvent): number => {
  const time = event.eventTime;
  return time ? Number(time.seconds ?? 0) * 1_000 + Math.floor((time.nanos ?? 0) / 1_000_000) : Number.NaN;
};

/**
 * Splits the Temporal leg of each signal sent since `sinceMs` in two, from the workflows' own
 * histories (the server's clock): the wait until a worker takes the workflow task the signal
 * scheduled, and the worker's time from taking it to completing it. Beside a note's POST → 202 and
 * POST → visible, they tell where a slow note waited.
 */
export async function measureWorkflowTaskLegs(address: string, workflowIds: readonly string[], sinceMs: number): Promise<WorkflowTaskLegs> {
  const connection = await NativeConnection.connect({ address });
  try {
    const client = new Client({ connection });
    const legs: WorkflowTaskLegs = { signals: 0, signalToTaskStartedMs: [], taskStartedToCompletedMs: [] };
    for (const workflowId of workflowIds) {
      const events = (await client.workflow.getHandle(workflowId).fetchHistory()).events ?? [];
      events.forEach((event, index) => {
        if (!event.workflowExecutionSignaledEventAttributes || eventMs(event) < sinceMs) return;
        const later = events.slice(index + 1);
        const started = later.find((candidate) => candidate.workflowTaskStartedEventAttributes);
        const completed = later.find((candidate) => candidate.workflowTaskCompletedEventAttributes);
        legs.signals += 1;
        if (!started || !completed) return;
        legs.signalToTaskStartedMs.push(eventMs(started) - eventMs(event));
        legs.taskStartedToCompletedMs.push(eventMs(completed) - eventMs(started));
      });
    }
    legs.signalToTaskStartedMs.sort((a, b) => a - b);
    legs.taskStartedToCompletedMs.sort((a, b) => a - b);
    return legs;
  } finally {
    await connection.close();
  }
}
