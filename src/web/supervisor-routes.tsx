import { Hono, type Context } from 'hono';
import type { Principal } from '../auth/principal.js';
import { openCaseStatuses } from '../domain/case-vocabulary.js';
import { listAgentLoads, type AgentLoad } from './agent-load-query.js';
import { CaseTable } from './case-table.js';
import type { CaseRow } from './case-types.js';
import { CountBars } from './count-bars.js';
import { CsatTrendChart } from './csat-trend-chart.js';
import { lookUpIn, nameQueue } from './describe-case-event.js';
import { readDashboardFigures, trendWeekCount, type CountBy, type DashboardFigures } from './dashboard-query.js';
import { PageLayout } from './page-layout.js';
import { SlaComplianceByQueueChart, SlaComplianceChart } from './sla-compliance-chart.js';
import { BulkReassignPanel, createSupervisorAssignmentRoutes, readReassignSource, UnassignedBoard } from './supervisor-assignment.js';
import { listQueueNames } from './reference-lists.js';
import { findViewerTimeZone } from './viewer-time-zone.js';
import { readWebPrincipal, requireSection, type WebContext } from './web-context.js';
import { readFlash } from './web-flash.js';

const openStatuses = openCaseStatuses.join(',');
const sumOf = (counts: CountBy[], keys: string[]): number => counts.filter((entry) => keys.includes(entry.key)).reduce((total, entry) => total + entry.count, 0);

interface DeskData {
  figures: DashboardFigures;
  critical: CaseRow[];
  escalated: CaseRow[];
  agents: AgentLoad[];
  /** The supervisor's own zone, for every time on the desk. */
  timeZone: string;
  /** Queue names (`queue:<code>`), for every queue the desk shows. */
  queueNames: ReadonlyMap<string, string>;
}

async function readDesk(web: WebContext, c: Context): Promise<DeskData> {
  const [figures, critical, escalated, agents, timeZone, queueNames] = await Promise.all([
    readDashboardFigures(web.db, web.now()),
    web.api.get<{ items: CaseRow[] }>(c, `/cases?status=${openStatuses}&priority=P1&sort=createdAt&limit=10`),
    web.api.get<{ items: CaseRow[] }>(c, '/cases?status=escalated&sort=createdAt&limit=25'),
    listAgentLoads(web.db),
    findViewerTimeZone(web.db, readWebPrincipal(c)),
    listQueueNames(web.db),
  ]);
  return { figures, critical: critical.status === 200 ? critical.data.items : [], escalated: escalated.status === 200 ? escalated.data.items : [], agents, timeZone, queueNames };
}

/** The live part of the desk: figures, charts, critical, escalated and unassigned cases. */
function SupervisorLive(props: { data: DeskData; principal: Principal; now: Date }) {
  const { figures } = props.data;
  const stats = [
    { label: 'Open', value: sumOf(figures.byStatus, [...openCaseStatuses]) },
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
        <CsatTrendChart weeks={figures.csatTrend} />
        <SlaComplianceChart compliance={figures.slaCompliance} />
        <SlaComplianceByQueueChart compliance={figures.slaCompliance} weekCount={trendWeekCount} names={props.data.queueNames} />
      </div>
      <div class="grid">
        <CountBars id="by-status" title="Cases by status" counts={figures.byStatus} />
        <CountBars id="by-priority" title="Open by priority" counts={figures.openByPriority} />
        <CountBars id="by-sla" title="Open by SLA state" counts={figures.openBySlaState} />
        <CountBars id="by-queue" title="Queue load" counts={figures.openByQueue} describeKey={(code) => nameQueue(code, lookUpIn(props.data.queueNames))} />
        <CountBars id="by-agent" title="Agent activity (open cases)" counts={figures.openByAgent} />
      </div>
      <section class="panel" aria-labelledby="critical-title"><h2 id="critical-title">Critical cases (P1)</h2><CaseTable cases={props.data.critical} caption="Critical cases" now={props.now} timeZone={props.data.timeZone} names={props.data.queueNames} /></section>
      <section class="panel" aria-labelledby="escalated-title"><h2 id="escalated-title">Pending Manager Review</h2><CaseTable cases={props.data.escalated} caption="Escalated cases" now={props.now} timeZone={props.data.timeZone} names={props.data.queueNames} /></section>
      <section class="panel" aria-labelledby="low-csat-title">
        <h2 id="low-csat-title">Low CSAT to review</h2>
        {figures.lowCsat.length === 0 ? <p class="muted">None.</p> : (
          <ul>{figures.lowCsat.map((row) => <li><a href={`/app/cases/${row.caseId}`}>#{row.caseNumber} {row.subject}</a> · score {row.score ?? '—'} · {row.isResolved ? 'customer says resolved' : 'customer says not resolved'}</li>)}</ul>
        )}
      </section>
      <section class="panel" aria-labelledby="unassigned-title"><h2 id="unassigned-title">Unassigned — manual scheduling</h2><UnassignedBoard rows={figures.unassigned} agents={props.data.agents} principal={props.principal} timeZone={props.data.timeZone} names={props.data.queueNames} /></section>
    </>
  );
}

/** `GET /supervisor`: the live dashboard; `GET /supervisor/live`: its fragment for live updates. */
export function createSupervisorRoutes(web: WebContext) {
  const routes = new Hono();
  routes.use('/supervisor', requireSection(web, 'supervisor'));
  routes.use('/supervisor/*', requireSection(web, 'supervisor'));
  routes.route('/', createSupervisorAssignmentRoutes(web));
  routes.get('/supervisor/live', async (c) => c.html(<SupervisorLive data={await readDesk(web, c)} principal={readWebPrincipal(c)} now={web.now()} />));
  routes.get('/supervisor', async (c) => {
    const principal = readWebPrincipal(c);
    const [data, reassignSource] = await Promise.all([readDesk(web, c), readReassignSource(web, c)]);
    return c.html(
      <PageLayout title="Supervisor desk" principal={principal} section="supervisor" flash={readFlash(c)}>
        <h1>Supervisor desk</h1>
        <p class="muted">Updates live as cases change.</p>
        {/* Every open dashboard re-renders on changes: at most once a second each, the first change at once. */}
        <div id="dashboard-live" data-live-src="/supervisor/live" data-live-min-gap-ms="1000" aria-live="off">
          <SupervisorLive data={data} principal={principal} now={web.now()} />
        </div>
        <BulkReassignPanel source={reassignSource} agents={data.agents} principal={principal} now={web.now()} timeZone={data.timeZone} names={data.queueNames} />
      </PageLayout>,
    );
  });
  return routes;
}
