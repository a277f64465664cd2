import { Hono } from 'hono';
import { caseSortKeys } from '../../db/case-query-filters.js';
import { casePriorities, caseStatuses, caseStatusLabels } from '../domain/case-vocabulary.js';
import { BulkActionsForm, createCaseBulkRoutes, listBulkActions } from './case-bulk-actions.js';
import { CaseTable } from './case-table.js';
import type { CaseRow } from './case-types.js';
import { PageLayout } from './page-layout.js';
import { findAgentIdOfUser, listAgentOptions, listQueueOptions } from './reference-lists.js';
import { findViewerTimeZone } from './viewer-time-zone.js';
import { describeProblem } from './web-api-client.js';
import { isFragmentRequest, readField, readWebPrincipal, requireSection, type WebContext } from './web-context.js';
import { readFlash, withFlash } from './web-flash.js';

const sortLabels: Record<string, string> = {
  '-createdAt': 'Newest first', createdAt: 'Oldest first', '-updatedAt': 'Recently updated', updatedAt: 'Least recently updated',
  priority: 'Priority (P1 first)', '-priority': 'Priority (P4 first)', '-caseNumber': 'Case number (high first)', caseNumber: 'Case number (low first)',
};

interface SavedSearchData {
  savedSearchId: string;
  name: string;
  isShared: boolean;
  filters: Record<string, string>;
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const pick = (value: string | undefined, allowed: readonly string[]): string => (value && allowed.includes(value) ? value : '');

/** `GET /app/cases`: the work list with filters (status, priority, queue, text, mine), sort and bulk actions. */
export function createCaseListRoutes(web: WebContext) {
  const routes = new Hono();
  routes.route('/', createCaseBulkRoutes(web));
  routes.use('/app/cases', requireSection(web, 'workspace'));
  routes.get('/app/cases', async (c) => {
    const principal = readWebPrincipal(c);
    const filters = {
      status: pick(c.req.query('status'), caseStatuses),
      priority: pick(c.req.query('priority'), casePriorities),
      queue: (c.req.query('queue') ?? '').replace(/[^a-z0-9_-]/gi, ''),
      q: (c.req.query('q') ?? '').trim().slice(0, 200),
      sort: pick(c.req.query('sort'), caseSortKeys) || '-createdAt',
      mine: c.req.query('mine') === '1',
    };
    const assignee = c.req.query('assignee') ?? '';
    const myAgentId = filters.mine ? await findAgentIdOfUser(web.db, principal.userId) : uuidPattern.test(assignee) ? assignee : null;
    const query = new URLSearchParams({ sort: filters.sort, limit: '50' });
    if (filters.status) query.set('status', filters.status);
    else query.set('status', 'new,assigned,in_progress,pending_customer,escalated');
    if (filters.priority) query.set('priority', filters.priority);
    if (filters.queue) query.set('queue', filters.queue);
    if (filters.q) query.set('q', filters.q);
    if (myAgentId) query.set('assignee', myAgentId);
    const bulkActions = listBulkActions(principal.role);
    const isFragment = isFragmentRequest(c);
    const [answer, timeZone, queues, agents, saved] = await Promise.all([
      web.api.get<{ items: CaseRow[] }>(c, `/cases?${query}`),
      findViewerTimeZone(web.db, principal),
      // Queue names label the rows; a live refresh redraws only the list and needs no other pick list.
      listQueueOptions(web.db),
      isFragment || bulkActions.length === 0 ? [] : listAgentOptions(web.db),
      isFragment ? null : web.api.get<{ items: SavedSearchData[] }>(c, '/saved-searches'),
    ]);
    const savedFilters = Object.fromEntries([...query.entries()].filter(([key]) => key !== 'limit'));
    const flash = answer.status === 200 ? readFlash(c) : { kind: 'error' as const, text: describeProblem(answer) };
    const cases = answer.status === 200 ? answer.data.items : [];
    // The list refreshes itself on every case change (assets/app.js asks for just this part).
    const listing = (
      <>
        <h2 id="list-title">{cases.length} case{cases.length === 1 ? '' : 's'}</h2>
        <CaseTable cases={cases} caption="Cases" now={web.now()} timeZone={timeZone} selectForm={bulkActions.length > 0 ? 'bulk-form' : undefined} names={new Map(queues.map((queue) => [`queue:${queue.value}`, queue.label]))} />
      </>
    );
    if (isFragment) return c.html(listing);
    const listUrl = new URL(c.req.url);
    for (const flashKey of ['ok', 'error']) if (listUrl.searchParams.has(flashKey)) listUrl.searchParams.delete(flashKey);
    const listPath = `${listUrl.pathname}${listUrl.search}`;
    return c.html(
      <PageLayout title="Cases" principal={principal} section="workspace" flash={flash}>
        <h1>{filters.mine ? 'My cases' : 'Open cases'}</h1>
        <form class="panel inline" method="get" action="/app/cases" role="search" aria-label="Filter cases">
          <label>Search<input type="search" aria-keyshortcuts="/" name="q" value={filters.q} placeholder="Subject, notes, customer" /></label>
          <label>Status
            <select name="status">
              <option value="">All open</option>
              {caseStatuses.map((status) => <option value={status} selected={filters.status === status}>{caseStatusLabels[status]}</option>)}
            </select>
          </label>
          <label>Priority
            <select name="priority">
              <option value="">Any</option>
              {casePriorities.map((priority) => <option value={priority} selected={filters.priority === priority}>{priority}</option>)}
            </select>
          </label>
          <label>Queue
            <select name="queue">
              <option value="">Any</option>
              {queues.map((queue) => <option value={queue.value} selected={filters.queue === queue.value}>{queue.label}</option>)}
            </select>
          </label>
          <label>Sort
            <select name="sort">{caseSortKeys.map((key) => <option value={key} selected={filters.sort === key}>{sortLabels[key] ?? key}</option>)}</select>
          </label>
          <label class="check"><input type="checkbox" name="mine" value="1" checked={filters.mine} /> Only mine</label>
          <button type="submit">Apply</button>
        </form>
        <BulkActionsForm actions={bulkActions} csrfToken={principal.csrfToken ?? ''} back={listPath} queues={queues} agents={agents} />
        <section class="panel" aria-labelledby="list-title" data-live-src={listPath}>
          {listing}
        </section>
        <section class="panel" aria-labelledby="saved-title">
          <h2 id="saved-title">Saved searches</h2>
          {saved?.status === 200 && saved.data.items.length > 0 ? (
            <ul class="saved-searches">{saved.data.items.map((item) => <li><a href={`/app/cases?${new URLSearchParams(item.filters)}`}>{item.name}</a>{item.isShared ? ' (shared)' : ''}</li>)}</ul>
          ) : <p class="muted">None yet.</p>}
          <form class="inline" method="post" action="/app/saved-searches">
            <input type="hidden" name="_csrf" value={principal.csrfToken ?? ''} />
            <input type="hidden" name="filters" value={JSON.stringify(savedFilters)} />
            <label>Name of this search<input name="name" required maxlength={100} /></label>
            <label class="check"><input type="checkbox" name="isShared" value="1" /> Share with the team</label>
            <button type="submit" class="secondary">Save search</button>
          </form>
        </section>
      </PageLayout>,
    );
  });
  routes.use('/app/saved-searches', requireSection(web, 'workspace'));
  routes.post('/app/saved-searches', async (c) => {
    const form = await c.req.parseBody();
    let filters: Record<string, string> = {};
    try {
      filters = JSON.parse(readField(form, 'filters')) as Record<string, string>;
    } catch {
      // An edited or broken field saves an empty search; the API validates the rest.
    }
    const body = { name: readField(form, 'name'), isShared: readField(form, 'isShared') === '1', filters };
    const answer = await web.api.send(c, 'POST', '/saved-searches', body, readField(form, '_csrf'));
    const back = `/app/cases?${new URLSearchParams(filters)}`;
    return c.redirect(withFlash(back, answer.status === 201 ? { kind: 'ok', text: `Saved "${body.name}".` } : { kind: 'error', text: describeProblem(answer) }), 303);
  });
  return routes;
}
