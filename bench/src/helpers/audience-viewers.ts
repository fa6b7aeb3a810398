import { Agent, type ClientRequestArgs } from 'node:http';
import { createConnection, type Socket as NetSocket } from 'node:net';
import { io, type Socket } from 'socket.io-client';
import { AUDIENCE_STREAM_QUERY_KEY, AUDIENCE_STREAM_QUERY_VALUE } from '@poolscope/shared/audience-stream';

/**
 * A child process of viewers for the audience suite, counting the TCP bytes they really read.
 * Driven over IPC: { type: 'viewers', count, url, audience } replaces the viewers with `count` new
 * ones on `url` (audience ones ask for the audience stream); { type: 'count', ms } reports the
 * bytes read and the ticks (snapshots or frames) received over `ms`.
 */
const opened: NetSocket[] = [];
let viewers: Socket[] = [];
let ticks = 0;

/** Keeps every TCP socket the viewers open: their bytesRead is what crossed the wire. */
class CountingAgent extends Agent {
  override createConnection(options: ClientRequestArgs): NetSocket {
    const socket = createConnection({ host: options.host ?? '127.0.0.1', port: Number(options.port) });
    opened.push(socket);
    return socket;
  }
}
const agent = new CountingAgent();

function connectViewer(url: string, audience: boolean): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const query = audience ? { [AUDIENCE_STREAM_QUERY_KEY]: AUDIENCE_STREAM_QUERY_VALUE } : {};
    // engine.io-client types `agent` as string | boolean but hands it to ws, which takes an http.Agent.
    const socket = io(url, { transports: ['websocket'], reconnection: false, forceNew: true, query, agent: agent as unknown as string });
    const timer = setTimeout(() => reject(new Error('viewer did not connect within 30 s')), 30_000);
    socket.on(audience ? 'audience:frame' : 'snapshot', () => ticks++);
    socket.once('connect', () => {
      clearTimeout(timer);
      resolve(socket);
    });
    socket.once('connect_error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}

async function setViewers(count: number, url: string, audience: boolean): Promise<void> {
  for (const viewer of viewers) viewer.disconnect();
  viewers = [];
  opened.length = 0;
  while (viewers.length < count) {
    const batch = Math.min(25, count - viewers.length);
    viewers.push(...(await Promise.all(Array.from({ length: batch }, () => connectViewer(url, audience)))));
  }
}

async function count(ms: number): Promise<{ bytes: number; ticks: number }> {
  const read = () => opened.reduce((sum, socket) => sum + socket.bytesRead, 0);
  const before = read();
  ticks = 0;
  await new Promise((resolve) => setTimeout(resolve, ms));
  return { bytes: read() - before, ticks };
}

process.on('message', (message: { type: string; count?: number; url?: string; audience?: boolean; ms?: number }) => {
  const reply = (type: string, run: () => Promise<object | void>) =>
    run().then(
      (data) => process.send?.({ type, ...(data ?? {}) }),
      (error: unknown) => process.send?.({ type, error: String(error) }),
    );
  if (message.type === 'viewers') {
    void reply('viewers-ready', async () => {
      await setViewers(message.count!, message.url!, message.audience === true);
      return { connected: viewers.length };
    });
  }
  if (message.type === 'count') void reply('counted', () => count(message.ms!));
  if (message.type === 'close') {
    for (const v of viewers) v.disconnect();
    setTimeout(() => process.exit(0), 50);
  }
});
process.on('disconnect', () => process.exit(0));
process.send?.({ type: 'ready' });
