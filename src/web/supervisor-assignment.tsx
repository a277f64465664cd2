import { Hono, type Context } from 'hono';
import type { Principal } from '../auth/principal.js';
import type { AgentLoad } from './agent-load-query.js';
import { readBackPath, readCaseIds, renderBulkOutcomes, type BulkOutcome } from './case-bulk-actions.js';
import { CaseTable } from './case-table.js';
import type { CaseRow } from './case-types.js';
import { lookUpIn, nameQueue } from './describe-case-event.js';
import { formatInstant } from './format-time.js';
import { canCallApi } from './page-access.js';
import { describeProblem } from './web-api-client.js';
import { readField, readWebPrincipal, requireSection, type WebContext } from './web-context.js';

export interface UnassignedRow {
  caseId: string;
  caseNumber: number;
  subject: string;
  priority: string;
  queue: string | null;
  waitingSince: Date | null;
}

const openStatuses = 'new,assigned,in_progress,pending_customer,escalated';
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const describeLoad = (agent: AgentLoad) => `${agent.availability} · ${agent.openCases} open`;

/**
 * Cases waiting for manual scheduling. Each row has a one-click form (agent + Assign): the keyboard
 * and no-script way. With scripts, a row can also be dragged onto an agent card, which fills and
 * posts that same form (drag-assign-script.ts).
 */
export function UnassignedBoard(props: { rows: UnassignedRow[]; agents: AgentLoad[]; principal: Principal; timeZone: string; names: ReadonlyMap<string, string> }) {
  const canAssign = canCallApi(props.principal.role, 'POST', '/cases/x/assign');
  if (props.rows.length === 0) return <p class="muted">Nothing waiting.</p>;
  return (
    <div class={canAssign ? 'assign-board' : undefined}>
      <div class="table-scroll" tabindex={0}><table>
        <caption class="visually-hidden">Unassigned cases</caption>
        <thead><tr><th scope="col">Case</th><th scope="col">Priority</th><th scope="col">Queue</th><th scope="col">Waiting since</th>{canAssign && <th scope="col">Assign</th>}</tr></thead>
        <tbody>
          {props.rows.map((row) => (
            <tr data-case-id={row.caseId} data-drag-case={canAssign ? row.caseId : undefined} data-case-label={`#${row.caseNumber}`} draggable={canAssign ? 'true' : undefined}>
              <td>{canAssign && <span class="drag-grip" aria-hidden="true">⠿</span>}<a href={`/app/cases/${row.caseId}`}>#{row.caseNumber}</a> {row.subject}</td>
              <td>{row.priority}</td><td>{nameQueue(row.queue, lookUpIn(props.names))}</td><td>{formatInstant(row.waitingSince, props.timeZone)}</td>
              {canAssign && (
                <td>
                  <form class="inline" method="post" action={`/app/cases/${row.caseId}/actions/assign`} data-assign-case={row.caseId}>
                    <input type="hidden" name="_csrf" value={props.principal.csrfToken ?? ''} />
                    <input type="hidden" name="_back" value="/supervisor" />
                    <label><span class="visually-hidden">Agent for case #{row.caseNumber}</span>
                      <select name="assigneeId">{props.agents.map((agent) => <option value={agent.value}>{agent.label} ({describeLoad(agent)})</option>)}</select>
                    </label>
                    <button type="submit">Assign</button>
                  </form>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table></div>
      {canAssign && (
        <div class="drop-agents" data-drag-only hidden>
          <p class="muted" id="drop-hint">Or drag a case onto an agent:</p>
          <ul aria-describedby="drop-hint">
            {props.agents.map((agent) => (
              <li data-drop-agent={agent.value} data-agent-name={agent.label} data-availability={agent.availability}>
                <strong>{agent.label}</strong> <span class="muted">{describeLoad(agent)}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}

export interface ReassignSource {
  from: string;
  cases: CaseRow[];
  /** Why the cases could not be listed (shown, never hidden behind an empty list). */
  problem: string | null;
}

/** Where the cases to reassign come from: an agent's open cases, or the escalated ones. */
export async function readReassignSource(web: WebContext, c: Context): Promise<ReassignSource> {
  const requested = c.req.query('from') ?? '';
  const from = requested === 'escalated' || uuidPattern.test(requested) ? requested : '';
  if (!from) return { from, cases: [], problem: null };
  const query = from === 'escalated' ? 'status=escalated' : `status=${openStatuses}&assignee=${from}`;
  const answer = await web.api.get<{ items: CaseRow[] }>(c, `/cases?${query}&sort=createdAt&limit=50`);
  return answer.status === 200 ? { from, cases: answer.data.items, problem: null } : { from, cases: [], problem: describeProblem(answer) };
}

/**
 * Bulk reassignment (POST /api/v1/cases/reassign): pick whose cases, tick them, choose the new
 * handler and a reason. Lives outside the live region so a refresh never clears the ticks.
 */
export function BulkReassignPanel(props: { source: ReassignSource; agents: AgentLoad[]; principal: Principal; now: Date; timeZone: string; names: ReadonlyMap<string, string> }) {
  if (!canCallApi(props.principal.role, 'POST', '/cases/reassign')) return null;
  const { from, cases } = props.source;
  return (
    <section class="panel" aria-labelledby="reassign-title" id="reassign">
      <h2 id="reassign-title">Bulk reassignment</h2>
      <form class="inline" method="get" action="/supervisor#reassign">
        <label>Cases of
          <select name="from">
            <option value="">Choose…</option>
            <option value="escalated" selected={from === 'escalated'}>Pending Manager Review (escalated)</option>
            {props.agents.map((agent) => <option value={agent.value} selected={from === agent.value}>{agent.label} ({describeLoad(agent)})</option>)}
          </select>
        </label>
        <button type="submit" class="secondary">Show cases</button>
      </form>
      {props.source.problem && <p class="flash error" role="alert">{props.source.problem}</p>}
      {from && !props.source.problem && (
        <>
          <CaseTable cases={cases} caption="Cases to reassign" now={props.now} timeZone={props.timeZone} selectForm="reassign-form" names={props.names} />
          {cases.length > 0 && (
            <form id="reassign-form" class="inline" method="post" action="/supervisor/reassign">
              <input type="hidden" name="_csrf" value={props.principal.csrfToken ?? ''} />
              <input type="hidden" name="_back" value={`/supervisor?from=${from}#reassign`} />
              <label>New handler<select name="toAgentId" required>{props.agents.map((agent) => <option value={agent.value}>{agent.label} ({describeLoad(agent)})</option>)}</select></label>
              <label>Reason<input name="reason" required maxlength={1000} /></label>
              <button type="submit">Reassign selected</button>
            </form>
          )}
        </>
      )}
    </section>
  );
}

/** `POST /supervisor/reassign`: the ticked cases to one handler, through the API's bulk route. */
export function createSupervisorAssignmentRoutes(web: WebContext) {
  const routes = new Hono();
  routes.use('/supervisor/reassign', requireSection(web, 'supervisor'));
  routes.post('/supervisor/reassign', async (c) => {
    const principal = readWebPrincipal(c);
    const form = await c.req.parseBody({ all: true });
    const field = (name: string) => readField(form, name);
    const back = readBackPath(field('_back'), '/supervisor');
    const caseIds = readCaseIds(form);
    const page = { section: 'supervisor' as const, title: 'Bulk reassignment', back };
    if (caseIds.length === 0) return c.html(await renderBulkOutcomes(web, principal, { ...page, outcomes: [], problem: 'Tick at least one case first.' }), 400);
    const answer = await web.api.send<{ signalled: Array<{ caseId: string }>; refused: Array<{ caseId: string; message: string }> }>(
      c, 'POST', '/cases/reassign', { caseIds, toAgentId: field('toAgentId'), reason: field('reason') }, field('_csrf'),
    );
    if (answer.status !== 202) return c.html(await renderBulkOutcomes(web, principal, { ...page, outcomes: [], problem: describeProblem(answer) }), answer.status === 403 ? 403 : 400);
    const refusals = new Map(answer.data.refused.map((entry) => [entry.caseId, entry.message]));
    const outcomes = caseIds.map((caseId): BulkOutcome => {
      const refusal = refusals.get(caseId);
      return refusal ? { caseId, isSent: false, text: refusal } : { caseId, isSent: true, text: 'Transfer signalled; the workflow checks skills and capacity.' };
    });
    return c.html(await renderBulkOutcomes(web, principal, { ...page, outcomes }));
  });
  return routes;
}
