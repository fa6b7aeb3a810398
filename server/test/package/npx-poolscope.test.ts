import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { USAGE } from '../../src/cli-options';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
// Packing (a web build on a fresh clone) and installing from the npm registry take a while on a busy machine.
const SETUP_TIMEOUT_MS = 300_000;
const START_TIMEOUT_MS = 60_000;
const TEST_TIMEOUT_MS = 120_000;

/**
 * npm and pnpm hand their settings to child processes as npm_* variables; the install below must act
 * like a user's `npm install` in an empty folder, not inherit the workspace's pnpm settings.
 */
function userEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.toLowerCase().startsWith('npm_')));
}

interface Started {
  child: ChildProcess;
  url: string;
  output: () => string;
  exited: Promise<number | null>;
}

/** Spawns a command that starts the server and resolves with the address it prints. */
function startServer(command: string, args: string[], cwd: string, detached: boolean): Promise<Started> {
  const child = spawn(command, args, { cwd, detached, env: userEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let text = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`poolscope did not start:\n${text}`)), START_TIMEOUT_MS);
    const onData = (chunk: Buffer) => {
      text += chunk.toString();
      const match = /running at (http:\/\/\S+)/.exec(text);
      if (match) {
        clearTimeout(timer);
        resolve({ child, url: match[1] as string, output: () => text, exited });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    void exited.then((code) => reject(new Error(`poolscope exited with ${code}:\n${text}`)));
  });
}

/** npx may leave before the server it started has drained; waits (with a deadline) until nothing answers. */
async function stopsAnswering(url: string): Promise<boolean> {
  for (let attempt = 0; attempt < 300; attempt++) {
    try {
      await fetch(`${url}/healthz`);
    } catch {
      return true;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}

describe('the published package: npx poolscope', { timeout: TEST_TIMEOUT_MS }, () => {
  let workDir = '';
  let tarball = '';
  let installDir = '';
  let running: { child: ChildProcess; group: boolean } | null = null;

  beforeAll(async () => {
    workDir = mkdtempSync(join(tmpdir(), 'poolscope-package-'));
    // --reuse-web: in `npm test` a dashboard built moments ago is as good as a fresh one.
    const packScript = join(ROOT, 'scripts/pack-poolscope.mjs');
    const packed = await run(process.execPath, [packScript, '--reuse-web', '--out', join(workDir, 'pack')], { cwd: ROOT });
    tarball = packed.stdout.trim().split('\n').at(-1) as string;
    installDir = join(workDir, 'app');
    mkdirSync(installDir);
    await run('npm', ['install', '--no-audit', '--no-fund', tarball], { cwd: installDir, env: userEnv() });
  }, SETUP_TIMEOUT_MS);

  afterEach(() => {
    if (running?.child.pid !== undefined) {
      try {
        process.kill(running.group ? -running.child.pid : running.child.pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }
    running = null;
  });

  afterAll(() => {
    if (workDir) rmSync(workDir, { recursive: true, force: true });
  });

  it('carries the compiled server and the built dashboard, and nothing that needs tsx or TypeScript', async () => {
    const listing = (await run('tar', ['-tzf', tarball])).stdout.split('\n').filter(Boolean);
    expect(listing).toContain('package/dist/poolscope.mjs');
    expect(listing).toContain('package/web/index.html');
    expect(listing).toContain('package/README.md');
    expect(listing.filter((path) => /\.[cm]?tsx?$/.test(path))).toEqual([]);

    const manifest = JSON.parse(readFileSync(join(installDir, 'node_modules/poolscope/package.json'), 'utf8')) as {
      bin: Record<string, string>;
      dependencies: Record<string, string>;
    };
    expect(manifest.bin).toEqual({ poolscope: 'dist/poolscope.mjs' });
    expect(Object.keys(manifest.dependencies)).not.toContain('tsx');
    expect(Object.values(manifest.dependencies).filter((range) => range.startsWith('workspace:'))).toEqual([]);
    expect(existsSync(join(installDir, 'node_modules/tsx'))).toBe(false);
    // shared is bundled in: nothing at run time asks for the workspace's TypeScript sources.
    const bundle = readFileSync(join(installDir, 'node_modules/poolscope/dist/poolscope.mjs'), 'utf8');
    expect(bundle).not.toMatch(/["']@poolscope\//);
  });

  it('`npx poolscope --port 0` serves /healthz, the dashboard and the REST API from the installed tarball', async () => {
    // Its own process group: npm exec does not pass SIGTERM on to the server it started; a terminal's
    // Ctrl-C or a supervisor signals the whole group, and so does this test.
    const server = await startServer('npx', ['--no', '--', 'poolscope', '--port', '0', '--embedded-targets', '1'], installDir, true);
    running = { child: server.child, group: true };
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    const page = await fetch(`${server.url}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>Poolscope</title>');
    const config = await fetch(`${server.url}/api/config`);
    expect(config.status).toBe(200);
    expect(await config.json()).toHaveProperty('pool.maxOpen');
    // The OpenAPI page and /metrics come from dependencies installed beside the bundle, not from the repo.
    expect((await fetch(`${server.url}/docs/json`)).status).toBe(200);
    expect((await fetch(`${server.url}/docs`)).status).toBe(200);
    expect(await (await fetch(`${server.url}/metrics`)).text()).toContain('poolscope_');

    process.kill(-(server.child.pid as number), 'SIGTERM');
    await server.exited;
    expect(server.output()).toContain('SIGTERM: stopping load, draining the pool');
    expect(await stopsAnswering(server.url)).toBe(true);
    running = null;
  });

  it('the installed bin drains and exits 0 on SIGTERM', async () => {
    const bin = join(installDir, 'node_modules/.bin/poolscope');
    const server = await startServer(bin, ['--port', '0', '--embedded-targets', '1'], installDir, false);
    running = { child: server.child, group: false };
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    running = null;
  });

  it('the installed bin prints the server usage on --help and refuses `relay` without a Redis', async () => {
    const bin = join(installDir, 'node_modules/.bin/poolscope');
    const help = await run(bin, ['--help'], { cwd: installDir, env: userEnv() });
    for (const flagLine of USAGE.split('\n').slice(1)) expect(help.stdout).toContain(flagLine);
    const relay = await run(bin, ['relay'], { cwd: installDir, env: userEnv() }).then(
      () => null,
      (error: { code: number; stderr: string }) => error,
    );
    expect(relay?.code).toBe(2);
    expect(relay?.stderr).toContain('a relay needs --redis');
  });
});
