import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { ConnectionPool } from '@poolscope/server/src/pool/connection-pool';
import type { Link } from '@poolscope/server/src/pool/link';
import { socketConnector } from '@poolscope/server/src/pool/socket-connector';
import { drive } from '../lib/drive';
import { forkTs, helperPath, nextMessage, stopChild } from '../lib/fork-ts';
import { echoFrame, RawSockets } from '../lib/raw-echo';
import { sleep } from '../lib/stats';

/**
 * One echo client variant alone in its process, for profilers (callgrind, perf, --cpu-prof):
 * `tsx src/tools/echo-client.ts pooled|request|links|raw [connections] [requesters] [warmRequests] [requests]`.
 * Instructions per request = the difference of two runs with different `requests`, divided by it.
 */
const [variant = 'pooled', connectionsArg = '10', requestersArg = '50', warmArg = '30000', requestsArg = '10000'] = process.argv.slice(2);
const connections = Number(connectionsArg);
const requesters = Number(requestersArg);
const PAYLOAD_BYTES = 16;
const payload = Buffer.alloc(PAYLOAD_BYTES, 0x61);
const requestOptions = { timeoutMs: 10_000, framing: 'length-prefixed' } as const;

async function pooledOnce(port: number, requestApi: boolean): Promise<{ once: () => Promise<void>; close: () => Promise<void> }> {
  const pool = new ConnectionPool({
    targets: [{ id: 'echo', host: '127.0.0.1', port }],
    instrumented: false,
    config: { maxOpen: connections, maxIdle: connections, minIdle: connections, maxWaiters: 0, acquireTimeoutMs: 30_000 },
  });
  while (pool.stats().idle < connections) await sleep(20);
  if (requestApi) return { once: async () => void (await pool.request(payload, requestOptions)), close: () => pool.close() };
  return {
    once: async () => {
      const connection = await pool.acquire();
      try {
        await connection.request(payload, requestOptions);
      } finally {
        pool.release(connection);
      }
    },
    close: () => pool.close(),
  };
}

async function rawOnce(port: number): Promise<{ once: () => Promise<void>; close: () => Promise<void> }> {
  const raw = await RawSockets.open(port, connections, echoFrame(PAYLOAD_BYTES));
  return { once: () => raw.request(), close: async () => raw.close() };
}

/** User + system CPU of a process from /proc, in ms (clock ticks are 10 ms here: use long runs). */
function cpuMsOf(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** The pool's links without the pool: the raw sockets' free list over SocketLinks. */
async function linksOnce(port: number): Promise<{ once: () => Promise<void>; close: () => Promise<void> }> {
  const free: Link[] = [];
  const waiters: ((link: Link) => void)[] = [];
  const all: Link[] = [];
  for (let i = 0; i < connections; i++) {
    const link = await socketConnector.dial({ id: 'echo', host: '127.0.0.1', port }, { timeoutMs: 5000, keepAlive: false, noDelay: true });
    all.push(link);
    free.push(link);
  }
  const linkRequest = { ...requestOptions, maxFrameBytes: 1 << 20 };
  return {
    once: async () => {
      const link = free.pop() ?? (await new Promise<Link>((resolve) => waiters.push(resolve)));
      try {
        await link.request(payload, linkRequest);
      } finally {
        const next = waiters.shift();
        if (next !== undefined) next(link);
        else free.push(link);
      }
    },
    close: async () => all.forEach((link) => link.destroy(() => {})),
  };
}

const server = forkTs(helperPath('echo-server.ts'));
if (process.env.PIN === '1') {
  execFileSync('taskset', ['-a', '-p', '-c', '0', String(process.pid)], { stdio: 'ignore' });
  execFileSync('taskset', ['-a', '-p', '-c', '1', String(server.pid)], { stdio: 'ignore' });
}
try {
  const { port } = await nextMessage<{ type: 'ready'; port: number }>(server, 'ready', 20_000);
  const client = variant === 'raw' ? await rawOnce(port) : variant === 'links' ? await linksOnce(port) : await pooledOnce(port, variant === 'request');
  await drive(requesters, 600_000, Number(warmArg), client.once);
  const clientBefore = process.cpuUsage();
  const serverBefore = cpuMsOf(server.pid!);
  const result = await drive(requesters, 600_000, Number(requestsArg), client.once);
  const clientCpu = process.cpuUsage(clientBefore);
  const serverCpuMs = cpuMsOf(server.pid!) - serverBefore;
  const requests = Number(requestsArg);
  console.log(JSON.stringify({
    variant, connections, requesters, requests, requestsPerSec: Math.round(result.requestsPerSec), errors: result.errors,
    clientUserUsPerRequest: +(clientCpu.user / requests).toFixed(2), clientSysUsPerRequest: +(clientCpu.system / requests).toFixed(2),
    serverCpuUsPerRequest: +((serverCpuMs * 1000) / requests).toFixed(2),
  }));
  await client.close();
} finally {
  await stopChild(server);
}
