import type { Context } from 'hono';
import type { Db, Sql } from '../../db/client.js';
import type { Logger } from '../logger.js';
import { createAccessEnforcement, createAuthentication } from './auth-middleware.js';
import { createAssignmentRoutes } from './assignment-routes.js';
import { createAuthRoutes } from './auth-routes.js';
import { createAdminRoutes } from './admin-routes.js';
import { createCaseActionRoutes } from './case-action-routes.js';
import type { CaseCommands } from './case-commands.js';
import { createCaseCreateRoutes } from './case-create-routes.js';
import { createCaseChangeHub, type CaseChangeHub } from './case-change-hub.js';
import { createComplaintRoutes } from './complaint-routes.js';
import { createCaseRoutes, type GetCaseHistory, type GetLiveState } from './case-routes.js';
import { createRouter } from './create-router.js';
import { createCsatRoutes } from './csat-routes.js';
import { createCustomerRoutes } from './customer-routes.js';
import { createEventStreamRoutes } from './event-stream-routes.js';
import { createLoginRateLimiter } from './login-rate-limiter.js';
import { createPrincipalCache } from './principal-cache.js';
import type { StartPolicyApplyWorkflow } from './policy-apply-jobs.js';
import { createSavedSearchRoutes } from './saved-search-routes.js';
import { createSlaPolicyRoutes } from './sla-policy-routes.js';

/** What the /api/v1 routes need; the optional Temporal-backed parts answer 501 until wired. */
export interface ApiDeps {
  db: Db;
  /** postgres.js client, for LISTEN (live updates). */
  sql: Sql;
  /** Starts case workflows and signals them (the Temporal client). Without it, writes answer 501. */
  caseCommands?: CaseCommands;
  /** Starts the workflow that re-applies an SLA policy version to open cases, for POST /admin/sla-policies/{policyId}/apply. */
  startPolicyApply?: StartPolicyApplyWorkflow;
  /** The live state of one case (workflow query); merged into GET /cases/{caseId}. */
  getLiveState?: GetLiveState;
  /** The Temporal history of a case, for GET /cases/{caseId}/history. */
  getCaseHistory?: GetCaseHistory;
  /** A hub shared by several apps in one process; one is created (lazily listening) when absent. */
  caseChangeHub?: CaseChangeHub;
  now?: () => Date;
  /** Session lifetime (default 8 hours). */
  sessionTtlMs?: number;
  /** Mark the session cookie Secure (set when served over HTTPS). */
  isCookieSecure?: boolean;
  /** Failed logins allowed per account and address in `loginWindowMs` (default 5 in 15 minutes). */
  loginMaxFailures?: number;
  loginWindowMs?: number;
  /** How long a token's owner is remembered without asking Postgres (default 5 s; 0 disables). */
  principalCacheMs?: number;
}

export interface ApiRuntime {
  logger: Logger;
  clientAddress: (c: Context) => string;
}

export const apiPrefix = '/api/v1';

/** Mounts every /api/v1 route behind authentication and the access matrix. */
export function createApiRoutes(deps: ApiDeps, runtime: ApiRuntime) {
  const now = deps.now ?? (() => new Date());
  const { db, logger } = { db: deps.db, logger: runtime.logger };
  const api = createRouter();
  const principalCache = createPrincipalCache(deps.principalCacheMs ?? 5_000, now);
  api.use('*', createAuthentication(db, now, principalCache));
  api.use('*', createAccessEnforcement(apiPrefix));
  const loginLimiter = createLoginRateLimiter({ maxFailures: deps.loginMaxFailures ?? 5, windowMs: deps.loginWindowMs ?? 15 * 60_000, now });
  api.route('/', createAuthRoutes({ db, now, loginLimiter, sessionTtlMs: deps.sessionTtlMs ?? 8 * 3_600_000, isCookieSecure: deps.isCookieSecure ?? false, clientAddress: runtime.clientAddress, principalCache }));
  api.route('/', createCaseRoutes({ db, logger, getLiveState: deps.getLiveState, getCaseHistory: deps.getCaseHistory }));
  api.route('/', createAssignmentRoutes({ db, caseCommands: deps.caseCommands, now }));
  api.route('/', createCaseCreateRoutes({ db, caseCommands: deps.caseCommands }));
  api.route('/', createCaseActionRoutes({ db, caseCommands: deps.caseCommands }));
  api.route('/', createCsatRoutes({ db, caseCommands: deps.caseCommands }));
  api.route('/', createComplaintRoutes({ db, now }));
  api.route('/', createSavedSearchRoutes({ db }));
  api.route('/', createCustomerRoutes({ db }));
  api.route('/', createEventStreamRoutes({ db, hub: deps.caseChangeHub ?? createCaseChangeHub(deps.sql, logger) }));
  api.route('/', createSlaPolicyRoutes({ db, logger, startPolicyApply: deps.startPolicyApply }));
  api.route('/', createAdminRoutes({ db }));
  return api;
}
