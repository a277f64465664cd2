import { createRoute } from '@hono/zod-openapi';
import { eq } from 'drizzle-orm';
import { setAgentAvailability } from '../../activities/assignment/set-agent-availability.js';
import type { Db } from '../../db/client.js';
import { agents } from '../../db/schema.js';
import { describeActor } from '../auth/principal.js';
import { checkCaseAction } from '../domain/case-actions.js';
import { requirePrincipal } from './api-context.js';
import { ApiError, forbidden, notFound } from './api-error.js';
import * as schemas from './assignment-schemas.js';
import { loadVisibleCase } from './case-access.js';
import type { CaseCommands } from './case-commands.js';
import { problemResponses } from './common-schemas.js';
import { createRouter } from './create-router.js';

const setAvailabilityRoute = createRoute({
  tags: ['assignment'], method: 'post', path: '/agents/{agentId}/availability',
  summary: 'Set a handler online, away or offline; coming online dispatches waiting cases',
  request: { params: schemas.agentIdParams, body: { content: { 'application/json': { schema: schemas.setAvailabilityBody } }, required: true } },
  responses: { 200: { description: 'Availability set', content: { 'application/json': { schema: schemas.availabilityResultSchema } } }, ...problemResponses },
});

const bulkReassignRoute = createRoute({
  tags: ['assignment'], method: 'post', path: '/cases/reassign',
  summary: 'Reassign one case or many to a handler, with a reason (each case workflow checks skills and capacity)',
  request: { body: { content: { 'application/json': { schema: schemas.bulkReassignBody } }, required: true } },
  responses: { 202: { description: 'Signalled', content: { 'application/json': { schema: schemas.bulkReassignResultSchema } } }, ...problemResponses },
});

/** Roles that manage other people's availability; handlers may set only their own. */
const availabilityManagers = new Set(['supervisor', 'admin']);

/**
 * Availability and bulk reassignment. Case changes still go through the workflows: dispatched cases
 * and reassigned cases are signalled, and each workflow records the assignment (or its refusal).
 */
export function createAssignmentRoutes(deps: { db: Db; caseCommands: CaseCommands | undefined; now: () => Date }) {
  const routes = createRouter();
  routes.openapi(setAvailabilityRoute, async (c) => {
    const principal = requirePrincipal(c);
    const { agentId } = c.req.valid('param');
    const [agent] = await deps.db.select({ userId: agents.userId }).from(agents).where(eq(agents.id, agentId));
    if (!agent) throw notFound('agent');
    if (!availabilityManagers.has(principal.role) && agent.userId !== principal.userId) throw forbidden('handlers may set only their own availability');
    const commands = requireCommands(deps.caseCommands);
    const { availability } = c.req.valid('json');
    const { dispatched } = await setAgentAvailability(deps.db, { agentId, availability, now: deps.now().toISOString() });
    for (const entry of dispatched) {
      await commands.signal({ caseId: entry.caseId, workflowId: entry.workflowId }, 'assign', { actorId: 'dispatcher', assigneeId: entry.agentId });
    }
    return c.json({ agentId, availability, dispatched: dispatched.map(({ caseId, workflowId, priority }) => ({ caseId, workflowId, priority })) }, 200);
  });
  routes.openapi(bulkReassignRoute, async (c) => {
    const principal = requirePrincipal(c);
    const commands = requireCommands(deps.caseCommands);
    const { caseIds, toAgentId, reason } = c.req.valid('json');
    const result: { signalled: { caseId: string; afterSequence: number }[]; refused: { caseId: string; code: string; message: string }[] } = { signalled: [], refused: [] };
    for (const caseId of new Set(caseIds)) {
      const facts = await loadVisibleCase(deps.db, principal, caseId).catch(() => null);
      if (!facts) {
        result.refused.push({ caseId, code: 'not_found', message: 'case not found' });
        continue;
      }
      const check = checkCaseAction('transfer', facts.status);
      if (!check.ok) {
        result.refused.push({ caseId, code: check.error.code, message: check.error.message });
        continue;
      }
      await commands.signal(facts, 'transfer', { actorId: describeActor(principal), toAssigneeId: toAgentId, reason });
      result.signalled.push({ caseId, afterSequence: facts.lastEventSequence });
    }
    return c.json(result, 202);
  });
  return routes;
}

function requireCommands(commands: CaseCommands | undefined): CaseCommands {
  if (!commands) throw new ApiError(501, 'not_implemented', 'case workflows are not wired in this deployment');
  return commands;
}
