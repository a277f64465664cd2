import { Hono, type Context } from 'hono';
import { caseActions, type CaseAction } from '../domain/case-actions.js';
import type { CaseStatus } from '../domain/case-vocabulary.js';
import { actionPathSegments, buildActionBody, CaseActionForms, listAvailableActions } from './case-action-forms.js';
import { CaseLivePanel } from './case-live-panel.js';
import { listTimelineNameKeys } from './describe-case-event.js';
import type { CaseDetailData, TimelineData } from './case-types.js';
import { canCallApi } from './page-access.js';
import { PageLayout } from './page-layout.js';
import { findActorNames, listAgentOptions, listQueueOptions } from './reference-lists.js';
import { findCaseTimeZone } from './viewer-time-zone.js';
import { describeProblem } from './web-api-client.js';
import { isFragmentRequest, readField, readWebPrincipal, requireSection, type WebContext } from './web-context.js';
import { readFlash, withFlash } from './web-flash.js';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function readCase(web: WebContext, c: Context, caseId: string) {
  const [detail, timeline, timeZone] = await Promise.all([web.api.get<CaseDetailData>(c, `/cases/${caseId}`), web.api.get<TimelineData>(c, `/cases/${caseId}/timeline`), findCaseTimeZone(web.db, caseId)]);
  const actors = [...(timeline.status === 200 ? listTimelineNameKeys(timeline.data) : []), ...(detail.status === 200 && detail.data.queue ? [`queue:${detail.data.queue}`] : [])];
  return { detail, timeline, timeZone, actorNames: await findActorNames(web.db, actors) };
}

/** `GET /app/cases/{id}` (detail with live state and actions), its live fragment, and the action posts. */
export function createCaseDetailRoutes(web: WebContext) {
  const routes = new Hono();
  routes.use('/app/cases/:caseId/*', requireSection(web, 'workspace'));
  routes.use('/app/cases/:caseId', requireSection(web, 'workspace'));

  routes.get('/app/cases/:caseId/live', async (c) => {
    const caseId = c.req.param('caseId');
    if (!uuidPattern.test(caseId)) return c.notFound();
    const { detail, timeline, actorNames, timeZone } = await readCase(web, c, caseId);
    if (detail.status !== 200 || timeline.status !== 200) return c.text(describeProblem(detail), detail.status === 200 ? 500 : (detail.status as 404));
    return c.html(<CaseLivePanel detail={detail.data} timeline={timeline.data} now={web.now()} actorNames={actorNames} timeZone={timeZone} />);
  });

  routes.get('/app/cases/:caseId', async (c) => {
    const principal = readWebPrincipal(c);
    const caseId = c.req.param('caseId');
    if (!uuidPattern.test(caseId)) return c.notFound();
    const [{ detail, timeline, actorNames, timeZone }, queues, agents] = await Promise.all([readCase(web, c, caseId), listQueueOptions(web.db), listAgentOptions(web.db)]);
    if (detail.status !== 200 || timeline.status !== 200) {
      return c.html(<PageLayout title="Case" principal={principal} section="workspace" flash={{ kind: 'error', text: describeProblem(detail.status !== 200 ? detail : timeline) }}><h1>Case not available</h1><p><a href="/app/cases">Back to the cases</a></p></PageLayout>, detail.status === 404 ? 404 : 403);
    }
    if (isFragmentRequest(c)) return c.html(<CaseLivePanel detail={detail.data} timeline={timeline.data} now={web.now()} actorNames={actorNames} timeZone={timeZone} />);
    const actions = listAvailableActions(principal.role, detail.data.status as CaseStatus);
    const canSeeHistory = canCallApi(principal.role, 'GET', `/cases/${caseId}/history`);
    return c.html(
      <PageLayout title={`Case #${detail.data.caseNumber}`} principal={principal} section="workspace" flash={readFlash(c)}>
        <h1>Case #{detail.data.caseNumber}: {detail.data.subject}</h1>
        <p class="muted">{detail.data.description}</p>
        {canSeeHistory && <p><a href={`/compliance/cases/${caseId}`}>Audit trail and Temporal history</a></p>}
        <div class="grid-wide">
          <div id="case-live" data-live-src={`/app/cases/${caseId}/live`} data-live-case={caseId} aria-live="polite">
            <CaseLivePanel detail={detail.data} timeline={timeline.data} now={web.now()} actorNames={actorNames} timeZone={timeZone} />
          </div>
          <section class="panel" aria-labelledby="actions-title">
            <h2 id="actions-title">Actions</h2>
            <p class="muted">Shortcut: press <kbd>n</kbd> to write a note.</p>
            <CaseActionForms caseId={caseId} actions={actions} csrfToken={principal.csrfToken ?? ''} queues={queues} agents={agents} />
          </section>
        </div>
      </PageLayout>,
    );
  });

  routes.post('/app/cases/:caseId/actions/:action', async (c) => {
    const caseId = c.req.param('caseId');
    const action = c.req.param('action') as CaseAction;
    if (!uuidPattern.test(caseId) || !caseActions.includes(action)) return c.notFound();
    const form = await c.req.parseBody();
    const body = buildActionBody(action, (name) => readField(form, name));
    const answer = await web.api.send(c, 'POST', `/cases/${caseId}/${actionPathSegments[action]}`, body, readField(form, '_csrf'));
    const requestedBack = readField(form, '_back');
    const back = /^\/[a-z]/.test(requestedBack) ? requestedBack : `/app/cases/${caseId}`;
    if (answer.status === 202) return c.redirect(withFlash(back, { kind: 'ok', text: `Sent: ${action}. The timeline shows the outcome.` }), 303);
    return c.redirect(withFlash(back, { kind: 'error', text: describeProblem(answer) }), 303);
  });
  return routes;
}
