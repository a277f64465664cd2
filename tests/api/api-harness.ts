import { eq } from 'drizzle-orm';
import { apiTokens, users, type UserRole } from '../../db/schema.js';
import { seedDatabase } from '../../db/seed/seed-database.js';
import { createApp, type ApiDeps } from '../../src/api/app.js';
import { createSecretToken } from '../../src/auth/secret-token.js';
import { createLogger } from '../../src/logger.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

export const allRoles: readonly UserRole[] = ['csr', 'senior', 'supervisor', 'compliance', 'admin', 'customer'];

export interface RequestOptions {
  token?: string;
  body?: unknown;
  rawBody?: string;
  headers?: Record<string, string>;
}

export interface ApiHarness {
  app: ReturnType<typeof createApp>;
  database: TestDatabase;
  /** A bearer token per role, for the first seeded user of that role. */
  tokens: Record<UserRole, string>;
  userIds: Record<UserRole, string>;
  customerIdOfPortalUser: string;
  request(method: string, path: string, options?: RequestOptions): Promise<Response>;
  close(): Promise<void>;
}

async function issueToken(database: TestDatabase, userId: string): Promise<string> {
  const secret = createSecretToken('cet');
  await database.db.insert(apiTokens).values({ userId, name: 'test', tokenHash: secret.tokenHash, tokenPrefix: secret.tokenPrefix });
  return secret.token;
}

/** A seeded database of its own and the app over it, with a bearer token for each role. */
export async function createApiHarness(extra: Partial<ApiDeps> = {}): Promise<ApiHarness> {
  const database = await createTestDatabase();
  await seedDatabase(database.db);
  const app = createApp({
    logger: createLogger('error', () => undefined),
    health: { checks: {}, version: 'test', startedAt: new Date() },
    api: { db: database.db, sql: database.sql, ...extra },
  });
  const tokens = {} as Record<UserRole, string>;
  const userIds = {} as Record<UserRole, string>;
  let customerIdOfPortalUser = '';
  for (const role of allRoles) {
    const [user] = await database.db.select().from(users).where(eq(users.role, role)).orderBy(users.email).limit(1);
    if (!user) throw new Error(`the seed has no ${role} user`);
    userIds[role] = user.id;
    tokens[role] = await issueToken(database, user.id);
    if (role === 'customer') customerIdOfPortalUser = user.customerId!;
  }
  const request = (method: string, path: string, options: RequestOptions = {}) => {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    let body: string | undefined = options.rawBody;
    if (options.body !== undefined) {
      body = JSON.stringify(options.body);
      headers['content-type'] ??= 'application/json';
    }
    return Promise.resolve(app.request(path, { method, headers, body }));
  };
  return { app, database, tokens, userIds, customerIdOfPortalUser, request, close: () => database.close() };
}
