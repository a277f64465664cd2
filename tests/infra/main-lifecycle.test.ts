import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findFreePort } from '../../src/net/find-free-port.js';

const projectRoot = path.resolve(import.meta.dirname, '../..');

interface RunningMain {
  child: ChildProcessWithoutNullStreams;
  output: () => string;
  exited: Promise<number | null>;
}

/** Starts `npm start`'s entry and resolves once it prints that it is running (or fails if it exits first). */
async function startMain(env: Record<string, string>): Promise<RunningMain> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: projectRoot,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
  });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Press Ctrl-C to stop.')) resolve();
    });
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    void exited.then((code) => reject(new Error(`main exited with ${code} before it was running:\n${output}`)));
  });
  return { child, output: () => output, exited };
}

describe('npm start on the embedded defaults', () => {
  let dataDir: string;
  let env: Record<string, string>;

  beforeAll(async () => {
    const runDir = await mkdtemp(path.join(tmpdir(), 'case-engine-main-'));
    await chmod(runDir, 0o755); // the embedded Postgres runs as the `postgres` user when we are root
    dataDir = path.join(runDir, 'data');
    env = { DATA_DIR: dataDir, PORT: String(await findFreePort()) };
  });
  afterAll(async () => {
    await rm(path.dirname(dataDir), { recursive: true, force: true });
  });

  it('serves /health with Postgres and Temporal up, stops cleanly on SIGINT and keeps the data', async () => {
    const first = await startMain(env);
    const health = await fetch(`http://127.0.0.1:${env.PORT}/health`);
    expect(health.status).toBe(200);
    const body = (await health.json()) as { dependencies: Record<string, { status: string; mode: string }> };
    expect(body.dependencies.postgres).toMatchObject({ status: 'up', mode: 'embedded' });
    expect(body.dependencies.temporal).toMatchObject({ status: 'up', mode: 'embedded-dev-server' });
    expect(first.output()).toContain('loaded the demo data');
    const databaseUrl = /Postgres\s+127\.0\.0\.1:(\d+)\/(\w+)/.exec(first.output());
    expect(databaseUrl).not.toBeNull();
    const sql = postgres(`postgres://postgres:postgres@127.0.0.1:${databaseUrl![1]}/${databaseUrl![2]}`, { max: 1 });
    await sql`insert into saved_searches (owner_user_id, name, filters, is_shared)
      select id, 'kept across restarts', '{}'::jsonb, true from users order by email limit 1`;
    await sql.end();

    first.child.kill('SIGINT');
    expect(await first.exited).toBe(0);
    expect(existsSync(path.join(dataDir, 'postgres', 'postmaster.pid'))).toBe(false);

    const second = await startMain(env);
    expect(second.output()).not.toContain('loaded the demo data');
    const again = /Postgres\s+127\.0\.0\.1:(\d+)\/(\w+)/.exec(second.output());
    const sqlAgain = postgres(`postgres://postgres:postgres@127.0.0.1:${again![1]}/${again![2]}`, { max: 1 });
    const kept = await sqlAgain`select count(*)::int as count from saved_searches where name = 'kept across restarts'`;
    await sqlAgain.end();
    expect(kept[0]?.count).toBe(1);
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
  }, 180_000);
});
