import type { Customer360, CustomerMatch } from '../../db/customer-repository.js';
import type { Principal } from '../auth/principal.js';
import { maskPii } from '../domain/pii.js';

export function presentCustomerMatch(principal: Principal, match: CustomerMatch) {
  return { ...match, email: maskPii(principal.role, 'email', match.email), phone: maskPii(principal.role, 'phone', match.phone) };
}

/** The 360° view with every PII field masked as the caller's role requires. */
export function presentCustomer360(principal: Principal, view: Customer360) {
  const { role } = principal;
  return {
    ...view,
    profile: {
      ...view.profile,
      email: maskPii(role, 'email', view.profile.email),
      phone: maskPii(role, 'phone', view.profile.phone),
      nationalId: maskPii(role, 'nationalId', view.profile.nationalId),
      customerSince: view.profile.customerSince.toISOString(),
    },
    accounts: view.accounts.map((account) => ({ ...account, accountNumber: maskPii(role, 'accountNumber', account.accountNumber) })),
    recentTransactions: view.recentTransactions.map((t) => ({ ...t, occurredAt: t.occurredAt.toISOString() })),
    openCases: view.openCases.map((k) => ({ ...k, createdAt: k.createdAt.toISOString() })),
    recentInteractions: view.recentInteractions.map((i) => ({ ...i, occurredAt: i.occurredAt.toISOString() })),
    riskFlags: view.riskFlags.map((f) => ({ ...f, raisedAt: f.raisedAt.toISOString() })),
    csat: { ...view.csat, history: view.csat.history.map((s) => ({ ...s, answeredAt: s.answeredAt?.toISOString() ?? null })) },
  };
}
