import { spawn, type ChildProcess } from 'node:child_process';
import { get as httpGet } from 'node:http';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { io as connectViewer } from 'socket.io-client';
import { waitFor } from '../src/test-support/wait-for';

const SERVER_DIR = fileURLToPath(new URL('..', import.meta.url));

interface Started {
  child: ChildProcess;
  url: string;
  output: () => string;
}

/** Starts the real CLI (`tsx src/main.ts`) on a free port and resolves once it prints its address. */
function startServer(args: string[], env: NodeJS.ProcessEnv = {}): Promise<Started> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', '--port', '0', ...args], {
    cwd: SERVER_DIR,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
  });
  let text = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${text}`)), 20_000);
    const onData = (chunk: Buffer) => {
      text += chunk.toString();
      const match = /running at (http:\/\/\S+)/.exec(text);
      if (match) {
        clearTimeout(timer);
        resolve({ child, url: match[1] as string, output: () => text });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => reject(new Error(`server exited with ${code}:\n${text}`)));
  });
}

const exitOf = (child: ChildProcess) => new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

// Each test starts a real process (tsx compiles on start): seconds on a loaded machine, so a generous timeout.
describe('the poolscope process', { timeout: 60_000 }, () => {
  let running: ChildProcess | null = null;
  afterEach(() => {
    running?.kill('SIGKILL');
    running = null;
  });

  it('serves live load from the start and exits 0 on SIGTERM after draining', async () => {
    const server = await startServer([]);
    running = server.child;
    const health = await fetch(`${server.url}/healthz`);
    expect(health.status).toBe(200);
    await waitFor(
      async () => {
        const snapshot = (await (await fetch(`${server.url}/api/snapshot`)).json()) as { totals: { requests: { ok: number } } };
        return snapshot.totals.requests.ok > 0;
      },
      { timeoutMs: 30_000, what: 'a first ok request from the built-in load' },
    );
    const exited = exitOf(server.child);
    server.child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(server.output()).toContain('draining the pool');
    running = null;
  });

  // Binding beyond loopback generates a token (unit-tested in control-token.test.ts); here the
  // token comes from the environment so the test never listens on another interface.
  it('exits on SIGTERM while a dashboard is connected, telling the viewer the stream ended', async () => {
    const server = await startServer([]);
    running = server.child;
    const viewer = connectViewer(server.url, { transports: ['websocket'], reconnection: false });
    try {
      await new Promise<void>((resolve) => viewer.once('snapshot', () => resolve()));
      const disconnected = new Promise<string>((resolve) => viewer.once('disconnect', resolve));
      const exited = exitOf(server.child);
      server.child.kill('SIGTERM');
      // An open WebSocket holds the HTTP server's close open until it ends; the server must end it
      // (if it did not, the exit would never come and the test's own timeout would fail it).
      expect(await exited).toBe(0);
      expect(await disconnected).toBeTruthy();
      running = null;
    } finally {
      viewer.close();
    }
  });

  it('enforces a control token from POOLSCOPE_CONTROL_TOKEN on REST while viewing stays open, and the Host allowlist from --allowed-hosts', async () => {
    const token = 'env-token-123';
    const server = await startServer(['--embedded-targets', '1', '--allowed-hosts', 'lab.example'], { POOLSCOPE_CONTROL_TOKEN: token });
    running = server.child;
    const base = server.url;
    expect((await fetch(`${base}/api/config`)).status).toBe(200);
    const refused = await fetch(`${base}/api/config`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: '{"pool":{"maxOpen":5}}',
    });
    expect(refused.status).toBe(401);
    const allowed = await fetch(`${base}/api/config`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: '{"pool":{"maxOpen":5,"maxIdle":5}}',
    });
    expect(allowed.status).toBe(200);
    const statusWithHost = (host: string) =>
      new Promise<number>((resolve, reject) => {
        httpGet(`${base}/api/config`, { headers: { host } }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        }).on('error', reject);
      });
    expect(await statusWithHost('lab.example:3000')).toBe(200);
    expect(await statusWithHost('rebind.evil.example:3000')).toBe(403);
  });

  it('refuses to start with a bad flag and says why', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', '--port', 'eighty'], {
      cwd: SERVER_DIR,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let text = '';
    child.stderr!.on('data', (chunk: Buffer) => {
      text += chunk.toString();
    });
    expect(await exitOf(child)).toBe(1);
    expect(text).toContain('--port must be a whole number');
  });
});
