import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '@poolscope/shared/protocol';
import type { Snapshot } from '@poolscope/shared/snapshot';
import { percentile } from '../lib/stats';

/**
 * A child process with one ordinary (fully parsing) viewer for the compare benchmark: it reads
 * each snapshot's arms, so "both arms at 10 Hz" is checked on the data, not on the frame count.
 * A sample of an arm is fresh when its request counter moved since the previous snapshot: at the
 * default load (~100 requests/s an arm) every 100 ms tick of a live arm has new requests, so a
 * stale or skipped arm B shows as fewer fresh samples than frames.
 * Driven over IPC: { type: 'count', ms } -> { type: 'sampled', frames, framesWithB, freshA, freshB, tickGapP99Ms }.
 */
const url = process.argv[2]!;

interface Tally {
  frames: number;
  framesWithB: number;
  freshA: number;
  freshB: number;
  gapsMs: number[];
}

let tally: Tally = { frames: 0, framesWithB: 0, freshA: 0, freshB: 0, gapsMs: [] };
let previous: Snapshot | null = null;

function observe(snapshot: Snapshot): void {
  const b = snapshot.compare?.b;
  const previousB = previous?.compare?.b;
  tally.frames++;
  if (b) tally.framesWithB++;
  if (previous && snapshot.totals.requestsStarted !== previous.totals.requestsStarted) tally.freshA++;
  if (b && previousB && b.totals.requestsStarted !== previousB.totals.requestsStarted) tally.freshB++;
  if (previous) tally.gapsMs.push(snapshot.t - previous.t);
  previous = snapshot;
}

const client: Socket<ServerToClientEvents, ClientToServerEvents> = io(url, { transports: ['websocket'], reconnection: false });
client.on('snapshot', observe);
client.once('snapshot', () => process.send?.({ type: 'ready' }));
client.once('connect_error', (error) => {
  process.stderr.write(`arm sampler: ${String(error)}\n`);
  process.exit(1);
});

async function count(ms: number): Promise<object> {
  tally = { frames: 0, framesWithB: 0, freshA: 0, freshB: 0, gapsMs: [] };
  await new Promise((resolve) => setTimeout(resolve, ms));
  const { gapsMs, ...counts } = tally;
  return { ...counts, tickGapP99Ms: percentile(gapsMs, 99) };
}

process.on('message', (message: { type: string; ms?: number }) => {
  if (message.type === 'count') void count(message.ms!).then((result) => process.send?.({ type: 'sampled', ...result }));
  if (message.type === 'close') {
    client.disconnect();
    setTimeout(() => process.exit(0), 50);
  }
});
process.on('disconnect', () => process.exit(0));
