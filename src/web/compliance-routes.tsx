import { Hono } from 'hono';
import type { ComplaintDeadlineLine } from '../compliance/complaint-deadlines.js';
import type { HistoryTimelineEntry } from '../temporal/history-timeline.js';
import { CaseTimeline } from './case-live-panel.js';
import { listTimelineNameKeys } from './describe-case-event.js';
import type { CaseDetailData, TimelineData } from './case-types.js';
import { formatInstant, humanizeCode } from './format-time.js';
import { fallbackTimeZone, findCaseTimeZone, listRegionTimeZones } from './viewer-time-zone.js';
import { listCaseLetters, readLetterPdf } from './letter-files.js';
import { PageLayout } from './page-layout.js';
import { findActorNames } from './reference-lists.js';
import { describeProblem } from './web-api-client.js';
import { readWebPrincipal, requireSection, type WebContext } from './web-context.js';
import { readFlash } from './web-flash.js';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const clockNames: Record<string, string> = {
  complaint_compliance_escalation: 'Day 10 escalation (business days)',
  complaint_resolution: 'Day 15 resolution (business days)',
  regulator_response: 'CFPB response, 15 calendar days',
  regulator_final_response: 'CFPB final response, 60 calendar days',
};

function describeDaysLeft(clock: ComplaintDeadlineLine['clocks'][number], timeZone: string): string {
  if (clock.state === 'breached') return `breached ${formatInstant(clock.breachedAt, timeZone)}`;
  if (clock.state === 'stopped') return `met ${formatInstant(clock.stoppedAt, timeZone)}`;
  if (clock.daysLeft === null) return '—';
  if (clock.daysLeft < 0) return `${-clock.daysLeft} ${clock.unit === 'business_days' ? 'business ' : ''}days overdue`;
  return `${clock.daysLeft} ${clock.unit === 'business_days' ? 'business ' : ''}day${clock.daysLeft === 1 ? '' : 's'} left`;
}

/** Times in the complaint's region: its business days are counted there. */
function ComplaintRow(props: { line: ComplaintDeadlineLine; timeZone: string }) {
  const { line } = props;
  return (
    <article class="panel" data-case-id={line.caseId} aria-labelledby={`complaint-${line.caseNumber}`}>
      <h2 id={`complaint-${line.caseNumber}`}>
        <a href={`/compliance/cases/${line.caseId}`}>#{line.caseNumber} {line.subject}</a>{' '}
        {line.isComplianceBreached && <span class="chip bad">Compliance breach</span>}
      </h2>
      <p class="muted">{line.customerName} · region {line.regionCode} · received {formatInstant(line.receivedAt, props.timeZone)} · {humanizeCode(line.status)}</p>
      <div class="table-scroll" tabindex={0}><table>
        <caption class="visually-hidden">Clocks of complaint #{line.caseNumber}</caption>
        <thead><tr><th scope="col">Clock</th><th scope="col">Due</th><th scope="col">Days left</th></tr></thead>
        <tbody>{line.clocks.map((clock) => <tr data-clock={clock.kind}><td>{clockNames[clock.kind] ?? clock.kind}</td><td>{formatInstant(clock.dueAt, props.timeZone)}</td><td class={clock.state === 'breached' ? 'chip bad' : ''}>{describeDaysLeft(clock, props.timeZone)}</td></tr>)}</tbody>
      </table></div>
    </article>
  );
}

/** `GET /compliance` (complaints by deadline), `/compliance/cases/{id}` (audit trail, Temporal history, letters). */
export function createComplianceRoutes(web: WebContext) {
  const routes = new Hono();
  routes.use('/compliance', requireSection(web, 'compliance'));
  routes.use('/compliance/*', requireSection(web, 'compliance'));

  routes.get('/compliance', async (c) => {
    const principal = readWebPrincipal(c);
    const includeClosed = c.req.query('closed') === '1';
    const [answer, regionZones] = await Promise.all([web.api.get<{ items: ComplaintDeadlineLine[] }>(c, `/complaints?includeClosed=${includeClosed}`), listRegionTimeZones(web.db)]);
    const lines = answer.status === 200 ? answer.data.items : [];
    const breached = lines.filter((line) => line.isComplianceBreached).length;
    return c.html(
      <PageLayout title="Compliance desk" principal={principal} section="compliance" flash={answer.status === 200 ? readFlash(c) : { kind: 'error', text: describeProblem(answer) }}>
        <h1>Formal complaints by deadline</h1>
        <p>{lines.length} complaint{lines.length === 1 ? '' : 's'} · <strong>{breached}</strong> in breach · <a href={includeClosed ? '/compliance' : '/compliance?closed=1'}>{includeClosed ? 'Open only' : 'Include closed'}</a></p>
        <p class="muted">Operational clocks count business days in the customer's region (day 10 escalation, day 15 resolution); regulator clocks count calendar days (CFPB 15 and 60).</p>
        {lines.length === 0 ? <p class="panel muted">No formal complaints.</p> : lines.map((line) => <ComplaintRow line={line} timeZone={regionZones.get(line.regionCode) ?? fallbackTimeZone} />)}
      </PageLayout>,
    );
  });

  routes.get('/compliance/cases/:caseId', async (c) => {
    const principal = readWebPrincipal(c);
    const caseId = c.req.param('caseId');
    if (!uuidPattern.test(caseId)) return c.notFound();
    const [detail, timeline, history, letters, timeZone] = await Promise.all([
      web.api.get<CaseDetailData>(c, `/cases/${caseId}`),
      web.api.get<TimelineData>(c, `/cases/${caseId}/timeline`),
      web.api.get<{ source: string; entries: HistoryTimelineEntry[] }>(c, `/cases/${caseId}/history`),
      listCaseLetters(web.db, caseId),
      findCaseTimeZone(web.db, caseId),
    ]);
    if (detail.status !== 200) return c.html(<PageLayout title="Case" principal={principal} section="compliance" flash={{ kind: 'error', text: describeProblem(detail) }}><h1>Case not available</h1></PageLayout>, 404);
    const actorNames = timeline.status === 200 ? await findActorNames(web.db, listTimelineNameKeys(timeline.data)) : new Map<string, string>();
    const temporalLink = web.temporalUiUrl ? `${web.temporalUiUrl.replace(/\/$/, '')}/namespaces/default/workflows/${encodeURIComponent(detail.data.workflowId)}` : null;
    return c.html(
      <PageLayout title={`Audit of case #${detail.data.caseNumber}`} principal={principal} section="compliance">
        <h1>Case #{detail.data.caseNumber}: audit trail</h1>
        <p><a href={`/app/cases/${caseId}`}>Open the case</a>{temporalLink && <> · <a href={temporalLink} rel="noopener">Open in Temporal UI</a></>}</p>
        <div class="grid-wide">
          <section class="panel" aria-labelledby="audit-title">
            <h2 id="audit-title">Audit trail (event log)</h2>
            {timeline.status === 200 ? <CaseTimeline timeline={timeline.data} showActors actorNames={actorNames} timeZone={timeZone} /> : <p>{describeProblem(timeline)}</p>}
          </section>
          <div>
            <section class="panel" aria-labelledby="letters-title">
              <h2 id="letters-title">Letters</h2>
              {letters.length === 0 ? <p class="muted">No letters.</p> : (
                <ul>{letters.map((letter) => <li>{letter.hasBytes ? <a href={`/compliance/cases/${caseId}/letters/${letter.letterId}`}>{letter.fileName}</a> : letter.fileName} · {humanizeCode(letter.kind)} · {letter.deliveryMethod} · {letter.sentAt ? `sent ${formatInstant(letter.sentAt, timeZone)}` : 'not sent yet'}</li>)}</ul>
              )}
            </section>
            <section class="panel" aria-labelledby="history-title">
              <h2 id="history-title">Temporal history</h2>
              {history.status !== 200 ? <p>{describeProblem(history)}</p> : (
                <>
                  <p class="muted">Source: {history.data.source}</p>
                  <ol class="timeline">{history.data.entries.map((entry) => <li><strong>{entry.type}</strong> <span class="muted">#{entry.eventId} · {formatInstant(entry.at, timeZone)} · {entry.actor}</span><div>{entry.summary}</div></li>)}</ol>
                </>
              )}
            </section>
          </div>
        </div>
      </PageLayout>,
    );
  });

  routes.get('/compliance/cases/:caseId/letters/:letterId', async (c) => {
    const caseId = c.req.param('caseId');
    const letterId = c.req.param('letterId');
    if (!uuidPattern.test(caseId) || !uuidPattern.test(letterId)) return c.notFound();
    // The API decides whether the caller may see the case at all; the letter is only served if so.
    if ((await web.api.get(c, `/cases/${caseId}`)).status !== 200) return c.notFound();
    const letter = await readLetterPdf(web.db, caseId, letterId);
    if (!letter) return c.notFound();
    return c.body(new Uint8Array(letter.bytes), 200, { 'content-type': letter.contentType, 'content-disposition': `inline; filename="${letter.fileName.replace(/[^\w.-]/g, '_')}"` });
  });
  return routes;
}
