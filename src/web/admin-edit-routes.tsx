import { Hono, type Context } from 'hono';
import { adminCollectionNames, type AdminCollectionName } from '../api/admin-collection-names.js';
import { AdminNav } from './admin-collection-view.js';
import { AdminEntryForm, buildPatchBody, readEntryKey } from './admin-entry-form.js';
import { humanizeCode } from './format-time.js';
import { canCallApi } from './page-access.js';
import { PageLayout } from './page-layout.js';
import { describeProblem } from './web-api-client.js';
import { readWebPrincipal, type WebContext } from './web-context.js';
import { readFlash, withFlash } from './web-flash.js';

const entryKeyPattern = /^[A-Za-z0-9_-]{1,64}$/;

/** The entry of a collection as the API lists it, or null (the API keeps the only copy of the rules). */
async function readEntry(web: WebContext, c: Context, name: AdminCollectionName, key: string): Promise<Record<string, unknown> | null> {
  const answer = await web.api.get<{ items: Array<Record<string, unknown>> }>(c, `/admin/${name}`);
  return answer.status === 200 ? (answer.data.items.find((row) => readEntryKey(name, row) === key) ?? null) : null;
}

/**
 * `GET /admin/collections/{name}/{key}/edit` and its post: change one entry through
 * PATCH /api/v1/admin/{name}/{key} (audited there). Mounted by createAdminRoutes, behind its admin-desk guard.
 */
export function createAdminEditRoutes(web: WebContext) {
  const routes = new Hono();
  const readTarget = (c: Context) => {
    const name = c.req.param('name') as AdminCollectionName;
    const key = c.req.param('key') ?? '';
    return adminCollectionNames.includes(name) && entryKeyPattern.test(key) ? { name, key } : null;
  };
  routes.get('/admin/collections/:name/:key/edit', async (c) => {
    const principal = readWebPrincipal(c);
    const target = readTarget(c);
    if (!target) return c.notFound();
    if (!canCallApi(principal.role, 'PATCH', `/admin/${target.name}/x`)) return c.redirect(withFlash(`/admin/collections/${target.name}`, { kind: 'error', text: `The ${principal.role} role may not change entries.` }), 303);
    const row = await readEntry(web, c, target.name, target.key);
    if (!row) return c.redirect(withFlash(`/admin/collections/${target.name}`, { kind: 'error', text: `No entry ${target.key}.` }), 303);
    return c.html(
      <PageLayout title={`Edit ${target.key}`} principal={principal} section="admin" flash={readFlash(c)}>
        <h1>Edit {humanizeCode(target.name)}: {String(row.name ?? row.displayName ?? row.label ?? row.email ?? target.key)}</h1>
        <AdminNav current={target.name} />
        <p class="muted">Key <code>{target.key}</code> (it cannot change). Only the fields you change are sent; each change is recorded in the audit log with its before and after.</p>
        <AdminEntryForm name={target.name} entryKey={target.key} row={row} csrfToken={principal.csrfToken ?? ''} />
      </PageLayout>,
    );
  });
  routes.post('/admin/collections/:name/:key', async (c) => {
    const target = readTarget(c);
    if (!target) return c.notFound();
    const list = `/admin/collections/${target.name}`;
    const edit = `${list}/${encodeURIComponent(target.key)}/edit`;
    const form = await c.req.parseBody({ all: true });
    const row = await readEntry(web, c, target.name, target.key);
    if (!row) return c.redirect(withFlash(list, { kind: 'error', text: `No entry ${target.key}.` }), 303);
    const { body, problems } = buildPatchBody(target.name, row, form);
    if (problems.length > 0) return c.redirect(withFlash(edit, { kind: 'error', text: problems.join('; ') }), 303);
    if (Object.keys(body).length === 0) return c.redirect(withFlash(list, { kind: 'ok', text: `Nothing changed in ${target.key}.` }), 303);
    const csrf = typeof form._csrf === 'string' ? form._csrf : '';
    const answer = await web.api.send(c, 'PATCH', `/admin/${target.name}/${encodeURIComponent(target.key)}`, body, csrf);
    if (answer.status !== 200) return c.redirect(withFlash(edit, { kind: 'error', text: describeProblem(answer) }), 303);
    return c.redirect(withFlash(list, { kind: 'ok', text: `Saved ${target.key}: ${Object.keys(body).join(', ')}.` }), 303);
  });
  return routes;
}
