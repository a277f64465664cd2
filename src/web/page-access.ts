import type { UserRole } from '../../db/schema.js';
import { findRouteAccess, isRoleAllowed } from '../api/access-matrix.js';

/** The desks of the web UI; each opens for the roles listed (the API checks every call again). */
export const webSections = {
  workspace: ['csr', 'senior', 'supervisor', 'compliance', 'admin'],
  customers: ['csr', 'senior', 'supervisor', 'compliance'],
  supervisor: ['senior', 'supervisor', 'admin'],
  compliance: ['compliance', 'supervisor', 'admin'],
  admin: ['admin', 'supervisor', 'compliance'],
  portal: ['customer'],
} as const satisfies Record<string, readonly UserRole[]>;
export type WebSection = keyof typeof webSections;

export const sectionLabels: Record<WebSection, string> = {
  workspace: 'Cases',
  customers: 'Customers',
  supervisor: 'Supervisor desk',
  compliance: 'Compliance desk',
  admin: 'Admin console',
  portal: 'My cases',
};

export const sectionPaths: Record<WebSection, string> = {
  workspace: '/app/cases',
  customers: '/app/customers',
  supervisor: '/supervisor',
  compliance: '/compliance',
  admin: '/admin',
  portal: '/portal',
};

/** Tells whether a role may open a desk of the UI. */
export function canOpenSection(role: UserRole, section: WebSection): boolean {
  return (webSections[section] as readonly UserRole[]).includes(role);
}

/** The desks a role sees in its navigation, in menu order. */
export function listSectionsFor(role: UserRole): WebSection[] {
  return (Object.keys(webSections) as WebSection[]).filter((section) => canOpenSection(role, section));
}

/** Where a role lands after logging in. */
export function findHomePath(role: UserRole): string {
  if (role === 'customer') return sectionPaths.portal;
  if (role === 'supervisor') return sectionPaths.supervisor;
  if (role === 'compliance') return sectionPaths.compliance;
  if (role === 'admin') return sectionPaths.admin;
  return sectionPaths.workspace;
}

/** Asks the API's access matrix whether a role may call a route, so forms show only what will be accepted. */
export function canCallApi(role: UserRole, method: string, path: string): boolean {
  const access = findRouteAccess(method, path);
  return access !== undefined && isRoleAllowed(access, role);
}
