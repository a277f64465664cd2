import { inArray } from 'drizzle-orm';
import { Hono } from 'hono';
import type { Db } from '../../db/client.js';
import { cases } from '../../db/schema.js';
import type { UserRole } from '../../db/schema.js';
import type { Principal } from '../auth/principal.js';
import { casePriorities, casePriorityLabels } from '../domain/case-vocabulary.js';
import { actionPathSegments } from './case-action-forms.js';
import { canCallApi } from './page-access.js';
import { PageLayout } from './page-layout.js';
import type { PickOption } from './reference-lists.js';
import { describeProblem } from './web-api-client.js';
import { readField, readWebPrincipal, requireSection, type WebContext } from './web-context.js';

export const bulkActions = ['assign', 'transfer', 'priority'] as const;
export type BulkAction = (typeof bulkActions)[number];
const bulkLabels: Record<BulkAction, string> = { assign: 'Assign selected', transfer: 'Transfer selected', priority: 'Change priority of selected' };

/** One case's outcome of a bulk action, as the user is told it. */
export interface BulkOutcome {
  caseId: string;
  isSent: boolean;
  text: string;
}

/** A page is 50 rows; 200 also bounds what a hand-made post can make the server do. */
const maxBulkCases = 200;
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// In-process API calls are cheap, but each signals a workflow: a few at a time keeps Temporal and the pool calm.
const bulkConcurrency = 5;

/** The bulk actions a role may take (the API's access matrix decides). */
export function listBulkActions(role: UserRole): BulkAction[] {
  return bulkActions.filter((action) => canCallApi(role, 'POST', `/cases/x/${actionPathSegments[action]}`));
}

/** The posted case ids: well-formed, once each, at most `maxBulkCases`. */
export function readCaseIds(form: Record<string, string | File | (string | File)[]>): string[] {
  const raw = form.caseId;
  const values = (Array.isArray(raw) ? raw : [raw]).filter((value): value is string => typeof value === 'string');
  return [...new Set(values.map((value) => value.trim()).filter((value) => uuidPattern.test(value)))].slice(0, maxBulkCases);
}

/** Runs `work` over `items` a few at a time, keeping the order of the answers. */
export async function mapInBatches<T, R>(items: T[], work: (item: T) => Promise<R>): Promise<R[]> {
  const answers: R[] = [];
  for (let start = 0; start < items.length; start += bulkConcurrency) answers.push(...(await Promise.all(items.slice(start, start + bulkConcurrency).map(work))));
  return answers;
}

/** Case numbers for the outcome list (people know cases by number, not by id). */
async function findCaseNumbers(db: Db, caseIds: string[]): Promise<Map<string, number>> {
  if (caseIds.length === 0) return new Map();
  const rows = await db.select({ caseId: cases.id, caseNumber: cases.caseNumber }).from(cases).where(inArray(cases.id, caseIds));
  return new Map(rows.map((row) => [row.caseId, row.caseNumber]));
}

/** The form above the case list: the checked rows (form="bulk-form") go to POST /app/cases/bulk. */
export function BulkActionsForm(props: { actions: BulkAction[]; csrfToken: string; back: string; queues: PickOption[]; agents: PickOption[] }) {
  if (props.actions.length === 0) return null;
  return (
    <section class="panel" aria-labelledby="bulk-title">
      <h2 id="bulk-title">Bulk actions</h2>
      <p class="muted" id="bulk-hint">Tick cases in the list, then choose what to do with them. <output id="bulk-count" for="bulk-form" aria-live="polite"></output></p>
      <form id="bulk-form" class="bulk-grid" method="post" action="/app/cases/bulk" aria-describedby="bulk-hint">
        <input type="hidden" name="_csrf" value={props.csrfToken} />
        <input type="hidden" name="_back" value={props.back} />
        {props.actions.includes('assign') && (
          <fieldset>
            <legend>Assign</legend>
            <label>Agent<select name="assigneeId">{props.agents.map((agent) => <option value={agent.value}>{agent.label}</option>)}</select></label>
            <button type="submit" name="action" value="assign">{bulkLabels.assign}</button>
          </fieldset>
        )}
        {props.actions.includes('transfer') && (
          <fieldset>
            <legend>Transfer</legend>
            <label>To queue<select name="toQueue"><option value="">(keep queue)</option>{props.queues.map((queue) => <option value={queue.value}>{queue.label}</option>)}</select></label>
            <label>To agent<select name="toAssigneeId"><option value="">(anyone in the queue)</option>{props.agents.map((agent) => <option value={agent.value}>{agent.label}</option>)}</select></label>
            <label>Reason for the transfer<textarea name="transferReason" maxlength={1000} rows={2}></textarea></label>
            <button type="submit" name="action" value="transfer">{bulkLabels.transfer}</button>
          </fieldset>
        )}
        {props.actions.includes('priority') && (
          <fieldset>
            <legend>Priority</legend>
            <label>New priority<select name="priority">{casePriorities.map((priority) => <option value={priority}>{priority} {casePriorityLabels[priority]}</option>)}</select></label>
            <label>Reason for the change<textarea name="priorityReason" maxlength={1000} rows={2}></textarea></label>
            <button type="submit" name="action" value="priority">{bulkLabels.priority}</button>
          </fieldset>
        )}
      </form>
    </section>
  );
}

/** The API body of a bulk action, or a message naming what is missing. */
export function buildBulkBody(action: BulkAction, field: (name: string) => string): { body: Record<string, unknown> } | { problem: string } {
  const optional = (apiName: string, formName = apiName) => (field(formName) ? { [apiName]: field(formName) } : {});
  switch (action) {
    case 'assign':
      return field('assigneeId') ? { body: { assigneeId: field('assigneeId') } } : { problem: 'Choose an agent to assign the cases to.' };
    case 'transfer':
      if (!field('transferReason')) return { problem: 'A transfer needs a reason.' };
      if (!field('toQueue') && !field('toAssigneeId')) return { problem: 'Choose a queue or an agent to transfer the cases to.' };
      return { body: { reason: field('transferReason'), ...optional('toQueue'), ...optional('toAssigneeId') } };
    case 'priority':
      return field('priority') ? { body: { priority: field('priority'), ...optional('reason', 'priorityReason') } } : { problem: 'Choose a priority.' };
  }
}

/** The page that tells, case by case, what was sent and what was refused (and why). */
export function BulkOutcomePage(props: BulkPageInput & { principal: Principal; caseNumbers: Map<string, number> }) {
  const sent = props.outcomes.filter((outcome) => outcome.isSent).length;
  const refused = props.outcomes.length - sent;
  return (
    <PageLayout title={props.title} principal={props.principal} section={props.section} flash={props.problem ? { kind: 'error', text: props.problem } : null}>
      <h1>{props.title}</h1>
      {!props.problem && <p class={`flash ${refused > 0 ? 'error' : 'ok'}`} role="status">{sent} sent, {refused} refused. Each case's timeline shows what its workflow did with the request.</p>}
      {props.outcomes.length > 0 && <div class="table-scroll" tabindex={0}><table>
        <caption class="visually-hidden">Outcome per case</caption>
        <thead><tr><th scope="col">Case</th><th scope="col">Outcome</th></tr></thead>
        <tbody>
          {props.outcomes.map((outcome) => (
            <tr data-outcome={outcome.isSent ? 'sent' : 'refused'} data-case-id={outcome.caseId}>
              <td><a href={`/app/cases/${outcome.caseId}`}>{props.caseNumbers.has(outcome.caseId) ? `#${props.caseNumbers.get(outcome.caseId)}` : outcome.caseId}</a></td>
              <td><span class={`chip ${outcome.isSent ? 'ok' : 'bad'}`}>{outcome.isSent ? 'Sent' : 'Refused'}</span> {outcome.text}</td>
            </tr>
          ))}
        </tbody>
      </table></div>}
      <p><a class="button" href={props.back}>Back to the list</a></p>
    </PageLayout>
  );
}

interface BulkPageInput {
  section: 'workspace' | 'supervisor';
  title: string;
  outcomes: BulkOutcome[];
  back: string;
  /** Why nothing was sent (no case ticked, a missing field). */
  problem?: string;
}

/** Renders the outcome page with case numbers looked up. */
export async function renderBulkOutcomes(web: WebContext, principal: Principal, page: BulkPageInput) {
  const caseNumbers = await findCaseNumbers(web.db, page.outcomes.map((outcome) => outcome.caseId));
  return <BulkOutcomePage principal={principal} caseNumbers={caseNumbers} {...page} />;
}

/** A local path to go back to, never another site. */
export const readBackPath = (requested: string, fallback: string): string => (/^\/[a-z]/.test(requested) && !requested.startsWith('//') ? requested : fallback);

/** `POST /app/cases/bulk`: the chosen action, sent to each case through its own API route. */
export function createCaseBulkRoutes(web: WebContext) {
  const routes = new Hono();
  routes.use('/app/cases/bulk', requireSection(web, 'workspace'));
  routes.post('/app/cases/bulk', async (c) => {
    const principal = readWebPrincipal(c);
    const form = await c.req.parseBody({ all: true });
    const field = (name: string) => readField(form, name);
    const back = readBackPath(field('_back'), '/app/cases');
    const action = field('action') as BulkAction;
    const caseIds = readCaseIds(form);
    const problem = !listBulkActions(principal.role).includes(action) ? 'Your role may not take that action.' : caseIds.length === 0 ? 'Tick at least one case first.' : null;
    const built = problem ? { problem } : buildBulkBody(action, field);
    if ('problem' in built) return c.html(await renderBulkOutcomes(web, principal, { section: 'workspace', title: 'Nothing was sent', outcomes: [], back, problem: built.problem }), 400);
    const outcomes = await mapInBatches(caseIds, async (caseId): Promise<BulkOutcome> => {
      const answer = await web.api.send(c, 'POST', `/cases/${caseId}/${actionPathSegments[action]}`, built.body, field('_csrf'));
      return answer.status === 202 ? { caseId, isSent: true, text: 'Signalled to the case workflow.' } : { caseId, isSent: false, text: describeProblem(answer) };
    });
    return c.html(await renderBulkOutcomes(web, principal, { section: 'workspace', title: `Bulk action: ${bulkLabels[action].toLowerCase()}`, outcomes, back }));
  });
  return routes;
}
