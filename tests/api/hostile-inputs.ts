/** A small deterministic PRNG (mulberry32), so a failing fuzz case can be replayed from its seed. */
export function createRandom(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  return { next, pick, chance: (p: number) => next() < p, integer: (max: number) => Math.floor(next() * max) };
}
export type Random = ReturnType<typeof createRandom>;

export const hostileStrings = [
  "' OR 1=1 --", "'; DROP TABLE cases; --", '" OR ""="', '<script>alert(1)</script>', '../../etc/passwd', '%00', '\u0000', '\ud800',
  '${7*7}', '{{7*7}}', '=cmd|calc!A1', 'ｆｕｌｌｗｉｄｔｈ', '😀'.repeat(50), ' ', '', 'null', 'undefined', 'NaN', '-1', '1e309', '0x7fffffff',
  'a'.repeat(5000), '__proto__', 'constructor', '\r\nSet-Cookie: x=1', 'P1,P2,P9,,,', 'new,,closed', '2026-13-45T99:99:99Z', '00000000-0000-0000-0000-000000000000',
  'not a uuid', '%2e%2e%2f', '*', '\\', '!@#$%^&*()', 'SELECT pg_sleep(10)', 'x:y:z', "websearch ' & | ! <->",
];

export function randomScalar(random: Random): unknown {
  return random.pick<() => unknown>([
    () => random.pick(hostileStrings),
    () => random.integer(1e9) * (random.chance(0.5) ? -1 : 1),
    () => random.next() * 1e308,
    () => random.chance(0.5),
    () => null,
    () => [],
    () => ({}),
    () => random.pick(['P1', 'new', 'email', 'phone', 'complaint', 'dispute', 'internal', 'customer', 'resolved_customer_satisfied']),
    () => '2026-03-02T10:00:00Z',
    () => crypto.randomUUID(),
  ])();
}

export const knownFields = ['customerId', 'caseType', 'subject', 'description', 'priority', 'channel', 'body', 'visibility', 'reason', 'category', 'notes', 'assigneeId', 'toQueue', 'name', 'filters', 'isShared', 'email', 'password', 'code', 'version', 'targets', 'role', '__proto__', 'constructor', 'extra'];

export function randomObject(random: Random, depth = 0): Record<string, unknown> {
  const object: Record<string, unknown> = {};
  const count = random.integer(6);
  for (let index = 0; index < count; index++) {
    const key = random.chance(0.8) ? random.pick(knownFields) : random.pick(hostileStrings).slice(0, 40);
    object[key] = depth < 3 && random.chance(0.15) ? randomObject(random, depth + 1) : randomScalar(random);
  }
  return object;
}

/** A raw request body: bad JSON, wrong types, huge, deeply nested, or merely odd. */
export function randomBody(random: Random): { body: string; contentType: string } {
  const json = 'application/json';
  return random.pick<() => { body: string; contentType: string }>([
    () => ({ body: JSON.stringify(randomObject(random)), contentType: json }),
    () => ({ body: '{"subject": "unterminated', contentType: json }),
    () => ({ body: random.pick(['[]', '""', '1', 'null', 'true', '{}', '[{}]']), contentType: json }),
    () => ({ body: JSON.stringify({ subject: 'x'.repeat(70_000) }), contentType: json }),
    () => ({ body: `${'['.repeat(5000)}${']'.repeat(5000)}`, contentType: json }),
    () => ({ body: JSON.stringify(randomObject(random)), contentType: random.pick(['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/xml', '']) }),
    () => ({ body: 'a=1&b=2', contentType: 'application/x-www-form-urlencoded' }),
    () => ({ body: '\u0000\u0001\u0002', contentType: json }),
  ])();
}

/** Percent-encodes a hostile string; sometimes appends raw malformed escapes (%zz, an encoded lone surrogate). */
export function encodeHostile(random: Random, text: string): string {
  const encoded = encodeURIComponent(text.replace(/[\ud800-\udfff]/g, '\ufffd'));
  return random.chance(0.1) ? `${encoded}${random.pick(['%zz', '%ED%A0%80', '%', '%00', '%2F..%2F'])}` : encoded;
}

export function randomQuery(random: Random): string {
  const keys = ['status', 'priority', 'queue', 'assignee', 'type', 'channel', 'customer', 'slaState', 'createdFrom', 'updatedTo', 'q', 'sort', 'limit', 'cursor', 'unknown', 'limit'];
  const parts: string[] = [];
  for (let index = random.integer(4); index > 0; index--) {
    const value = randomScalar(random);
    parts.push(`${random.pick(keys)}=${encodeHostile(random, typeof value === 'string' ? value : JSON.stringify(value) ?? '')}`);
  }
  return parts.length > 0 ? `?${parts.join('&')}` : '';
}
