import { Hono } from 'hono';

export type DependencyStatus = 'up' | 'down';

export interface DependencyHealth {
  status: DependencyStatus;
  latencyMs: number;
  detail?: string;
  [key: string]: unknown;
}

/** A check that reports one dependency; it must not throw. */
export type HealthCheck = () => Promise<DependencyHealth>;

export interface HealthDeps {
  checks: Record<string, HealthCheck>;
  version: string;
  startedAt: Date;
}

/** `GET /health`: every dependency's state; 200 when all are up, 503 otherwise. */
export function createHealthRoutes(deps: HealthDeps): Hono {
  const routes = new Hono();
  routes.get('/health', async (c) => {
    const entries = await Promise.all(
      Object.entries(deps.checks).map(async ([name, check]) => [name, await check()] as const),
    );
    const dependencies = Object.fromEntries(entries);
    const isHealthy = entries.every(([, health]) => health.status === 'up');
    return c.json(
      {
        status: isHealthy ? 'ok' : 'degraded',
        version: deps.version,
        uptimeSeconds: Math.round((Date.now() - deps.startedAt.getTime()) / 1000),
        dependencies,
      },
      isHealthy ? 200 : 503,
    );
  });
  return routes;
}

/** Runs a probe with a time limit and turns its outcome into a DependencyHealth. */
export async function probeDependency(
  probe: () => Promise<Record<string, unknown> | void>,
  timeoutMs = 2_000,
): Promise<DependencyHealth> {
  const startedAt = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
    });
    const extra = (await Promise.race([probe(), timeout])) ?? {};
    return { status: 'up', latencyMs: Math.round(performance.now() - startedAt), ...extra };
  } catch (error) {
    return {
      status: 'down',
      latencyMs: Math.round(performance.now() - startedAt),
      detail: error instanceof Error ? error.message : String(error),
    };
  } finally {
    clearTimeout(timer);
  }
}
