import { ApplicationFailure } from '@temporalio/common';
import { updateAgentAvailability } from '../../db/agent-repository.js';
import type { Db } from '../../db/client.js';
import type { AgentAvailability } from '../../src/domain/agent-selection.js';
import type { DispatchedCase } from './assignment-types.js';
import { dispatchWaitingCases } from './dispatch-waiting-cases.js';

export interface SetAgentAvailabilityInput {
  agentId: string;
  availability: AgentAvailability;
  now?: string;
}

/**
 * Sets a handler online, away or offline. Going offline keeps their open cases theirs (a
 * supervisor rebalances with `reassignCases`); coming online dispatches the waiting cases of their
 * queues, and the answer says which cases got whom.
 */
export async function setAgentAvailability(db: Db, input: SetAgentAvailabilityInput): Promise<{ dispatched: DispatchedCase[] }> {
  const agent = await updateAgentAvailability(db, input.agentId, input.availability);
  if (!agent) throw ApplicationFailure.nonRetryable(`agent ${input.agentId} does not exist`, 'agent_not_found');
  if (input.availability !== 'online') return { dispatched: [] };
  const dispatched: DispatchedCase[] = [];
  for (const queueCode of agent.queueCodes) dispatched.push(...(await dispatchWaitingCases(db, { queueCode, now: input.now })));
  return { dispatched };
}
