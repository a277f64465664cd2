import { Hono } from 'hono';
import { Customer360View, type Customer360Data } from './customer-360-view.js';
import { findRegionTimeZone } from './viewer-time-zone.js';
import { canCallApi } from './page-access.js';
import { PageLayout } from './page-layout.js';
import { describeProblem } from './web-api-client.js';
import { readField, readWebPrincipal, requireSection, type WebContext } from './web-context.js';
import { readFlash, withFlash } from './web-flash.js';

interface CustomerMatchData {
  customerId: string;
  customerNumber: string;
  name: string;
  email: string | null;
  phone: string | null;
  segment: string;
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const pollIntervalMs = 100;
const pollAttempts = 50;

/** `GET /app/customers` (search), `GET /app/customers/{id}` (360° view), `POST /app/customers/{id}/cases`. */
export function createCustomerRoutes(web: WebContext) {
  const routes = new Hono();
  routes.use('/app/customers', requireSection(web, 'customers'));
  routes.use('/app/customers/*', requireSection(web, 'customers'));

  routes.get('/app/customers', async (c) => {
    const principal = readWebPrincipal(c);
    const q = (c.req.query('q') ?? '').trim().slice(0, 200);
    const answer = q.length >= 2 ? await web.api.get<{ items: CustomerMatchData[] }>(c, `/customers?${new URLSearchParams({ q, limit: '25' })}`) : null;
    const matches = answer?.status === 200 ? answer.data.items : [];
    return c.html(
      <PageLayout title="Customers" principal={principal} section="customers" flash={answer && answer.status !== 200 ? { kind: 'error', text: describeProblem(answer) } : readFlash(c)}>
        <h1>Find a customer</h1>
        <form class="panel inline" method="get" action="/app/customers" role="search" aria-label="Find a customer">
          <label>Name, phone, e-mail or account number<input type="search" aria-keyshortcuts="/" name="q" value={q} minlength={2} required autofocus /></label>
          <button type="submit">Search</button>
        </form>
        {answer && (
          <section class="panel" aria-labelledby="results-title">
            <h2 id="results-title">{matches.length} match{matches.length === 1 ? '' : 'es'}</h2>
            <div class="table-scroll" tabindex={0}><table>
              <thead><tr><th scope="col">Customer</th><th scope="col">Number</th><th scope="col">E-mail</th><th scope="col">Phone</th><th scope="col">Segment</th></tr></thead>
              <tbody>{matches.map((m) => <tr><td><a href={`/app/customers/${m.customerId}`}>{m.name}</a></td><td>{m.customerNumber}</td><td>{m.email ?? '—'}</td><td>{m.phone ?? '—'}</td><td>{m.segment}</td></tr>)}</tbody>
            </table></div>
          </section>
        )}
      </PageLayout>,
    );
  });

  routes.get('/app/customers/:customerId', async (c) => {
    const principal = readWebPrincipal(c);
    const customerId = c.req.param('customerId');
    if (!uuidPattern.test(customerId)) return c.notFound();
    const answer = await web.api.get<Customer360Data>(c, `/customers/${customerId}/360`);
    if (answer.status !== 200) return c.html(<PageLayout title="Customer" principal={principal} section="customers" flash={{ kind: 'error', text: describeProblem(answer) }}><h1>Customer not available</h1></PageLayout>, 404);
    const view = answer.data;
    // The customer's own local time: what matters when calling them back.
    const timeZone = await findRegionTimeZone(web.db, view.profile.regionCode);
    return c.html(
      <PageLayout title={view.profile.name} principal={principal} section="customers" flash={readFlash(c)}>
        <h1>{view.profile.name} <span class="muted">({view.profile.customerNumber})</span></h1>
        <Customer360View view={view} csrfToken={principal.csrfToken ?? ''} canCreateCase={canCallApi(principal.role, 'POST', '/cases')} timeZone={timeZone} />
      </PageLayout>,
    );
  });

  routes.post('/app/customers/:customerId/cases', async (c) => {
    const customerId = c.req.param('customerId');
    if (!uuidPattern.test(customerId)) return c.notFound();
    const form = await c.req.parseBody();
    const field = (name: string) => readField(form, name);
    const body = { customerId, caseType: field('caseType'), channel: field('channel') || 'phone', subject: field('subject'), description: field('description'), ...(field('priority') ? { priority: field('priority') } : {}) };
    const answer = await web.api.send<{ caseId: string; caseNumber: number }>(c, 'POST', '/cases', body, field('_csrf'), field('idempotencyKey') ? { 'idempotency-key': field('idempotencyKey').slice(0, 200) } : {});
    if (answer.status !== 202) return c.redirect(withFlash(`/app/customers/${customerId}`, { kind: 'error', text: describeProblem(answer) }), 303);
    // The read model row appears once the workflow has projected the case; wait briefly for it.
    for (let attempt = 0; attempt < pollAttempts; attempt++) {
      if ((await web.api.get(c, `/cases/${answer.data.caseId}`)).status === 200) break;
      await new Promise((resolve) => setTimeout(resolve, pollIntervalMs));
    }
    return c.redirect(withFlash(`/app/cases/${answer.data.caseId}`, { kind: 'ok', text: `Case #${answer.data.caseNumber} created.` }), 303);
  });
  return routes;
}
