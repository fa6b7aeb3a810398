import { spawn, type ChildProcess } from 'node:child_process';
import { connect, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { ConnectionPool } from './connection-pool';
import type { PoolEvent } from './types';

// A listener whose process never accepts: once its accept queue (backlog) is full, the kernel
// drops further SYNs, so a dial to it hangs like one to a host that never answers. Atomics.wait
// blocks the child's event loop without burning a core.
const STUCK_LISTENER = `
const server = require('node:net').createServer();
server.listen({ host: '127.0.0.1', port: 0, backlog: 1 }, () => {
  process.stdout.write(server.address().port + '\\n', () => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 60000));
});`;

let child: ChildProcess | undefined;
const fillers: Socket[] = [];
let pool: ConnectionPool | undefined;

afterEach(async () => {
  await pool?.close();
  for (const socket of fillers.splice(0)) socket.destroy();
  child?.kill('SIGKILL');
});

function startStuckListener(): Promise<number> {
  child = spawn(process.execPath, ['-e', STUCK_LISTENER], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    child!.stdout!.once('data', (chunk: Buffer) => resolve(Number(chunk.toString().trim())));
    child!.once('exit', (code) => reject(new Error(`stuck listener exited with ${code}`)));
  });
}

/** Connects until one connect does not complete within `waitMs`: the accept queue is then full. */
async function fillAcceptQueue(port: number, waitMs = 300): Promise<number> {
  for (let opened = 0; opened < 64; opened++) {
    const socket = connect({ host: '127.0.0.1', port });
    socket.on('error', () => {});
    fillers.push(socket);
    const connected = await new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), waitMs);
      socket.once('connect', () => {
        clearTimeout(timer);
        resolve(true);
      });
    });
    if (!connected) return opened;
  }
  throw new Error('the accept queue never filled');
}

describe('dial timeout', () => {
  it('a target that never completes the handshake fails each dial with DIAL_TIMEOUT after dialTimeoutMs', async () => {
    const port = await startStuckListener();
    await fillAcceptQueue(port);
    pool = new ConnectionPool({
      config: {
        minIdle: 0,
        heartbeatIntervalMs: 0,
        dialTimeoutMs: 250,
        acquireTimeoutMs: 900,
        dialBackoffBaseMs: 10,
        dialBackoffMaxMs: 20,
        shutdownGraceMs: 100,
      },
      targets: [{ id: 't1', host: '127.0.0.1', port }],
    });
    const events: PoolEvent[] = [];
    pool.on('event', (event) => events.push(event));
    const startedMs = performance.now();
    const error = await pool.acquire().catch((e: unknown) => e);
    expect(performance.now() - startedMs).toBeGreaterThanOrEqual(850);
    expect(error).toMatchObject({ code: 'POOL_ACQUIRE_TIMEOUT', lastDialError: `DIAL_TIMEOUT 127.0.0.1:${port}` });
    const failures = events.filter((e): e is Extract<PoolEvent, { type: 'dial-failed' }> => e.type === 'dial-failed');
    // 900 ms of waiting holds two or three 250 ms dials (plus a little backoff), no more.
    expect(failures.length).toBeGreaterThanOrEqual(2);
    expect(failures.length).toBeLessThanOrEqual(4);
    expect(failures.every((f) => f.code === 'DIAL_TIMEOUT')).toBe(true);
    expect(pool.stats().dialFailuresByCode).toEqual({ DIAL_TIMEOUT: failures.length });
    // A dial may still be under way when the waiter gives up; nothing ever got past connecting.
    expect(pool.stats().open).toBe(pool.stats().connecting);
    expect(pool.stats().connecting).toBeLessThanOrEqual(1);
  });
});
