import { describe, expect, it } from 'vitest';
import { ConfigError, configKeys, loadConfig } from '../../src/config.js';

describe('loadConfig', () => {
  it('applies the embedded defaults when nothing is set', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      HOST: '127.0.0.1',
      PORT: 3000,
      CASE_ENGINE_ROLE: 'all',
      DATA_DIR: '.data',
      SEED_DEMO_DATA: true,
      TEMPORAL_NAMESPACE: 'default',
      TEMPORAL_TASK_QUEUE: 'case-engine',
    });
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.TEMPORAL_ADDRESS).toBeUndefined();
  });

  it('treats empty strings as unset, so a copied .env.example works as it is', () => {
    expect(loadConfig({ DATABASE_URL: '', PORT: '', TEMPORAL_ADDRESS: '' }).PORT).toBe(3000);
  });

  it('coerces numbers and booleans', () => {
    const config = loadConfig({ PORT: '8080', SEED_DEMO_DATA: 'false', EMBEDDED_POSTGRES_PORT: '5499' });
    expect(config.PORT).toBe(8080);
    expect(config.SEED_DEMO_DATA).toBe(false);
    expect(config.EMBEDDED_POSTGRES_PORT).toBe(5499);
  });

  it.each([
    ['PORT', 'eighty', /PORT="eighty"/],
    ['PORT', '70000', /PORT="70000"/],
    ['DATABASE_URL', 'mysql://x@y/z', /DATABASE_URL=.*postgres:\/\//],
    ['TEMPORAL_ADDRESS', 'http://localhost:7233', /TEMPORAL_ADDRESS=.*host:port/],
    ['CASE_ENGINE_ROLE', 'everything', /CASE_ENGINE_ROLE="everything"/],
    ['SEED_DEMO_DATA', 'maybe', /SEED_DEMO_DATA="maybe"/],
  ])('names %s when it is %s', (key, value, message) => {
    expect(() => loadConfig({ [key]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [key]: value })).toThrow(message);
  });

  it('names every bad variable at once', () => {
    expect(() => loadConfig({ PORT: 'x', LOG_LEVEL: 'loud' })).toThrow(/PORT=.*; LOG_LEVEL=/);
  });

  it('lists every variable it reads in .env.example', async () => {
    const { readFile } = await import('node:fs/promises');
    const example = await readFile(new URL('../../.env.example', import.meta.url), 'utf8');
    const documented = [...example.matchAll(/^([A-Z_]+)=/gm)].map((match) => match[1]);
    expect(documented.sort()).toEqual([...configKeys].sort());
  });
});
