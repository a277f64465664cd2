import { createHash, randomBytes } from 'node:crypto';

/**
 * A random bearer secret (256 bits, base64url) with a readable prefix. Only its SHA-256 is stored:
 * the secret has full entropy, so a fast hash is enough (a slow KDF is for low-entropy passwords).
 */
export function createSecretToken(prefix: string): { token: string; tokenHash: string; tokenPrefix: string } {
  const token = `${prefix}_${randomBytes(32).toString('base64url')}`;
  return { token, tokenHash: hashSecretToken(token), tokenPrefix: token.slice(0, prefix.length + 7) };
}

/** The stored form of a session or API token. */
export function hashSecretToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
