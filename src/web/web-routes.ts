import { Hono } from 'hono';
import type { Db } from '../../db/client.js';
import { createAdminRoutes } from './admin-routes.js';
import { appStylesheet } from './app-stylesheet.js';
import { createComplianceRoutes } from './compliance-routes.js';
import { createCaseDetailRoutes } from './case-detail-routes.js';
import { createCaseListRoutes } from './case-list-routes.js';
import { createCustomerRoutes } from './customer-routes.js';
import { bulkSelectionScript } from './bulk-selection-script.js';
import { dragAssignScript } from './drag-assign-script.js';
import { keyboardShortcutsScript } from './keyboard-shortcuts-script.js';
import { liveUpdatesScript } from './live-updates-script.js';
import { createLoginRoutes } from './login-routes.js';
import { createPortalRoutes } from './portal-routes.js';
import { createSupervisorRoutes } from './supervisor-routes.js';
import { createWebApiClient, type CallApi } from './web-api-client.js';
import type { WebContext } from './web-context.js';

export interface WebDeps {
  db: Db;
  /** The app's own request function: pages read and write through /api/v1. */
  callApi: CallApi;
  now?: () => Date;
  temporalUiUrl?: string;
  /** Show the demo users on the login page (default true; turn off in production). */
  isDemo?: boolean;
}

const assetHeaders = { 'cache-control': 'public, max-age=300' };

/** The web UI: login, the staff desks and the customer portal, rendered on the server. */
export function createWebRoutes(deps: WebDeps) {
  const web: WebContext = { api: createWebApiClient(deps.callApi), db: deps.db, now: deps.now ?? (() => new Date()), temporalUiUrl: deps.temporalUiUrl, isDemo: deps.isDemo ?? true };
  const routes = new Hono();
  routes.get('/assets/app.css', (c) => c.body(appStylesheet, 200, { ...assetHeaders, 'content-type': 'text/css; charset=utf-8' }));
  routes.get('/assets/app.js', (c) => c.body(liveUpdatesScript + keyboardShortcutsScript + bulkSelectionScript + dragAssignScript, 200, { ...assetHeaders, 'content-type': 'text/javascript; charset=utf-8' }));
  routes.route('/', createLoginRoutes(web));
  routes.route('/', createCaseListRoutes(web));
  routes.route('/', createCaseDetailRoutes(web));
  routes.route('/', createCustomerRoutes(web));
  routes.route('/', createSupervisorRoutes(web));
  routes.route('/', createComplianceRoutes(web));
  routes.route('/', createAdminRoutes(web));
  routes.route('/', createPortalRoutes(web));
  return routes;
}
