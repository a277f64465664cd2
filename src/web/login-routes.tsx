import { Hono } from 'hono';
import { PageLayout } from './page-layout.js';
import { findHomePath } from './page-access.js';
import { readField, type WebContext } from './web-context.js';

const demoUsers = [
  { role: 'Admin', email: 'admin@example.com', password: 'admin-demo-2026' },
  { role: 'Supervisor', email: 'supervisor@example.com', password: 'supervisor-demo-2026' },
  { role: 'Compliance', email: 'compliance@example.com', password: 'compliance-demo-2026' },
  { role: 'Senior handler', email: 'isabella.hernandez@example.com', password: 'senior-demo-2026' },
  { role: 'CSR', email: 'li.lei@example.com', password: 'csr-demo-2026' },
  { role: 'Customer (portal)', email: 'the e-mail of CUS-000001 … CUS-000005', password: 'customer-demo-2026' },
];

/** Only local paths may follow a login, so the form cannot be used to bounce users elsewhere. */
const safeNext = (next: string): string | null => (next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : null);

function LoginPage(props: { web: WebContext; error?: string; email?: string; next?: string }) {
  return (
    <PageLayout title="Log in" principal={null} flash={props.error ? { kind: 'error', text: props.error } : null}>
      <section class="panel login-card" aria-labelledby="login-title">
        <h1 id="login-title">Log in</h1>
        <form class="stack" method="post" action="/login">
          <label>E-mail<input type="email" name="email" autocomplete="username" required value={props.email ?? ''} /></label>
          <label>Password<input type="password" name="password" autocomplete="current-password" required /></label>
          <input type="hidden" name="next" value={props.next ?? ''} />
          <button type="submit">Log in</button>
        </form>
      </section>
      {props.web.isDemo && (
        <section class="panel login-card" aria-labelledby="demo-title">
          <h2 id="demo-title">Demo users</h2>
          <div class="table-scroll" tabindex={0}>
            <table>
              <thead><tr><th scope="col">Role</th><th scope="col">E-mail</th><th scope="col">Password</th></tr></thead>
              <tbody>{demoUsers.map((user) => <tr><td>{user.role}</td><td>{user.email}</td><td><code>{user.password}</code></td></tr>)}</tbody>
            </table>
          </div>
        </section>
      )}
    </PageLayout>
  );
}

/** `/` (to the role's desk or the login page), `/login` (form and post), `/logout`. */
export function createLoginRoutes(web: WebContext) {
  const routes = new Hono();
  routes.get('/', async (c) => {
    const principal = await web.api.readPrincipal(c);
    return c.redirect(principal ? findHomePath(principal.role) : '/login', 303);
  });
  routes.get('/login', (c) => c.html(<LoginPage web={web} next={c.req.query('next') ?? ''} />));
  routes.post('/login', async (c) => {
    const form = await c.req.parseBody();
    const email = readField(form, 'email');
    const next = safeNext(readField(form, 'next'));
    const result = await web.api.logIn(c, email, readField(form, 'password'));
    if (result.status !== 200 || !result.principal) {
      const error = result.status === 429 ? 'Too many failed logins; try again later.' : 'The e-mail or the password is wrong.';
      return c.html(<LoginPage web={web} error={error} email={email} next={next ?? ''} />, result.status === 429 ? 429 : 401);
    }
    for (const cookie of result.setCookies) c.header('set-cookie', cookie, { append: true });
    return c.redirect(next ?? findHomePath(result.principal.role), 303);
  });
  routes.post('/logout', async (c) => {
    const form = await c.req.parseBody();
    await web.api.send(c, 'POST', '/auth/logout', undefined, readField(form, '_csrf'));
    c.header('set-cookie', 'case_engine_session=; Max-Age=0; Path=/; HttpOnly; SameSite=Lax');
    return c.redirect('/login', 303);
  });
  return routes;
}
