import { and, eq, gt, isNull, or, sql } from 'drizzle-orm';
import type { Principal } from '../src/auth/principal.js';
import type { Db } from './client.js';
import { apiTokens, sessions, users, type UserRole } from './schema.js';

export interface LoginCandidate {
  userId: string;
  passwordHash: string;
  isActive: boolean;
}

const principalColumns = {
  userId: users.id,
  email: users.email,
  displayName: users.displayName,
  role: users.role,
  customerId: users.customerId,
};

/** The user a login names (e-mail compared lower-case), or null. */
export async function findLoginCandidate(db: Db, email: string): Promise<LoginCandidate | null> {
  const [row] = await db
    .select({ userId: users.id, passwordHash: users.passwordHash, isActive: users.isActive })
    .from(users)
    .where(eq(users.email, email.toLowerCase()));
  return row ?? null;
}

export interface NewSessionInput {
  userId: string;
  tokenHash: string;
  csrfToken: string;
  expiresAt: Date;
  userAgent: string | null;
  ipAddress: string | null;
}

/** Stores a session and stamps the user's last login. */
export async function createSession(db: Db, input: NewSessionInput): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.insert(sessions).values(input);
    await tx.update(users).set({ lastLoginAt: sql`now()` }).where(eq(users.id, input.userId));
  });
}

/** The principal of a live session (not expired, user active), or null. */
export async function findSessionPrincipal(db: Db, tokenHash: string, now: Date): Promise<Principal | null> {
  const [row] = await db
    .select({ ...principalColumns, csrfToken: sessions.csrfToken })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, now), eq(users.isActive, true)));
  return row ? { ...row, via: 'session' } : null;
}

export async function deleteSession(db: Db, tokenHash: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
}

export interface NewApiTokenInput {
  userId: string;
  name: string;
  tokenHash: string;
  tokenPrefix: string;
  expiresAt: Date | null;
}

export async function createApiToken(db: Db, input: NewApiTokenInput): Promise<{ tokenId: string; createdAt: Date }> {
  const [row] = await db.insert(apiTokens).values(input).returning({ tokenId: apiTokens.id, createdAt: apiTokens.createdAt });
  return row!;
}

/** The principal of a live API token (not revoked, not expired, user active), or null. */
export async function findTokenPrincipal(db: Db, tokenHash: string, now: Date): Promise<Principal | null> {
  const [row] = await db
    .select(principalColumns)
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(
      and(
        eq(apiTokens.tokenHash, tokenHash),
        isNull(apiTokens.revokedAt),
        or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, now)),
        eq(users.isActive, true),
      ),
    );
  return row ? { ...row, via: 'token', csrfToken: null } : null;
}

/** The principal of a user by id (tests and tooling set-up). */
export async function findUserPrincipal(db: Db, userId: string): Promise<Omit<Principal, 'via' | 'csrfToken'> | null> {
  const [row] = await db.select(principalColumns).from(users).where(eq(users.id, userId));
  return row ?? null;
}

export type { UserRole };
