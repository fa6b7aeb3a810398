import { Agent, type ClientRequestArgs } from 'node:http';
import { createConnection, type Socket as NetSocket } from 'node:net';
import { inflateRawSync } from 'node:zlib';
import { io as connect, type Socket } from 'socket.io-client';
import type { AudienceFrame } from '@poolscope/shared/audience-stream';
import { AUDIENCE_STREAM_QUERY_KEY, AUDIENCE_STREAM_QUERY_VALUE } from '@poolscope/shared/audience-stream';
import type { ClientToServerEvents, ServerToClientEvents } from '@poolscope/shared/protocol';
import type { Snapshot } from '@poolscope/shared/snapshot';

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;

/** An http.Agent that keeps the TCP sockets it opens, so a test reads the bytes that really crossed the wire. */
class CountingAgent extends Agent {
  readonly opened: NetSocket[] = [];

  override createConnection(options: ClientRequestArgs): NetSocket {
    const socket = createConnection({ host: options.host ?? '127.0.0.1', port: Number(options.port) });
    this.opened.push(socket);
    return socket;
  }

  bytesRead(): number {
    return this.opened.reduce((sum, socket) => sum + socket.bytesRead, 0);
  }
}

/** A tick received, with the TCP bytes read up to and including it. */
export interface Received {
  snapshot: Snapshot;
  bytesRead: number;
}

/**
 * A viewer over WebSocket that counts its TCP bytes and keeps every snapshot it receives: full
 * ones as they come, audience frames decoded with Node's own zlib (a decoder independent of the
 * browser's), so a test can compare both streams tick by tick.
 */
export function countingViewer(url: string, options: { audience: boolean }) {
  const agent = new CountingAgent();
  const query = options.audience ? { [AUDIENCE_STREAM_QUERY_KEY]: AUDIENCE_STREAM_QUERY_VALUE } : {};
  // engine.io-client types `agent` as string | boolean but hands it to ws, which takes an http.Agent.
  const socket: Client = connect(url, { transports: ['websocket'], agent: agent as unknown as string, query, reconnection: false });
  const received: Received[] = [];
  let fullSnapshots = 0;
  let frames = 0;
  let undecodable = 0;
  let keyframe: { seq: number; json: Buffer } | null = null;
  socket.on('snapshot', (snapshot) => {
    fullSnapshots += 1;
    received.push({ snapshot, bytesRead: agent.bytesRead() });
  });
  socket.on('audience:frame', (frame: AudienceFrame) => {
    frames += 1;
    const bytes = Buffer.from(frame.deflated instanceof Uint8Array ? frame.deflated : new Uint8Array(frame.deflated));
    let json: Buffer;
    if (frame.key === frame.seq) keyframe = { seq: frame.seq, json: (json = inflateRawSync(bytes)) };
    else if (keyframe?.seq === frame.key) json = inflateRawSync(bytes, { dictionary: keyframe.json });
    else return void (undecodable += 1);
    received.push({ snapshot: JSON.parse(json.toString('utf8')) as Snapshot, bytesRead: agent.bytesRead() });
  });
  return {
    socket,
    received,
    counts: () => ({ fullSnapshots, frames, undecodable }),
    last: () => received.at(-1)?.snapshot.seq ?? -1,
    close: () => socket.close(),
  };
}

/** Bytes per second at `sampleHz` over the ticks received after `fromSeq`: TCP bytes over ticks elapsed, no clock involved. */
export function bytesPerSecond(received: Received[], fromSeq: number, sampleHz: number): number {
  const from = received.find((r) => r.snapshot.seq >= fromSeq);
  const to = received.at(-1);
  if (!from || !to || to.snapshot.seq <= from.snapshot.seq) throw new Error('not enough ticks received to measure a rate');
  return ((to.bytesRead - from.bytesRead) / (to.snapshot.seq - from.snapshot.seq)) * sampleHz;
}
