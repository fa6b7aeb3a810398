import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { Link } from '@poolscope/server/src/pool/link';
import { socketConnector } from '@poolscope/server/src/pool/socket-connector';
import { drive } from '../lib/drive';
import { bestRawClient, payload, pooledClient, rawClient, requestOptions, type Client } from '../lib/echo-clients';
import { forkTs, helperPath, nextMessage, stopChild } from '../lib/fork-ts';

/**
 * One echo client variant alone in its process, for profilers (perf, --cpu-prof) and A-B runs:
 * `tsx src/tools/echo-client.ts pooled|pooled-on|request|links|raw|raw-onread|raw-best [connections] [requesters] [warmRequests] [requests]`
 * prints req/s and the client's user and system CPU and the server's CPU per request.
 * `links` is the pool's SocketLinks behind the raw sockets' free list: the wire layer without
 * the engine. PIN=1 pins the client to CPU 0 and the echo server to CPU 1.
 */
const [variant = 'pooled', connectionsArg = '10', requestersArg = '50', warmArg = '30000', requestsArg = '10000'] = process.argv.slice(2);
const connections = Number(connectionsArg);
const requesters = Number(requestersArg);

async function linksClient(port: number): Promise<Client> {
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

function clientFor(port: number): Promise<Client> {
  switch (variant) {
    case 'raw':
      return rawClient(port, connections);
    case 'raw-onread':
      return rawClient(port, connections, 'onread');
    case 'raw-best':
      return bestRawClient(port, connections);
    case 'links':
      return linksClient(port);
    case 'request':
      return pooledClient(port, connections, false, undefined, 'request');
    case 'pooled-on':
      return pooledClient(port, connections, true);
    default:
      return pooledClient(port, connections, false);
  }
}

/** User + system CPU of a process from /proc, in ms (clock ticks are 10 ms here: use long runs). */
function cpuMsOf(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

const server = forkTs(helperPath('echo-server.ts'));
if (process.env.PIN === '1') {
  execFileSync('taskset', ['-a', '-p', '-c', '0', String(process.pid)], { stdio: 'ignore' });
  execFileSync('taskset', ['-a', '-p', '-c', '1', String(server.pid)], { stdio: 'ignore' });
}
try {
  const { port } = await nextMessage<{ type: 'ready'; port: number }>(server, 'ready', 20_000);
  const client = await clientFor(port);
  await drive(requesters, 600_000, Number(warmArg), client.once);
  const clientBefore = process.cpuUsage();
  const serverBefore = cpuMsOf(server.pid!);
  const result = await drive(requesters, 600_000, Number(requestsArg), client.once);
  const clientCpu = process.cpuUsage(clientBefore);
  const serverCpuMs = cpuMsOf(server.pid!) - serverBefore;
  const requests = Number(requestsArg);
  console.log(
    JSON.stringify({
      variant,
      connections,
      requesters,
      requests,
      requestsPerSec: Math.round(result.requestsPerSec),
      errors: result.errors,
      clientUserUsPerRequest: +(clientCpu.user / requests).toFixed(2),
      clientSysUsPerRequest: +(clientCpu.system / requests).toFixed(2),
      serverCpuUsPerRequest: +((serverCpuMs * 1000) / requests).toFixed(2),
    }),
  );
  await client.close();
} finally {
  await stopChild(server);
}
