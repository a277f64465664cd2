/**
 * PII masking: the rule "mask to the last 4 for every role that does not need more" as data.
 * Roles are plain strings here so the domain does not depend on the user model.
 */

export const piiKinds = ['accountNumber', 'phone', 'nationalId', 'email'] as const;
export type PiiKind = (typeof piiKinds)[number];
export type PiiExposure = 'full' | 'last4';

export const piiRoles = ['csr', 'senior', 'supervisor', 'compliance', 'admin', 'customer'] as const;
export type PiiRole = (typeof piiRoles)[number];

/**
 * Who sees what in full. CSRs, seniors and supervisors call customers back, so they see phone and
 * e-mail; account numbers in full only where disputes and adjustments need them (senior,
 * supervisor, compliance); national ids only for compliance (regulator correspondence). Admins
 * configure the system and need none of it. Customers see their own contact data; their account
 * numbers and national id stay masked, as on a bank statement.
 */
export const piiExposureByRole: Readonly<Record<PiiRole, Readonly<Record<PiiKind, PiiExposure>>>> = {
  csr: { accountNumber: 'last4', phone: 'full', nationalId: 'last4', email: 'full' },
  senior: { accountNumber: 'full', phone: 'full', nationalId: 'last4', email: 'full' },
  supervisor: { accountNumber: 'full', phone: 'full', nationalId: 'last4', email: 'full' },
  compliance: { accountNumber: 'full', phone: 'full', nationalId: 'full', email: 'full' },
  admin: { accountNumber: 'last4', phone: 'last4', nationalId: 'last4', email: 'last4' },
  customer: { accountNumber: 'last4', phone: 'full', nationalId: 'last4', email: 'full' },
};

/**
 * Masks a value to its last 4 characters (`•••• 1234`); values of 4 characters or fewer are masked
 * whole, so a short value never shows in full. `null`/`undefined` pass through.
 */
export function maskToLast4<T extends string | null | undefined>(value: T): T | string {
  if (value === null || value === undefined) return value;
  const compact = value.replace(/\s+/g, '');
  if (compact.length <= 4) return '••••';
  return `••••${compact.slice(-4)}`;
}

/** Returns the value as the role may see it: in full, or masked to the last 4. */
export function maskPii<T extends string | null | undefined>(role: PiiRole, kind: PiiKind, value: T): T | string {
  return piiExposureByRole[role][kind] === 'full' ? value : maskToLast4(value);
}

/** Tells whether the role sees this kind of PII in full. */
export function canSeeFullPii(role: PiiRole, kind: PiiKind): boolean {
  return piiExposureByRole[role][kind] === 'full';
}
