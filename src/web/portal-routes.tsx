import { Hono, type Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { caseTypes } from '../domain/case-vocabulary.js';
import type { CaseDetailData, CaseRow, TimelineData } from './case-types.js';
import { formatInstant } from './format-time.js';
import { findViewerTimeZone } from './viewer-time-zone.js';
import { PageLayout } from './page-layout.js';
import { choosePortalLanguage, findPortalMessages, type PortalLanguage, type PortalMessages } from './portal-messages.js';
import { describeProblem } from './web-api-client.js';
import { readField, readWebPrincipal, requireSection, type WebContext } from './web-context.js';
import { readFlash, withFlash } from './web-flash.js';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The portal language of this request; a `?lang=` choice is remembered in a cookie. */
function readLanguage(c: Context): PortalLanguage {
  const query = c.req.query('lang');
  const language = choosePortalLanguage(query, getCookie(c, 'lang'), c.req.header('accept-language'));
  if (query === language) setCookie(c, 'lang', language, { path: '/', sameSite: 'Lax', maxAge: 365 * 86_400 });
  return language;
}

/** The survey form, shown while the case's survey is open (sent, not yet answered). */
function SurveyForm(props: { caseId: string; csrfToken: string; t: PortalMessages }) {
  const { t } = props;
  return (
    <section class="panel" id="survey" aria-labelledby="survey-title">
      <h2 id="survey-title">{t.survey}</h2>
      <form class="stack" method="post" action={`/portal/cases/${props.caseId}/csat`}>
        <input type="hidden" name="_csrf" value={props.csrfToken} />
        <fieldset>
          <legend>{t.score}</legend>
          {[1, 2, 3, 4, 5].map((score) => <label class="check"><input type="radio" name="score" value={String(score)} required /> {score}</label>)}
        </fieldset>
        <fieldset>
          <legend>{t.solved}</legend>
          <label class="check"><input type="radio" name="isResolved" value="yes" required /> {t.yes}</label>
          <label class="check"><input type="radio" name="isResolved" value="no" /> {t.no}</label>
        </fieldset>
        <label>{t.comment}<textarea name="comment" rows={3} maxlength={2000}></textarea></label>
        <button type="submit">{t.sendSurvey}</button>
      </form>
    </section>
  );
}

const lookUp = <T extends Record<string, string>>(table: T, key: string): string => (key in table ? table[key as keyof T]! : key);

/** The customer portal: own cases, a new case (channel portal), progress and messages, replies. */
export function createPortalRoutes(web: WebContext) {
  const routes = new Hono();
  routes.use('/portal', requireSection(web, 'portal'));
  routes.use('/portal/*', requireSection(web, 'portal'));

  routes.get('/portal', async (c) => {
    const principal = readWebPrincipal(c);
    const language = readLanguage(c);
    const t = findPortalMessages(language);
    const [answer, timeZone] = await Promise.all([web.api.get<{ items: CaseRow[] }>(c, '/cases?limit=50&sort=-createdAt'), findViewerTimeZone(web.db, principal)]);
    const cases = answer.status === 200 ? answer.data.items : [];
    return c.html(
      <PageLayout title={t.title} principal={principal} section="portal" lang={language} chrome={t} flash={readFlash(c)}>
        <p><a href={`/portal?lang=${language === 'es' ? 'en' : 'es'}`} lang={language === 'es' ? 'en' : 'es'}>{t.language}</a></p>
        <h1>{t.greeting}, {principal.displayName}</h1>
        <div class="grid-wide">
          <section class="panel" aria-labelledby="my-cases">
            <h2 id="my-cases">{t.title}</h2>
            {cases.length === 0 ? <p class="muted">{t.noCases}</p> : (
              <ul>{cases.map((row) => <li data-case-id={row.caseId}><a href={`/portal/cases/${row.caseId}`}>#{row.caseNumber} {row.subject}</a> <span class="chip">{lookUp(t.statuses, row.status)}</span> <span class="muted">{t.opened} {formatInstant(row.createdAt, timeZone)}</span></li>)}</ul>
            )}
          </section>
          <section class="panel" aria-labelledby="new-case">
            <h2 id="new-case">{t.newCase}</h2>
            <form class="stack" method="post" action="/portal/cases">
              <input type="hidden" name="_csrf" value={principal.csrfToken ?? ''} />
              <input type="hidden" name="idempotencyKey" value={crypto.randomUUID()} />
              <label>{t.caseType}<select name="caseType">{caseTypes.map((type) => <option value={type}>{lookUp(t.types, type)}</option>)}</select></label>
              <label>{t.subject}<input name="subject" required maxlength={200} /></label>
              <label>{t.description}<textarea name="description" rows={4} maxlength={10000}></textarea></label>
              <label class="check"><input type="checkbox" name="isUrgent" value="1" /> {t.urgent}</label>
              <button type="submit">{t.submit}</button>
            </form>
          </section>
        </div>
      </PageLayout>,
    );
  });

  routes.post('/portal/cases', async (c) => {
    const t = findPortalMessages(readLanguage(c));
    const form = await c.req.parseBody();
    const field = (name: string) => readField(form, name);
    const body = { channel: 'portal', caseType: field('caseType'), subject: field('subject'), description: field('description'), isUrgent: field('isUrgent') === '1' };
    const key = field('idempotencyKey').slice(0, 200);
    const answer = await web.api.send<{ caseId: string }>(c, 'POST', '/cases', body, field('_csrf'), key ? { 'idempotency-key': key } : {});
    if (answer.status !== 202) return c.redirect(withFlash('/portal', { kind: 'error', text: `${t.failed} ${describeProblem(answer)}` }), 303);
    return c.redirect(withFlash('/portal', { kind: 'ok', text: t.created }), 303);
  });

  routes.get('/portal/cases/:caseId', async (c) => {
    const principal = readWebPrincipal(c);
    const language = readLanguage(c);
    const t = findPortalMessages(language);
    const caseId = c.req.param('caseId');
    if (!uuidPattern.test(caseId)) return c.notFound();
    const [detail, timeline, timeZone] = await Promise.all([web.api.get<CaseDetailData>(c, `/cases/${caseId}`), web.api.get<TimelineData>(c, `/cases/${caseId}/timeline`), findViewerTimeZone(web.db, principal)]);
    if (detail.status !== 200 || timeline.status !== 200) return c.html(<PageLayout title={t.caseHeading} principal={principal} section="portal" lang={language} chrome={t} flash={{ kind: 'error', text: describeProblem(detail) }}><p><a href="/portal">{t.back}</a></p></PageLayout>, 404);
    const notes = timeline.data.notes;
    const eventTypes = new Set(timeline.data.events.map((event) => event.type));
    const isSurveyOpen = eventTypes.has('csat_sent') && !eventTypes.has('csat_answered');
    return c.html(
      <PageLayout title={`${t.caseHeading} #${detail.data.caseNumber}`} principal={principal} section="portal" lang={language} chrome={t} flash={readFlash(c)}>
        <p><a href="/portal">{t.back}</a></p>
        <h1>{t.caseHeading} #{detail.data.caseNumber}: {detail.data.subject}</h1>
        <p>{t.status}: <span class="chip">{lookUp(t.statuses, detail.data.status)}</span></p>
        {isSurveyOpen && <SurveyForm caseId={caseId} csrfToken={principal.csrfToken ?? ''} t={t} />}
        <div class="grid-wide" id="portal-live">
          <section class="panel" aria-labelledby="messages-title">
            <h2 id="messages-title">{t.messages}</h2>
            {notes.length === 0 ? <p class="muted">{t.noMessages}</p> : <ol class="timeline">{notes.map((note) => <li><strong>{note.authorName}</strong> <span class="muted">{formatInstant(note.createdAt, timeZone)}</span><p>{note.body}</p></li>)}</ol>}
            <form class="stack" method="post" action={`/portal/cases/${caseId}/reply`}>
              <input type="hidden" name="_csrf" value={principal.csrfToken ?? ''} />
              <label>{t.reply}<textarea name="body" rows={3} required maxlength={10000}></textarea></label>
              <button type="submit">{t.send}</button>
            </form>
          </section>
          <section class="panel" aria-labelledby="progress-title">
            <h2 id="progress-title">{t.progress}</h2>
            <ol class="timeline">{timeline.data.events.map((event) => <li>{lookUp(t.events, event.type)} <span class="muted">{formatInstant(event.occurredAt, timeZone)}</span></li>)}</ol>
          </section>
        </div>
      </PageLayout>,
    );
  });

  routes.post('/portal/cases/:caseId/csat', async (c) => {
    const t = findPortalMessages(readLanguage(c));
    const caseId = c.req.param('caseId');
    if (!uuidPattern.test(caseId)) return c.notFound();
    const form = await c.req.parseBody();
    const comment = readField(form, 'comment');
    const body = { score: Number(readField(form, 'score')), isResolved: readField(form, 'isResolved') === 'yes', ...(comment ? { comment } : {}) };
    const answer = await web.api.send(c, 'POST', `/cases/${caseId}/csat`, body, readField(form, '_csrf'));
    const back = `/portal/cases/${caseId}`;
    return c.redirect(withFlash(back, answer.status === 202 ? { kind: 'ok', text: t.thanks } : { kind: 'error', text: `${t.failed} ${describeProblem(answer)}` }), 303);
  });

  routes.post('/portal/cases/:caseId/reply', async (c) => {
    const t = findPortalMessages(readLanguage(c));
    const caseId = c.req.param('caseId');
    if (!uuidPattern.test(caseId)) return c.notFound();
    const form = await c.req.parseBody();
    const answer = await web.api.send(c, 'POST', `/cases/${caseId}/notes`, { body: readField(form, 'body'), visibility: 'customer' }, readField(form, '_csrf'));
    const back = `/portal/cases/${caseId}`;
    return c.redirect(withFlash(back, answer.status === 202 ? { kind: 'ok', text: t.sent } : { kind: 'error', text: `${t.failed} ${describeProblem(answer)}` }), 303);
  });
  return routes;
}
