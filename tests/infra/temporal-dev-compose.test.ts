import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadConfig } from '../../src/config.js';

// No Docker engine runs in CI, so these tests read temporal-dev.yml and the Dockerfile as data
// and check what `docker compose up` would depend on: images, wiring, ports, health and order.

interface ComposeService {
  image?: string;
  build?: { context: string; dockerfile?: string };
  environment?: Record<string, unknown>;
  ports?: string[];
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test?: string[]; disable?: boolean };
  volumes?: string[];
  entrypoint?: string[];
  command?: string[] | string;
}

const rootDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const readRootFile = (name: string) => readFile(path.join(rootDir, name), 'utf8');
const compose = parse(await readRootFile('temporal-dev.yml')) as { services: Record<string, ComposeService>; volumes?: object };
const services = compose.services;

function serviceNamed(name: string): ComposeService {
  const service = services[name];
  if (!service) throw new Error(`temporal-dev.yml has no service ${name}`);
  return service;
}

function environmentOf(name: string): Record<string, string> {
  return serviceNamed(name).environment as Record<string, string>;
}

describe('temporal-dev.yml', () => {
  it('runs Postgres, Temporal with its setup and UI, and the API and worker', () => {
    expect(Object.keys(services).sort()).toEqual(['api', 'postgres', 'temporal', 'temporal-setup', 'temporal-ui', 'worker']);
  });

  it('pins every pulled image to a version, never latest', () => {
    for (const [name, service] of Object.entries(services)) {
      if (service.build) continue;
      const image = service.image ?? '';
      const tag = image.split(':')[1] ?? '';
      expect(tag, `${name} image ${image}`).toMatch(/\d/);
      expect(tag, `${name} image ${image}`).not.toContain('latest');
    }
    expect(serviceNamed('temporal').image).toMatch(/^temporalio\/auto-setup:/);
    expect(serviceNamed('temporal-setup').image).toMatch(/^temporalio\/admin-tools:/);
    expect(serviceNamed('temporal-ui').image).toMatch(/^temporalio\/ui:/);
    expect(serviceNamed('postgres').image).toMatch(/^postgres:/);
  });

  it('keeps Postgres data in a named volume and checks it with pg_isready', () => {
    const postgres = serviceNamed('postgres');
    const [volumeName] = (postgres.volumes?.[0] ?? '').split(':');
    expect(Object.keys(compose.volumes ?? {})).toContain(volumeName);
    expect(postgres.healthcheck?.test?.join(' ')).toContain('pg_isready');
  });

  it('runs Temporal on the compose Postgres with its credentials', () => {
    const temporal = environmentOf('temporal');
    const postgres = environmentOf('postgres');
    expect(temporal).toMatchObject({ DB: 'postgres12', DB_PORT: '5432', POSTGRES_SEEDS: 'postgres' });
    expect(temporal.POSTGRES_USER).toBe(postgres.POSTGRES_USER);
    expect(temporal.POSTGRES_PWD).toBe(postgres.POSTGRES_PASSWORD);
    expect(serviceNamed('temporal').healthcheck?.test).toEqual(expect.arrayContaining(['temporal', 'operator', 'cluster', 'health']));
    expect(serviceNamed('temporal').ports).toContain('7233:7233');
  });

  it('registers every case search attribute with its type, after Temporal is healthy', () => {
    const setup = serviceNamed('temporal-setup');
    const script = [setup.command ?? []].flat().join('\n');
    const attributes = ['CaseStatus:Keyword', 'CasePriority:Keyword', 'CaseQueue:Keyword', 'CaseType:Keyword', 'CaseAssignee:Keyword', 'SlaBreached:Bool', 'CustomerId:Keyword'];
    for (const attribute of attributes) expect(script).toContain(attribute);
    expect(script).toContain('temporal operator search-attribute create');
    expect(setup.depends_on?.temporal?.condition).toBe('service_healthy');
    expect(environmentOf('temporal-setup').TEMPORAL_ADDRESS).toBe('temporal:7233');
  });

  it('escapes every $ of the setup script so compose does not interpolate it away', () => {
    const script = [serviceNamed('temporal-setup').command ?? []].flat().join('\n');
    expect(script.replaceAll('$$', '')).not.toContain('$');
  });

  it('points the Temporal UI at the Temporal service and publishes it on 8080', () => {
    expect(environmentOf('temporal-ui').TEMPORAL_ADDRESS).toBe('temporal:7233');
    expect(serviceNamed('temporal-ui').ports).toContain('8080:8080');
  });

  it.each([
    ['api', 'api'],
    ['worker', 'worker'],
  ])('builds the %s from the Dockerfile and wires it to the compose Postgres and Temporal', (name, role) => {
    const service = serviceNamed(name);
    expect(service.build).toMatchObject({ context: '.', dockerfile: 'Dockerfile' });
    expect(service.image).toBe(serviceNamed('api').image);
    const config = loadConfig(environmentOf(name));
    expect(config.CASE_ENGINE_ROLE).toBe(role);
    const databaseUrl = new URL(config.DATABASE_URL ?? '');
    const postgres = environmentOf('postgres');
    expect(databaseUrl.hostname).toBe('postgres');
    expect(databaseUrl.port).toBe('5432');
    expect(decodeURIComponent(databaseUrl.username)).toBe(postgres.POSTGRES_USER);
    expect(decodeURIComponent(databaseUrl.password)).toBe(postgres.POSTGRES_PASSWORD);
    expect(databaseUrl.pathname).toBe(`/${postgres.POSTGRES_DB}`);
    expect(config.TEMPORAL_ADDRESS).toBe('temporal:7233');
    expect(config.TEMPORAL_NAMESPACE).toBe(environmentOf('temporal').DEFAULT_NAMESPACE);
  });

  it('publishes the API on 3000, listening on all interfaces, with a /health check', () => {
    const api = serviceNamed('api');
    const config = loadConfig(environmentOf('api'));
    expect(api.ports).toContain('3000:3000');
    expect(config).toMatchObject({ HOST: '0.0.0.0', PORT: 3000 });
    expect(api.healthcheck?.test?.join(' ')).toContain('http://127.0.0.1:3000/health');
  });

  it('starts the API after its dependencies and the worker after the API has migrated', () => {
    expect(serviceNamed('api').depends_on).toEqual({
      postgres: { condition: 'service_healthy' },
      temporal: { condition: 'service_healthy' },
      'temporal-setup': { condition: 'service_completed_successfully' },
    });
    expect(serviceNamed('worker').depends_on?.api?.condition).toBe('service_healthy');
    expect(environmentOf('worker').SEED_DEMO_DATA).toBe('false');
  });

  it('waits only on services that exist and have a health check when it waits for health', () => {
    for (const [name, service] of Object.entries(services)) {
      for (const [dependency, { condition }] of Object.entries(service.depends_on ?? {})) {
        expect(Object.keys(services), `${name} depends on ${dependency}`).toContain(dependency);
        if (condition === 'service_healthy') {
          expect(serviceNamed(dependency).healthcheck?.test, `${dependency} health check`).toBeDefined();
        }
      }
    }
  });

  it('gives every environment value as a string, as compose requires', () => {
    for (const [name, service] of Object.entries(services)) {
      for (const [key, value] of Object.entries(service.environment ?? {})) {
        expect(typeof value, `${name}.${key}`).toBe('string');
      }
    }
  });
});

const dockerfile = await readRootFile('Dockerfile');

describe('Dockerfile', () => {
  const instructions = dockerfile.split('\n').filter((line) => /^[A-Z]+\s/.test(line));

  it('runs the same entry as npm start, as a non-root user, with a health check', async () => {
    const packageJson = JSON.parse(await readRootFile('package.json')) as { scripts: Record<string, string> };
    const entry = packageJson.scripts.start?.split(' ').at(-1) ?? '';
    const command = instructions.find((line) => line.startsWith('CMD '));
    expect(entry).toBe('src/main.ts');
    expect(JSON.parse(command?.slice(4) ?? '[]')).toEqual(['node', '--import', 'tsx', entry]);
    expect(instructions.find((line) => line.startsWith('FROM '))).toMatch(/^FROM node:20[.\d]*-bookworm-slim$/);
    expect(instructions).toContain('USER node');
    expect(instructions).toContain('EXPOSE 3000');
    expect(dockerfile).toMatch(/^HEALTHCHECK .*\\\n.*\/health/m);
    expect(dockerfile).toContain('npm ci');
  });

  it('keeps local installs, data and tools out of the build context', async () => {
    const ignored = (await readRootFile('.dockerignore')).split('\n').map((line) => line.trim());
    expect(ignored).toEqual(expect.arrayContaining(['node_modules', '.data', '.tools', '.git']));
  });
});
