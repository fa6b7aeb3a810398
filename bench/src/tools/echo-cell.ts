import { drive } from '../lib/drive';
import { bestRawClient, pooledClient, type Client } from '../lib/echo-clients';
import { forkTs, helperPath, nextMessage, stopChild } from '../lib/fork-ts';

/**
 * One echo cell (10 connections × 50 requesters) for A-B runs of two trees of the engine:
 * `TREE=base tsx src/tools/echo-cell.ts [rounds]` drives the borrow API, `pool.request()` and the
 * best raw client against one forked echo server, alternating their order by round, and prints one
 * JSON line per round with the two ratios to the raw client. The ratios, not the req/s, are what to
 * compare between trees: each is measured side by side inside one round. Run it from two worktrees
 * in turn (base, new, base, new, ...) so both see the same machine; docs/BENCHMARKS.md
 * ("Quiet echo pairs") has the method and the figures of the engine change.
 */
const rounds = Number(process.argv[2] ?? 3);
const connections = 10;
const requesters = 50;
const warmMs = 1_000;
const windowMs = 1_500;

async function measure(client: Client): Promise<number> {
  try {
    await drive(requesters, warmMs, 1_000_000, client.once);
    return (await drive(requesters, windowMs, 2_000_000, client.once)).requestsPerSec;
  } finally {
    await client.close();
  }
}

const server = forkTs(helperPath('echo-server.ts'));
const { port } = await nextMessage<{ type: 'ready'; port: number }>(server, 'ready', 20_000);
const variants = [
  ['borrow', () => pooledClient(port, connections, false)],
  ['request', () => pooledClient(port, connections, false, undefined, 'request')],
  ['raw', () => bestRawClient(port, connections)],
] as const;
try {
  for (let round = 0; round < rounds; round++) {
    const requestsPerSec: Record<string, number> = {};
    for (let i = 0; i < variants.length; i++) {
      const [id, make] = variants[(i + round) % variants.length]!;
      requestsPerSec[id] = await measure(await make());
    }
    const { borrow = 0, request = 0, raw = 1 } = requestsPerSec;
    console.log(
      JSON.stringify({
        tree: process.env.TREE ?? '',
        round,
        ...requestsPerSec,
        borrowOverRaw: borrow / raw,
        requestOverRaw: request / raw,
      }),
    );
  }
} finally {
  await stopChild(server);
}
