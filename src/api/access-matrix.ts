import { userRoles, type UserRole } from '../../db/schema.js';
import { adminCollectionNames } from './admin-collection-names.js';

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** One route of /api/v1 and the roles that may call it; `public` needs no login. */
export interface RouteAccess {
  method: HttpMethod;
  /** OpenAPI-style path under /api/v1, e.g. `/cases/{caseId}`. */
  path: string;
  roles: readonly UserRole[] | 'public';
}

const staff = ['csr', 'senior', 'supervisor', 'compliance', 'admin'] as const satisfies readonly UserRole[];
const everyone = userRoles;
const handlers = ['csr', 'senior', 'supervisor'] as const satisfies readonly UserRole[];
const caseReaders = everyone;
const oversight = ['senior', 'supervisor', 'compliance', 'admin'] as const satisfies readonly UserRole[];
const adminOnly = ['admin'] as const satisfies readonly UserRole[];
const adminReaders = ['admin', 'supervisor', 'compliance'] as const satisfies readonly UserRole[];

/**
 * THE access matrix: every route × role of the API, in one table. The access middleware refuses
 * anything not listed (default deny), so a route without a row here cannot be reached.
 * Object-level rules (a customer sees only their own cases) apply on top, in the handlers.
 * Order matters where paths overlap: the first matching row wins (`export.csv` before `{caseId}`).
 */
export const accessMatrix: readonly RouteAccess[] = [
  { method: 'POST', path: '/auth/login', roles: 'public' },
  { method: 'POST', path: '/auth/logout', roles: everyone },
  { method: 'GET', path: '/auth/me', roles: everyone },
  { method: 'POST', path: '/auth/tokens', roles: staff },

  { method: 'GET', path: '/cases', roles: caseReaders },
  { method: 'POST', path: '/cases', roles: [...handlers, 'customer'] },
  { method: 'GET', path: '/cases/export.csv', roles: oversight },
  // Bulk reassignment is a supervisor's tool (each case workflow still checks skills and capacity).
  { method: 'POST', path: '/cases/reassign', roles: ['supervisor', 'admin'] },
  { method: 'GET', path: '/cases/{caseId}', roles: caseReaders },
  { method: 'GET', path: '/cases/{caseId}/timeline', roles: caseReaders },
  // Temporal history holds every internal detail: compliance, supervisors and admins only.
  { method: 'GET', path: '/cases/{caseId}/history', roles: ['compliance', 'supervisor', 'admin'] },
  { method: 'POST', path: '/cases/{caseId}/notes', roles: [...handlers, 'compliance', 'customer'] },
  { method: 'POST', path: '/cases/{caseId}/assign', roles: handlers },
  { method: 'POST', path: '/cases/{caseId}/transfer', roles: handlers },
  { method: 'POST', path: '/cases/{caseId}/escalate', roles: [...handlers, 'compliance'] },
  { method: 'POST', path: '/cases/{caseId}/de-escalate', roles: ['senior', 'supervisor'] },
  { method: 'POST', path: '/cases/{caseId}/priority', roles: ['senior', 'supervisor'] },
  { method: 'POST', path: '/cases/{caseId}/pause', roles: handlers },
  { method: 'POST', path: '/cases/{caseId}/resume', roles: handlers },
  { method: 'POST', path: '/cases/{caseId}/resolve', roles: handlers },
  { method: 'POST', path: '/cases/{caseId}/reopen', roles: handlers },
  // The survey is the customer's own voice: only the portal user of the case answers it.
  { method: 'POST', path: '/cases/{caseId}/csat', roles: ['customer'] },
  { method: 'GET', path: '/complaints', roles: oversight },

  { method: 'GET', path: '/saved-searches', roles: staff },
  { method: 'POST', path: '/saved-searches', roles: staff },
  { method: 'GET', path: '/customers', roles: ['csr', 'senior', 'supervisor', 'compliance'] },
  { method: 'GET', path: '/customers/{customerId}/360', roles: ['csr', 'senior', 'supervisor', 'compliance'] },
  { method: 'GET', path: '/events', roles: everyone },
  // Handlers set their own availability; supervisors and admins anyone's (object check in the handler).
  { method: 'POST', path: '/agents/{agentId}/availability', roles: [...handlers, 'admin'] },

  { method: 'GET', path: '/admin/sla-policies', roles: adminReaders },
  { method: 'POST', path: '/admin/sla-policies/{policyId}/versions', roles: adminOnly },
  { method: 'POST', path: '/admin/sla-policies/{policyId}/apply', roles: adminOnly },
  { method: 'GET', path: '/admin/sla-policies/{policyId}/apply/{jobId}', roles: adminOnly },
  { method: 'GET', path: '/admin/audit-log', roles: ['admin', 'compliance'] },
  ...adminCollectionNames.flatMap((name): RouteAccess[] => [
    { method: 'GET', path: `/admin/${name}`, roles: adminReaders },
    { method: 'POST', path: `/admin/${name}`, roles: adminOnly },
    { method: 'PATCH', path: `/admin/${name}/{key}`, roles: adminOnly },
  ]),
];

interface CompiledAccess {
  access: RouteAccess;
  pattern: RegExp;
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^$()|[\]\\]/g, '\\$&');

const compiled: CompiledAccess[] = accessMatrix.map((access) => ({
  access,
  pattern: new RegExp(`^${access.path.split(/(\{[^}]+\})/).map((part) => (part.startsWith('{') ? '[^/]+' : escapeRegExp(part))).join('')}/?$`),
}));

/** The matrix row for a request under /api/v1 (path without the prefix), or undefined. */
export function findRouteAccess(method: string, path: string): RouteAccess | undefined {
  const upper = method === 'HEAD' ? 'GET' : method.toUpperCase();
  return compiled.find((entry) => entry.access.method === upper && entry.pattern.test(path))?.access;
}

/** Tells whether a role may call a route (public routes: everyone, logged in or not). */
export function isRoleAllowed(access: RouteAccess, role: UserRole | null): boolean {
  if (access.roles === 'public') return true;
  return role !== null && access.roles.includes(role);
}
