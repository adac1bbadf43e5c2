import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');
const DIST = resolve(import.meta.dirname, '../dist');

async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.unref();
    server.on('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? done(address.port) : fail(new Error('no port'))));
    });
  });
}

async function waitFor(url: string, child: ChildProcess, timeoutMs: number, accept?: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`shenguan serve exited with ${child.exitCode}`);
    try {
      const response = await fetch(url, accept ? { headers: { accept } } : {});
      if (response.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000}s`);
}

/** Starts the whole product on a throw-away database; returns the teardown. */
export default async function globalSetup(): Promise<() => Promise<void>> {
  if (!existsSync(join(DIST, 'index.html'))) throw new Error('build the SPA first: npm run build');
  const shenguan = join(ROOT, '.venv/bin/shenguan');
  if (!existsSync(shenguan)) throw new Error('run `make setup` in the repository root first');
  const varDir = mkdtempSync(join(tmpdir(), 'shenguan-e2e-'));
  const ports = await Promise.all(Array.from({ length: 7 }, () => freePort()));
  const [gateway, catalog, approval, supervision, credit, access, coordination] = ports as [
    number,
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: `sqlite+aiosqlite:///${join(varDir, 'e2e.db')}`,
    SHENGUAN_VAR_DIR: varDir,
    SHENGUAN_HOST: '127.0.0.1',
    SHENGUAN_GATEWAY_PORT: String(gateway),
    SHENGUAN_CATALOG_PORT: String(catalog),
    SHENGUAN_APPROVAL_PORT: String(approval),
    SHENGUAN_SUPERVISION_PORT: String(supervision),
    SHENGUAN_CREDIT_PORT: String(credit),
    SHENGUAN_ACCESS_PORT: String(access),
    SHENGUAN_COORDINATION_PORT: String(coordination),
    SHENGUAN_WEB_DIST: DIST,
    SHENGUAN_GATEWAY_LOG: 'warn',
  };
  const child = spawn(shenguan, ['serve'], { cwd: ROOT, env, stdio: ['ignore', 'inherit', 'inherit'] });
  const baseURL = `http://127.0.0.1:${gateway}`;
  try {
    await waitFor(`${baseURL}/healthcheck`, child, 120_000);
    await waitFor(`${baseURL}/`, child, 10_000, 'text/html');
  } catch (error) {
    child.kill('SIGTERM');
    throw error;
  }
  process.env.SHENGUAN_E2E_URL = baseURL;
  return async () => {
    if (child.exitCode === null) {
      // shenguan serve stops its subgraphs and gateway on SIGTERM; wait for it to finish.
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 20_000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    }
    rmSync(varDir, { recursive: true, force: true });
  };
}
