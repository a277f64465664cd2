import { Hono } from 'hono';
import { adminCollectionNames, type AdminCollectionName } from '../api/admin-collection-names.js';
import type { SlaPolicyView } from '../../db/sla-policy-repository.js';
import { AdminNav, CollectionTable, createExamples } from './admin-collection-view.js';
import { createAdminEditRoutes } from './admin-edit-routes.js';
import { formatInstant, humanizeCode } from './format-time.js';
import { canCallApi } from './page-access.js';
import { PageLayout } from './page-layout.js';
import { findViewerTimeZone } from './viewer-time-zone.js';
import { describeProblem } from './web-api-client.js';
import { readField, readWebPrincipal, requireSection, type WebContext } from './web-context.js';
import { readFlash, withFlash } from './web-flash.js';

type PolicyData = Omit<SlaPolicyView, 'versions'> & { versions: Array<Omit<SlaPolicyView['versions'][number], 'effectiveFrom' | 'createdAt'> & { effectiveFrom: string; createdAt: string }> };
interface ApplyProgress { jobId: string; policyId: string; version: number; status: string; totalCases: number; signalledCases: number; failedCaseIds: string[] }

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The body of a new version, prefilled from the current one so an admin edits rather than types. */
function draftFromVersion(version: PolicyData['versions'][number] | undefined): string {
  if (!version) return '{}';
  return JSON.stringify({ targets: version.targets, timeMode: version.timeMode, ...(version.holidayCalendarCode ? { holidayCalendarCode: version.holidayCalendarCode } : {}), warningThresholds: version.warningThresholds, notes: 'What changed', makeCurrent: true }, null, 2);
}

function PolicyPanel(props: { policy: PolicyData; csrfToken: string; canWrite: boolean; timeZone: string }) {
  const { policy } = props;
  const current = policy.versions.find((version) => version.version === policy.currentVersion) ?? policy.versions.at(-1);
  return (
    <section class="panel" aria-labelledby={`policy-${policy.code}`} data-policy={policy.code}>
      <h2 id={`policy-${policy.code}`}>{policy.name} <span class="muted">({policy.code}), current version {policy.currentVersion}</span></h2>
      <div class="table-scroll" tabindex={0}><table>
        <caption class="visually-hidden">Versions of {policy.name}</caption>
        <thead><tr><th scope="col">Version</th><th scope="col">Time mode</th><th scope="col">Rules</th><th scope="col">Effective from</th><th scope="col">Notes</th></tr></thead>
        <tbody>{policy.versions.map((v) => <tr><td>{v.version}{v.version === policy.currentVersion ? ' (current)' : ''}</td><td>{v.timeMode}</td><td>{v.targets.rules.length}</td><td>{formatInstant(v.effectiveFrom, props.timeZone)}</td><td>{v.notes ?? ''}</td></tr>)}</tbody>
      </table></div>
      {props.canWrite && (
        <div class="grid">
          <form class="stack" method="post" action={`/admin/sla-policies/${policy.policyId}/apply`}>
            <h3>Apply to open cases</h3>
            <input type="hidden" name="_csrf" value={props.csrfToken} />
            <label>Version<select name="version">{policy.versions.map((v) => <option value={String(v.version)} selected={v.version === policy.currentVersion}>{v.version}</option>)}</select></label>
            <button type="submit">Apply to open cases</button>
          </form>
          <details>
            <summary>New version</summary>
            <form class="stack" method="post" action={`/admin/sla-policies/${policy.policyId}/versions`}>
              <input type="hidden" name="_csrf" value={props.csrfToken} />
              <label>Version body (JSON)<textarea name="body" rows={14} spellcheck={false}>{draftFromVersion(current)}</textarea></label>
              <button type="submit">Create version</button>
            </form>
          </details>
        </div>
      )}
    </section>
  );
}

/** `/admin`: SLA policies with versions and "apply to open cases"; `/admin/collections/{name}`: the reference data. */
export function createAdminRoutes(web: WebContext) {
  const routes = new Hono();
  routes.use('/admin', requireSection(web, 'admin'));
  routes.use('/admin/*', requireSection(web, 'admin'));

  routes.get('/admin', async (c) => {
    const principal = readWebPrincipal(c);
    const [answer, timeZone] = await Promise.all([web.api.get<{ items: PolicyData[] }>(c, '/admin/sla-policies'), findViewerTimeZone(web.db, principal)]);
    const canWrite = canCallApi(principal.role, 'POST', '/admin/sla-policies/x/versions');
    return c.html(
      <PageLayout title="Admin console" principal={principal} section="admin" flash={answer.status === 200 ? readFlash(c) : { kind: 'error', text: describeProblem(answer) }}>
        <h1>Admin console</h1>
        <AdminNav current="sla" />
        {(answer.status === 200 ? answer.data.items : []).map((policy) => <PolicyPanel policy={policy} csrfToken={principal.csrfToken ?? ''} canWrite={canWrite} timeZone={timeZone} />)}
      </PageLayout>,
    );
  });

  routes.post('/admin/sla-policies/:policyId/versions', async (c) => {
    const policyId = c.req.param('policyId');
    if (!uuidPattern.test(policyId)) return c.notFound();
    const form = await c.req.parseBody();
    let body: unknown;
    try {
      body = JSON.parse(readField(form, 'body'));
    } catch {
      return c.redirect(withFlash('/admin', { kind: 'error', text: 'The version body is not valid JSON.' }), 303);
    }
    const answer = await web.api.send<{ version: number }>(c, 'POST', `/admin/sla-policies/${policyId}/versions`, body, readField(form, '_csrf'));
    if (answer.status !== 201) return c.redirect(withFlash('/admin', { kind: 'error', text: describeProblem(answer) }), 303);
    return c.redirect(withFlash('/admin', { kind: 'ok', text: `Version ${answer.data.version} created.` }), 303);
  });

  routes.post('/admin/sla-policies/:policyId/apply', async (c) => {
    const policyId = c.req.param('policyId');
    if (!uuidPattern.test(policyId)) return c.notFound();
    const form = await c.req.parseBody();
    const answer = await web.api.send<ApplyProgress>(c, 'POST', `/admin/sla-policies/${policyId}/apply`, { version: Number(readField(form, 'version')) }, readField(form, '_csrf'));
    if (answer.status !== 202) return c.redirect(withFlash('/admin', { kind: 'error', text: describeProblem(answer) }), 303);
    return c.redirect(`/admin/sla-policies/${policyId}/apply/${answer.data.jobId}`, 303);
  });

  routes.get('/admin/sla-policies/:policyId/apply/:jobId', async (c) => {
    const principal = readWebPrincipal(c);
    const { policyId, jobId } = c.req.param();
    if (!uuidPattern.test(policyId) || !uuidPattern.test(jobId)) return c.notFound();
    const answer = await web.api.get<ApplyProgress>(c, `/admin/sla-policies/${policyId}/apply/${jobId}`);
    const progress = answer.status === 200 ? answer.data : null;
    const percent = progress && progress.totalCases > 0 ? Math.round((progress.signalledCases / progress.totalCases) * 100) : 100;
    return c.html(
      <PageLayout title="Applying a policy" principal={principal} section="admin" flash={progress ? null : { kind: 'error', text: describeProblem(answer) }}>
        {progress?.status === 'running' && <meta http-equiv="refresh" content="1" />}
        <h1>Applying version {progress?.version ?? '?'} to open cases</h1>
        {progress && (
          <section class="panel" aria-labelledby="progress-title" data-apply-status={progress.status}>
            <h2 id="progress-title">Status: {progress.status}</h2>
            <progress max={100} value={percent} aria-label="Cases signalled">{percent}%</progress>
            <p>{progress.signalledCases} of {progress.totalCases} open cases signalled{progress.failedCaseIds.length > 0 ? `; ${progress.failedCaseIds.length} failed` : ''}.</p>
          </section>
        )}
        <p><a href="/admin">Back to the SLA policies</a></p>
      </PageLayout>,
    );
  });

  routes.get('/admin/collections/:name', async (c) => {
    const principal = readWebPrincipal(c);
    const name = c.req.param('name') as AdminCollectionName;
    if (!adminCollectionNames.includes(name)) return c.notFound();
    const answer = await web.api.get<{ items: Array<Record<string, unknown>> }>(c, `/admin/${name}`);
    const canWrite = canCallApi(principal.role, 'POST', `/admin/${name}`);
    return c.html(
      <PageLayout title={humanizeCode(name)} principal={principal} section="admin" flash={answer.status === 200 ? readFlash(c) : { kind: 'error', text: describeProblem(answer) }}>
        <h1>{humanizeCode(name)}</h1>
        <AdminNav current={name} />
        {canWrite && (
          <details class="panel">
            <summary>Add to {humanizeCode(name)}</summary>
            <form class="stack" method="post" action={`/admin/collections/${name}`}>
              <input type="hidden" name="_csrf" value={principal.csrfToken ?? ''} />
              <label>New entry (JSON)<textarea name="body" rows={8} spellcheck={false}>{JSON.stringify(createExamples[name] ?? {}, null, 2)}</textarea></label>
              <button type="submit">Create</button>
            </form>
          </details>
        )}
        <section class="panel"><CollectionTable name={name} rows={answer.status === 200 ? answer.data.items : []} canEdit={canCallApi(principal.role, 'PATCH', `/admin/${name}/x`)} /></section>
      </PageLayout>,
    );
  });

  routes.post('/admin/collections/:name', async (c) => {
    const name = c.req.param('name') as AdminCollectionName;
    if (!adminCollectionNames.includes(name)) return c.notFound();
    const back = `/admin/collections/${name}`;
    const form = await c.req.parseBody();
    let body: unknown;
    try {
      body = JSON.parse(readField(form, 'body'));
    } catch {
      return c.redirect(withFlash(back, { kind: 'error', text: 'The entry is not valid JSON.' }), 303);
    }
    const answer = await web.api.send(c, 'POST', `/admin/${name}`, body, readField(form, '_csrf'));
    return c.redirect(withFlash(back, answer.status === 201 ? { kind: 'ok', text: 'Created.' } : { kind: 'error', text: describeProblem(answer) }), 303);
  });
  routes.route('/', createAdminEditRoutes(web));
  return routes;
}

