import { Hono, type Context } from 'hono';
import type { Principal } from '../auth/principal.js';
import { CaseTable } from './case-table.js';
import type { CaseRow } from './case-types.js';
import { CountBars } from './count-bars.js';
import { readDashboardFigures, type CountBy, type DashboardFigures } from './dashboard-query.js';
import { formatInstant } from './format-time.js';
import { canCallApi } from './page-access.js';
import { PageLayout } from './page-layout.js';
import { listAgentOptions, type PickOption } from './reference-lists.js';
import { readWebPrincipal, requireSection, type WebContext } from './web-context.js';
import { readFlash } from './web-flash.js';

const openStatuses = 'new,assigned,in_progress,pending_customer,escalated';
const sumOf = (counts: CountBy[], keys: string[]): number => counts.filter((entry) => keys.includes(entry.key)).reduce((total, entry) => total + entry.count, 0);

interface DeskData {
  figures: DashboardFigures;
  critical: CaseRow[];
  escalated: CaseRow[];
  agents: PickOption[];
}

async function readDesk(web: WebContext, c: Context): Promise<DeskData> {
  const [figures, critical, escalated, agents] = await Promise.all([
    readDashboardFigures(web.db),
    web.api.get<{ items: CaseRow[] }>(c, `/cases?status=${openStatuses}&priority=P1&sort=createdAt&limit=10`),
    web.api.get<{ items: CaseRow[] }>(c, '/cases?status=escalated&sort=createdAt&limit=25'),
    listAgentOptions(web.db),
  ]);
  return { figures, critical: critical.status === 200 ? critical.data.items : [], escalated: escalated.status === 200 ? escalated.data.items : [], agents };
}

function UnassignedTable(props: { data: DeskData; principal: Principal }) {
  const canAssign = canCallApi(props.principal.role, 'POST', '/cases/x/assign');
  if (props.data.figures.unassigned.length === 0) return <p class="muted">Nothing waiting.</p>;
  return (
    <div class="table-scroll" tabindex={0}><table>
      <caption class="visually-hidden">Unassigned cases</caption>
      <thead><tr><th scope="col">Case</th><th scope="col">Priority</th><th scope="col">Queue</th><th scope="col">Waiting since</th>{canAssign && <th scope="col">Assign</th>}</tr></thead>
      <tbody>
        {props.data.figures.unassigned.map((row) => (
          <tr data-case-id={row.caseId}>
            <td><a href={`/app/cases/${row.caseId}`}>#{row.caseNumber}</a> {row.subject}</td>
            <td>{row.priority}</td><td>{row.queue ?? '—'}</td><td>{formatInstant(row.waitingSince?.toISOString())}</td>
            {canAssign && (
              <td>
                <form class="inline" method="post" action={`/app/cases/${row.caseId}/actions/assign`}>
                  <input type="hidden" name="_csrf" value={props.principal.csrfToken ?? ''} />
                  <input type="hidden" name="_back" value="/supervisor" />
                  <label><span class="visually-hidden">Agent for case #{row.caseNumber}</span>
                    <select name="assigneeId">{props.data.agents.map((agent) => <option value={agent.value}>{agent.label}</option>)}</select>
                  </label>
                  <button type="submit">Assign</button>
                </form>
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table></div>
  );
}

/** The live part of the desk: figures, charts, critical, escalated and unassigned cases. */
function SupervisorLive(props: { data: DeskData; principal: Principal; now: Date }) {
  const { figures } = props.data;
  const stats = [
    { label: 'Open', value: sumOf(figures.byStatus, ['new', 'assigned', 'in_progress', 'pending_customer', 'escalated']) },
    { label: 'In progress', value: sumOf(figures.byStatus, ['in_progress']) },
    { label: 'Resolved', value: sumOf(figures.byStatus, ['resolved', 'closed']) },
    { label: 'SLA at risk', value: sumOf(figures.openBySlaState, ['warning']) },
    { label: 'SLA breached', value: sumOf(figures.openBySlaState, ['breached']) },
    { label: 'Unassigned', value: figures.unassigned.length },
  ];
  return (
    <>
      <section class="stats" aria-label="Key figures">
        {stats.map((stat) => <div class="panel" data-stat={stat.label}><div class="muted">{stat.label}</div><div class="stat">{stat.value}</div></div>)}
      </section>
      <div class="grid">
        <CountBars id="by-status" title="Cases by status" counts={figures.byStatus} />
        <CountBars id="by-priority" title="Open by priority" counts={figures.openByPriority} />
        <CountBars id="by-sla" title="Open by SLA state" counts={figures.openBySlaState} />
        <CountBars id="by-queue" title="Queue load" counts={figures.openByQueue} />
        <CountBars id="by-agent" title="Agent activity (open cases)" counts={figures.openByAgent} />
      </div>
      <section class="panel" aria-labelledby="critical-title"><h2 id="critical-title">Critical cases (P1)</h2><CaseTable cases={props.data.critical} caption="Critical cases" now={props.now} /></section>
      <section class="panel" aria-labelledby="escalated-title"><h2 id="escalated-title">Pending Manager Review</h2><CaseTable cases={props.data.escalated} caption="Escalated cases" now={props.now} /></section>
      <section class="panel" aria-labelledby="low-csat-title">
        <h2 id="low-csat-title">Low CSAT to review</h2>
        {figures.lowCsat.length === 0 ? <p class="muted">None.</p> : (
          <ul>{figures.lowCsat.map((row) => <li><a href={`/app/cases/${row.caseId}`}>#{row.caseNumber} {row.subject}</a> · score {row.score ?? '—'} · {row.isResolved ? 'customer says resolved' : 'customer says not resolved'}</li>)}</ul>
        )}
      </section>
      <section class="panel" aria-labelledby="unassigned-title"><h2 id="unassigned-title">Unassigned — manual scheduling</h2><UnassignedTable data={props.data} principal={props.principal} /></section>
    </>
  );
}

/** `GET /supervisor`: the live dashboard; `GET /supervisor/live`: its fragment for live updates. */
export function createSupervisorRoutes(web: WebContext) {
  const routes = new Hono();
  routes.use('/supervisor', requireSection(web, 'supervisor'));
  routes.use('/supervisor/*', requireSection(web, 'supervisor'));
  routes.get('/supervisor/live', async (c) => c.html(<SupervisorLive data={await readDesk(web, c)} principal={readWebPrincipal(c)} now={web.now()} />));
  routes.get('/supervisor', async (c) => {
    const principal = readWebPrincipal(c);
    const data = await readDesk(web, c);
    return c.html(
      <PageLayout title="Supervisor desk" principal={principal} section="supervisor" flash={readFlash(c)}>
        <h1>Supervisor desk</h1>
        <p class="muted">Updates live as cases change.</p>
        <div id="dashboard-live" data-live-src="/supervisor/live" aria-live="off">
          <SupervisorLive data={data} principal={principal} now={web.now()} />
        </div>
      </PageLayout>,
    );
  });
  return routes;
}
