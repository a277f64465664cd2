import type { UserRole } from '../schema.js';
import { agentSeeds } from './agent-seeds.js';

/** Demo passwords, one per role (documented in the README; change them on any shared install). */
export const demoPasswords: Record<UserRole, string> = {
  admin: 'admin-demo-2026',
  supervisor: 'supervisor-demo-2026',
  compliance: 'compliance-demo-2026',
  senior: 'senior-demo-2026',
  csr: 'csr-demo-2026',
  customer: 'customer-demo-2026',
};

export interface DemoStaffUser {
  email: string;
  displayName: string;
  role: Exclude<UserRole, 'customer'>;
}

/** Staff logins: one per non-agent role, plus a login for every agent. */
export const demoStaffUsers: DemoStaffUser[] = [
  { email: 'admin@example.com', displayName: 'Alex Morgan', role: 'admin' },
  { email: 'supervisor@example.com', displayName: 'Sam Patel', role: 'supervisor' },
  { email: 'compliance@example.com', displayName: 'Priya Raman', role: 'compliance' },
  ...agentSeeds.map((agent) => ({ email: agent.email, displayName: agent.displayName, role: agent.role })),
];

/** Customers (by customer number) who get a portal login with their own e-mail address. */
export const portalCustomerNumbers = ['CUS-000001', 'CUS-000002', 'CUS-000003', 'CUS-000004', 'CUS-000005'];
