import { z } from 'zod';

const booleanFromEnv = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

const portNumber = z.coerce.number().int().min(1).max(65_535);

const postgresUrl = z
  .string()
  .url()
  .refine((value) => /^postgres(ql)?:\/\//.test(value), 'must start with postgres:// or postgresql://');

/** Every setting the product reads from the environment. `.env.example` lists the same names. */
const configSchema = z.object({
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: portNumber.default(3000),
  CASE_ENGINE_ROLE: z.enum(['all', 'api', 'worker']).default('all'),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  DATA_DIR: z.string().min(1).default('.data'),
  DATABASE_URL: postgresUrl.optional(),
  EMBEDDED_POSTGRES_PORT: portNumber.optional(),
  SEED_DEMO_DATA: booleanFromEnv.default(true),
  TEMPORAL_ADDRESS: z
    .string()
    .regex(/^[^\s:/]+:\d+$/, 'must be host:port, for example localhost:7233')
    .optional(),
  TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
  TEMPORAL_TASK_QUEUE: z.string().min(1).default('case-engine'),
  TEMPORAL_UI_URL: z.string().url().optional(),
  TEMPORAL_DEV_SERVER_PORT: portNumber.optional(),
  TEMPORAL_UI_PORT: portNumber.optional(),
  TEMPORAL_CLI_PATH: z.string().min(1).optional(),
  TEMPORAL_TEST_SERVER_PATH: z.string().min(1).optional(),
  /**
   * Collect promise stack traces in case workflows for Temporal UI's "Stack Trace" tab. Off by
   * default: the SDK captures a stack for every promise a workflow creates, about a third of the
   * workflow thread's CPU per signal (bench `api`); turn it on on a worker being debugged.
   */
  TEMPORAL_WORKFLOW_STACK_TRACES: booleanFromEnv.default(false),
});

export type Config = z.infer<typeof configSchema>;

/** The names of every variable the product reads. */
export const configKeys = Object.keys(configSchema.shape) as (keyof Config)[];

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/**
 * Parses the environment once. Empty strings count as unset, so `.env` files can list every
 * variable. Throws a ConfigError whose message names each bad variable and what it must be.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const present = Object.fromEntries(
    configKeys
      .map((key) => [key, env[key]] as const)
      .filter(([, value]) => value !== undefined && value !== ''),
  );
  const parsed = configSchema.safeParse(present);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => {
    const key = String(issue.path[0] ?? 'environment');
    return `${key}=${JSON.stringify(present[key] ?? '')}: ${issue.message}`;
  });
  throw new ConfigError(`invalid environment: ${problems.join('; ')}`);
}
