import type { Principal } from '../auth/principal.js';

export interface PrincipalCache {
  get(tokenHash: string): Principal | undefined;
  set(tokenHash: string, principal: Principal): void;
  /** Forgets a token at once (logout), so it cannot be used for the rest of the TTL. */
  forget(tokenHash: string): void;
}

const maxEntries = 10_000;

/**
 * Remembers who a token belongs to for a few seconds, sparing a database round trip on every
 * request of a busy client. The price: a user deactivated or a token expiring is noticed up to
 * `ttlMs` late (logout is immediate: it calls `forget`).
 */
export function createPrincipalCache(ttlMs: number, now: () => Date): PrincipalCache {
  const entries = new Map<string, { principal: Principal; expiresAtMs: number }>();
  return {
    get(tokenHash) {
      const entry = entries.get(tokenHash);
      if (!entry) return undefined;
      if (entry.expiresAtMs > now().getTime()) return entry.principal;
      entries.delete(tokenHash);
      return undefined;
    },
    set(tokenHash, principal) {
      if (entries.size >= maxEntries) entries.delete(entries.keys().next().value!);
      entries.set(tokenHash, { principal, expiresAtMs: now().getTime() + ttlMs });
    },
    forget(tokenHash) {
      entries.delete(tokenHash);
    },
  };
}
