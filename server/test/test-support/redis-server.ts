import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

export interface TestRedis {
  port: number;
  url: string;
  /** SIGKILL, as a crash would: no goodbye to its clients. Resolves once the process is gone. */
  kill(): Promise<void>;
  /** A fresh redis-server on the same port (no persistence: it comes back empty, like a restarted cache). */
  start(): Promise<void>;
  close(): Promise<void>;
}

/** A port that was free a moment ago, for a server that cannot be told to take port 0. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Debian's redis-server on a free loopback port, without persistence; `started: false` leaves it down for now. */
export async function startTestRedis(options: { started?: boolean } = {}): Promise<TestRedis> {
  const port = await freePort();
  let child: ChildProcess | null = null;
  const start = async () => {
    const spawned = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child = spawned;
    await new Promise<void>((resolve, reject) => {
      let output = '';
      spawned.stdout?.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('Ready to accept connections')) resolve();
      });
      spawned.once('exit', (code) => reject(new Error(`redis-server exited (${code}) before it was ready:\n${output}`)));
      spawned.once('error', reject);
    });
  };
  const kill = async () => {
    const running = child;
    child = null;
    if (!running || running.exitCode !== null) return;
    const gone = new Promise<void>((resolve) => running.once('exit', () => resolve()));
    running.kill('SIGKILL');
    await gone;
  };
  if (options.started !== false) await start();
  return { port, url: `redis://127.0.0.1:${port}`, kill, start, close: kill };
}
