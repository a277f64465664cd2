import { createRoute, z } from '@hono/zod-openapi';
import type { Db } from '../../db/client.js';
import { createSlaPolicyVersion, findSlaPolicyVersion, listSlaPolicies } from '../../db/sla-policy-repository.js';
import type { Logger } from '../logger.js';
import { describeActor } from '../auth/principal.js';
import { requirePrincipal } from './api-context.js';
import { ApiError, notFound } from './api-error.js';
import { jsonObject, problemResponses } from './common-schemas.js';
import { createRouter } from './create-router.js';
import { translateDatabaseError } from './database-errors.js';
import { findPolicyApplyProgress, startPolicyApplyJob, type StartPolicyApplyWorkflow } from './policy-apply-jobs.js';
import { applyJobParams, applyPolicyBody, applyProgressSchema, createPolicyVersionBody, policyIdParams } from './sla-policy-schemas.js';

const json = <T>(schema: T) => ({ 'application/json': { schema } });
const tags = ['admin'];
const listRoute = createRoute({ tags, method: 'get', path: '/admin/sla-policies', summary: 'SLA policies with every version', responses: { 200: { description: 'Policies', content: json(z.object({ items: z.array(jsonObject) })) }, ...problemResponses } });
const versionRoute = createRoute({ tags, method: 'post', path: '/admin/sla-policies/{policyId}/versions', summary: 'Write the next version of a policy (audited)', request: { params: policyIdParams, body: { content: json(createPolicyVersionBody), required: true } }, responses: { 201: { description: 'Created', content: json(z.object({ policyVersionId: z.uuid(), version: z.number() })) }, ...problemResponses } });
const applyRoute = createRoute({ tags, method: 'post', path: '/admin/sla-policies/{policyId}/apply', summary: 'Re-apply a version to open cases: a durable job whose workflow signals each case workflow, in batches of 100', request: { params: policyIdParams, body: { content: json(applyPolicyBody), required: true } }, responses: { 202: { description: 'Started (job recorded and audited); poll the job for progress from any instance', content: json(applyProgressSchema) }, ...problemResponses, 501: { description: 'Workflow signalling not wired' } } });
const progressRoute = createRoute({ tags, method: 'get', path: '/admin/sla-policies/{policyId}/apply/{jobId}', summary: 'Progress of a re-apply job', request: { params: applyJobParams }, responses: { 200: { description: 'Progress', content: json(applyProgressSchema) }, ...problemResponses } });

/** SLA policies: list, new version, re-apply to open cases, progress. */
export function createSlaPolicyRoutes(deps: { db: Db; logger: Logger; startPolicyApply: StartPolicyApplyWorkflow | undefined }) {
  const routes = createRouter();
  routes.openapi(listRoute, async (c) => c.json({ items: await listSlaPolicies(deps.db) }, 200));
  routes.openapi(versionRoute, async (c) => {
    const actor = { userId: requirePrincipal(c).userId, requestId: c.get('requestId') ?? null };
    const created = await createSlaPolicyVersion(deps.db, c.req.valid('param').policyId, c.req.valid('json'), actor).catch(translateDatabaseError);
    if (!created) throw notFound('SLA policy');
    return c.json(created, 201);
  });
  routes.openapi(applyRoute, async (c) => {
    const principal = requirePrincipal(c);
    const { policyId } = c.req.valid('param');
    const { version } = c.req.valid('json');
    const { startPolicyApply: startWorkflow } = deps;
    if (!startWorkflow) throw new ApiError(501, 'not_implemented', 'signalling workflows is not wired in this deployment');
    const target = await findSlaPolicyVersion(deps.db, policyId, version);
    if (!target) throw notFound(`version ${version} of the SLA policy`);
    const auditActor = { userId: principal.userId, requestId: c.get('requestId') ?? null };
    const progress = await startPolicyApplyJob({ db: deps.db, startWorkflow, logger: deps.logger }, { policyId, version, policyVersionId: target.policyVersionId, actorId: describeActor(principal), auditActor });
    return c.json(progress, 202);
  });
  routes.openapi(progressRoute, async (c) => {
    const { policyId, jobId } = c.req.valid('param');
    const progress = await findPolicyApplyProgress(deps.db, jobId);
    if (!progress || progress.policyId !== policyId) throw notFound('re-apply job');
    return c.json(progress, 200);
  });
  return routes;
}
