import { execFile } from 'node:child_process';
import { connect, createServer, type Socket } from 'node:net';
import { promisify } from 'node:util';
import { spawnTied } from './tied-process';

const run = promisify(execFile);

export interface BenchRedis {
  port: number;
  url: string;
  pid: number;
  close(): Promise<void>;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/**
 * Debian's redis-server on a free loopback port without persistence, as server/test/test-support/redis-server.ts
 * starts it; tied to this process, so a killed suite leaves none behind.
 */
export async function startRedis(): Promise<BenchRedis> {
  const port = await freePort();
  const redis = await spawnTied('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no']);
  await redis.waitFor(/Ready to accept connections/, 20_000);
  return { port, url: `redis://127.0.0.1:${port}`, pid: redis.pid, close: redis.stop };
}

/** Redis's own byte counters (`redis-cli INFO stats`): everything in (PUBLISH, SET) and out (to every subscriber). */
export async function redisNetBytes(port: number): Promise<{ inBytes: number; outBytes: number }> {
  const { stdout } = await run('redis-cli', ['-p', String(port), 'INFO', 'stats']);
  const field = (name: string) => Number(new RegExp(`^${name}:(\\d+)`, 'm').exec(stdout)?.[1] ?? NaN);
  return { inBytes: field('total_net_input_bytes'), outBytes: field('total_net_output_bytes') };
}

export interface ChannelCounter {
  /** Bytes and messages delivered to one subscriber since the last reset. */
  take(): { bytes: number; messages: number };
  close(): void;
}

/**
 * One more subscriber on the lab's channels (a raw RESP PSUBSCRIBE): what Redis delivers to each
 * relay, in bytes and messages, without the history SETs INFO's counters mix in.
 */
export async function countChannel(port: number, pattern: string): Promise<ChannelCounter> {
  const socket: Socket = connect(port, '127.0.0.1');
  await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('error', reject));
  let bytes = 0;
  let messages = 0;
  const marker = Buffer.from('pmessage');
  socket.on('data', (chunk: Buffer) => {
    bytes += chunk.length;
    for (let at = chunk.indexOf(marker); at !== -1; at = chunk.indexOf(marker, at + 1)) messages++;
  });
  socket.write(`*2\r\n$10\r\nPSUBSCRIBE\r\n$${Buffer.byteLength(pattern)}\r\n${pattern}\r\n`);
  return {
    take: () => {
      const taken = { bytes, messages };
      bytes = messages = 0;
      return taken;
    },
    close: () => socket.destroy(),
  };
}
