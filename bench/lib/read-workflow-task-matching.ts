/**
 * How the Temporal server's matching service handed out workflow tasks, summed over every task
 * queue (sticky ones included), from its Prometheus `tasks_added` counter:
 * - `syncMatched`: given straight to a worker's poll already waiting when history added the task;
 * - `spooled`: written to the task queue's backlog in the server's database first (no poll was
 *   waiting), then read back for a later poll. Once a backlog forms, matching keeps new tasks
 *   behind it, so under load the spooled share tells whether the workers kept up.
 */
export interface WorkflowTaskMatching {
  syncMatched: number;
  spooled: number;
}

/** Reads the counters now; subtract two readings to bill a window. */
export async function readWorkflowTaskMatching(metricsUrl: string): Promise<WorkflowTaskMatching> {
  const response = await fetch(metricsUrl);
  if (!response.ok) throw new Error(`Temporal metrics at ${metricsUrl} answered ${response.status}`);
  const counts: WorkflowTaskMatching = { syncMatched: 0, spooled: 0 };
  for (const line of (await response.text()).split('\n')) {
    if (!line.startsWith('tasks_added{') || !line.includes('task_type="Workflow"')) continue;
    const value = Number(line.slice(line.lastIndexOf(' ') + 1));
    if (line.includes('task_add_result="sync_match"')) counts.syncMatched += value;
    else if (line.includes('task_add_result="backlog"')) counts.spooled += value;
  }
  return counts;
}

/** The share of a window's workflow tasks that went through the backlog, in percent. */
export function spooledPercent(before: WorkflowTaskMatching, after: WorkflowTaskMatching): number {
  const spooled = after.spooled - before.spooled;
  const total = spooled + after.syncMatched - before.syncMatched;
  return total === 0 ? Number.NaN : (100 * spooled) / total;
}
