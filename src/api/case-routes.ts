import { createRoute } from '@hono/zod-openapi';
import { stream } from 'hono/streaming';
import type { Db } from '../../db/client.js';
import { findCaseDetail, listCaseEvents, listCaseNotes, listCases, type CaseListFilters } from '../../db/case-repository.js';
import type { Logger } from '../logger.js';
import { requirePrincipal } from './api-context.js';
import { getCaseHistoryTimeline, type CaseHistoryTimeline } from '../compliance/case-audit-trail.js';
import { notFound } from './api-error.js';
import { isCaseVisibleTo, loadVisibleCase, scopeFilters } from './case-access.js';
import { caseCsvHeader, formatCaseCsvRows } from './case-csv.js';
import { decodeCursor, encodeCursor } from './case-cursor.js';
import { presentCaseDetail, presentCaseSummary, presentTimeline } from './case-presenter.js';
import { caseDetailSchema, caseIdParams, casePageSchema, exportCasesQuery, listCasesQuery, timelineQuery, timelineSchema, type ExportCasesQuery } from './case-schemas.js';
import { jsonObject, problemResponses } from './common-schemas.js';
import { createRouter } from './create-router.js';

/** The live state of one case from its workflow (a Temporal query); null when it cannot be read now. */
export type GetLiveState = (target: { caseId: string; workflowId: string }) => Promise<Record<string, unknown> | null>;
/** The workflow's Temporal history rendered as a timeline (archive first, then Temporal). */
export type GetCaseHistory = (target: { caseId: string; workflowId: string }) => Promise<CaseHistoryTimeline>;

export interface CaseReadDeps {
  db: Db;
  logger: Logger;
  getLiveState?: GetLiveState;
  getCaseHistory?: GetCaseHistory;
}

const json = <T>(schema: T) => ({ 'application/json': { schema } });
const listRoute = createRoute({ method: 'get', path: '/cases', tags: ['cases'], summary: 'List and search cases (filters, sort, cursor pagination)', request: { query: listCasesQuery }, responses: { 200: { description: 'A page', content: json(casePageSchema) }, ...problemResponses } });
const exportRoute = createRoute({ method: 'get', path: '/cases/export.csv', tags: ['cases'], summary: 'CSV export of a filtered list (bounded, streamed, masked)', request: { query: exportCasesQuery }, responses: { 200: { description: 'CSV', content: { 'text/csv': { schema: { type: 'string' } } } }, ...problemResponses } });
const getRoute = createRoute({ method: 'get', path: '/cases/{caseId}', tags: ['cases'], summary: 'One case: read model merged with the live workflow state', request: { params: caseIdParams }, responses: { 200: { description: 'The case', content: json(caseDetailSchema) }, ...problemResponses } });
const timelineRoute = createRoute({ method: 'get', path: '/cases/{caseId}/timeline', tags: ['cases'], summary: 'The case event log and notes', request: { params: caseIdParams, query: timelineQuery }, responses: { 200: { description: 'Timeline', content: json(timelineSchema) }, ...problemResponses } });
const historyRoute = createRoute({ method: 'get', path: '/cases/{caseId}/history', tags: ['cases'], summary: "The case workflow's Temporal history, rendered (compliance)", request: { params: caseIdParams }, responses: { 200: { description: '`source`: archive, temporal or none; `entries`: the rendered events', content: json(jsonObject) }, ...problemResponses } });

/** Builds repository filters from validated query fields. */
function toFilters(query: Omit<ExportCasesQuery, 'limit'>): CaseListFilters {
  const { assignee, type, customer, sort: _sort, ...rest } = query;
  return { ...rest, assigneeAgentId: assignee, caseType: type, customerId: customer };
}

const exportPageSize = 500;

/** Case reads: list, export, one case, timeline, Temporal history. */
export function createCaseRoutes(deps: CaseReadDeps) {
  const routes = createRouter();
  routes.openapi(listRoute, async (c) => {
    const principal = requirePrincipal(c);
    const query = c.req.valid('query');
    const page = await listCases(deps.db, scopeFilters(principal, toFilters(query)), query.sort, query.limit, decodeCursor(query.cursor));
    return c.json({ items: page.items.map((item) => presentCaseSummary(principal, item)), nextCursor: page.nextCursor ? encodeCursor(page.nextCursor) : null }, 200);
  });
  routes.openapi(exportRoute, (c) => {
    const principal = requirePrincipal(c);
    const query = c.req.valid('query');
    const filters = scopeFilters(principal, toFilters(query));
    c.header('content-type', 'text/csv; charset=utf-8');
    c.header('content-disposition', 'attachment; filename="cases.csv"');
    return stream(c, async (out) => {
      await out.write(caseCsvHeader);
      let cursor;
      for (let written = 0; written < query.limit; ) {
        const page = await listCases(deps.db, filters, query.sort, Math.min(exportPageSize, query.limit - written), cursor);
        await out.write(formatCaseCsvRows(principal, page.items));
        written += page.items.length;
        if (!page.nextCursor) break;
        cursor = page.nextCursor;
      }
    }, async (error) => deps.logger.error('case export failed', { requestId: c.get('requestId'), error }));
  });
  routes.openapi(getRoute, async (c) => {
    const principal = requirePrincipal(c);
    const { caseId } = c.req.valid('param');
    // One round trip: the detail carries what the visibility check needs.
    const detail = await findCaseDetail(deps.db, caseId);
    if (!detail || !isCaseVisibleTo(principal, detail.customerId)) throw notFound('case');
    // A closed case's workflow has completed and its last projection is final: the read model is
    // the whole truth, and a query would make Temporal replay the history on a worker for nothing.
    const getLiveState = detail.status === 'closed' ? undefined : deps.getLiveState;
    const live = getLiveState ? await getLiveState(detail).catch((error: unknown) => (deps.logger.warn('live state unavailable', { caseId, error }), null)) : null;
    return c.json({ ...presentCaseDetail(principal, detail), live }, 200);
  });
  routes.openapi(timelineRoute, async (c) => {
    const principal = requirePrincipal(c);
    const { caseId } = c.req.valid('param');
    await loadVisibleCase(deps.db, principal, caseId);
    const [events, notes] = await Promise.all([listCaseEvents(deps.db, caseId, c.req.valid('query').limit), listCaseNotes(deps.db, caseId)]);
    return c.json({ caseId, ...presentTimeline(principal, events, notes) }, 200);
  });
  routes.openapi(historyRoute, async (c) => {
    const facts = await loadVisibleCase(deps.db, requirePrincipal(c), c.req.valid('param').caseId);
    // Without Temporal wired, the archived history (if any) is still served.
    const timeline = deps.getCaseHistory ? await deps.getCaseHistory(facts) : await getCaseHistoryTimeline({ db: deps.db }, facts.caseId);
    return c.json({ caseId: facts.caseId, workflowId: facts.workflowId, ...timeline }, 200);
  });
  return routes;
}
