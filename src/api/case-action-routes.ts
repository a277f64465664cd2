import { createRoute, type z } from '@hono/zod-openapi';
import type { Db } from '../../db/client.js';
import { describeActor, type Principal } from '../auth/principal.js';
import { checkCaseAction, type CaseAction } from '../domain/case-actions.js';
import { requirePrincipal } from './api-context.js';
import { ApiError, DomainRefusal } from './api-error.js';
import * as schemas from './case-action-schemas.js';
import { loadVisibleCase } from './case-access.js';
import type { CaseCommands, CaseSignalName, CaseSignalPayloads } from './case-commands.js';
import { caseIdParams } from './case-schemas.js';
import { conflictResponses, problemResponses } from './common-schemas.js';
import { createRouter } from './create-router.js';

interface ActionSpec<K extends CaseSignalName> {
  signal: K;
  body: z.ZodType;
  summary: string;
  toPayload(body: never, actorId: string, principal: Principal): CaseSignalPayloads[K];
}

const spec = <K extends CaseSignalName, B>(signal: K, body: z.ZodType<B>, summary: string, toPayload: (body: B, actorId: string, principal: Principal) => CaseSignalPayloads[K]): ActionSpec<K> =>
  ({ signal, body, summary, toPayload }) as ActionSpec<K>;

/** Each action: its signal, body schema and payload. Customers' notes are always customer-visible. */
const actionSpecs: Record<CaseAction, ActionSpec<CaseSignalName>> = {
  note: spec('addNote', schemas.addNoteBody, 'Add a note (internal or customer-visible)', (b, actorId, p) => ({ actorId, body: b.body, visibility: p.role === 'customer' ? 'customer' : b.visibility })),
  assign: spec('assign', schemas.assignCaseBody, 'Assign to an agent', (b, actorId) => ({ actorId, assigneeId: b.assigneeId })),
  transfer: spec('transfer', schemas.transferCaseBody, 'Transfer to a queue or agent, with a reason', (b, actorId) => ({ actorId, ...b })),
  escalate: spec('escalate', schemas.reasonBody, 'Escalate to the manager group, with a reason', (b, actorId) => ({ actorId, reason: b.reason })),
  'de-escalate': spec('deEscalate', schemas.reasonBody, 'Roll back an escalation, with a reason', (b, actorId) => ({ actorId, reason: b.reason })),
  priority: spec('changePriority', schemas.changePriorityBody, 'Change the priority (SLA re-targeted)', (b, actorId) => ({ actorId, ...b })),
  pause: spec('pause', schemas.reasonBody, 'Pause (waiting on the customer): SLA clocks stop', (b, actorId) => ({ actorId, reason: b.reason })),
  resume: spec('resume', schemas.emptyBody, 'Resume: SLA clocks continue', (_b, actorId) => ({ actorId })),
  resolve: spec('resolve', schemas.resolveCaseBody, 'Resolve with a category and notes', (b, actorId) => ({ actorId, category: b.category, notes: b.notes })),
  reopen: spec('reopen', schemas.reasonBody, 'Reopen a resolved case, with a reason', (b, actorId) => ({ actorId, reason: b.reason })),
};

const actionPaths: Record<CaseAction, string> = { note: 'notes', assign: 'assign', transfer: 'transfer', escalate: 'escalate', 'de-escalate': 'de-escalate', priority: 'priority', pause: 'pause', resume: 'resume', resolve: 'resolve', reopen: 'reopen' };

/**
 * `POST /cases/{caseId}/<action>`: validate, check access and the case's state in the read model,
 * then signal the workflow. 202: the workflow decides; its decision (or its refusal, with the
 * reason) appears in the timeline after `afterSequence`.
 */
export function createCaseActionRoutes(deps: { db: Db; caseCommands: CaseCommands | undefined }) {
  const routes = createRouter();
  for (const [action, { signal, body, summary, toPayload }] of Object.entries(actionSpecs) as Array<[CaseAction, ActionSpec<CaseSignalName>]>) {
    const route = createRoute({
      tags: ['case actions'], method: 'post', path: `/cases/{caseId}/${actionPaths[action]}`, summary,
      request: { params: caseIdParams, body: { content: { 'application/json': { schema: body } }, required: action !== 'resume' } },
      responses: { 202: { description: 'Signalled', content: { 'application/json': { schema: schemas.acceptedActionSchema } } }, ...problemResponses, ...conflictResponses, 501: { description: 'Workflows not wired' } },
    });
    routes.openapi(route, async (c) => {
      const principal = requirePrincipal(c);
      const facts = await loadVisibleCase(deps.db, principal, c.req.valid('param').caseId);
      const check = checkCaseAction(action, facts.status);
      if (!check.ok) throw new DomainRefusal(check.error);
      if (!deps.caseCommands) throw new ApiError(501, 'not_implemented', 'case workflows are not wired in this deployment');
      const payload = toPayload((c.req.valid('json') ?? {}) as never, describeActor(principal), principal);
      await deps.caseCommands.signal(facts, signal, payload);
      return c.json({ caseId: facts.caseId, action, afterSequence: facts.lastEventSequence }, 202);
    });
  }
  return routes;
}
