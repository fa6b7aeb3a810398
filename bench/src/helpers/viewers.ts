import { monitorEventLoopDelay } from 'node:perf_hooks';
import { io, type Socket } from 'socket.io-client';
import type { Ack, ClientToServerEvents, LabConfig, ServerToClientEvents } from '@poolscope/shared/protocol';
import type { Snapshot } from '@poolscope/shared/snapshot';
import { lightParser } from '../lib/light-parser';
import type { Counted } from '../lib/viewer-children';
import { percentile } from '../lib/stats';

/**
 * A child process of Socket.IO viewers for the fan-out and control benchmarks. Driven over IPC:
 * { type: 'viewers', count } connects or disconnects light viewers until `count` are connected;
 * { type: 'count', ms } counts the snapshot frames and characters they receive, each viewer's
 * frames per second, every frame's lab-to-viewer delay (now minus the snapshot's `t`, one machine's
 * clock), and this process's own CPU and event-loop lateness: a client that falls behind would
 * otherwise pass its own lag off as the server's;
 * { type: 'control', patches } times config:patch -> the change seen in the stream, from one
 * ordinary (fully parsing) client.
 */
const url = process.argv[2]!;
const RESOLUTION_MS = 10;

interface Viewer {
  socket: Socket;
  frames: number;
}

const viewers: Viewer[] = [];
let frames = 0;
let chars = 0;
let delaysMs: number[] = [];

function connectViewer(): Promise<Viewer> {
  return new Promise((resolve, reject) => {
    const socket = io(url, { transports: ['websocket'], reconnection: false, timeout: 30_000, parser: lightParser } as never);
    const viewer: Viewer = { socket, frames: 0 };
    // Generous: at a load average of 30 on the shared 2 cores a handshake to a server busy streaming to 1,000 has taken over 10 s.
    const timer = setTimeout(() => reject(new Error('viewer did not connect within 30 s')), 30_000);
    socket.on('snapshot', (size: unknown, takenAtMs: unknown) => {
      frames++;
      viewer.frames++;
      chars += size as number;
      delaysMs.push(Date.now() - (takenAtMs as number));
    });
    socket.once('connect', () => {
      clearTimeout(timer);
      resolve(viewer);
    });
    socket.once('connect_error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}

async function setViewers(count: number): Promise<void> {
  while (viewers.length > count) viewers.pop()!.socket.disconnect();
  while (viewers.length < count) {
    const batch = Math.min(25, count - viewers.length);
    viewers.push(...(await Promise.all(Array.from({ length: batch }, connectViewer))));
  }
}

async function countFrames(ms: number): Promise<Counted> {
  frames = chars = 0;
  delaysMs = [];
  for (const viewer of viewers) viewer.frames = 0;
  const delay = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
  const cpuBefore = process.cpuUsage();
  const startMs = performance.now();
  delay.enable();
  await new Promise((resolve) => setTimeout(resolve, ms));
  delay.disable();
  const elapsedMs = performance.now() - startMs;
  const cpu = process.cpuUsage(cpuBefore);
  return {
    frames,
    chars,
    perViewerPerS: viewers.map((v) => v.frames / (elapsedMs / 1000)),
    delaysMs,
    clientCpuPct: ((cpu.user + cpu.system) / 1000 / elapsedMs) * 100,
    clientLatenessP99Ms: Math.max(0, delay.percentile(99) / 1e6 - RESOLUTION_MS),
  };
}

type ControlClient = Socket<ServerToClientEvents, ClientToServerEvents>;

/** Alternates pool.maxOpen between two values; the effect is the pool gauge in the stream. */
async function control(patches: number): Promise<{ latenciesMs: number[]; acksMs: number[]; p50Ms: number; p95Ms: number }> {
  const client: ControlClient = io(url, { transports: ['websocket'], reconnection: false });
  let onSnapshot: ((s: Snapshot) => void) | null = null;
  client.on('snapshot', (s) => onSnapshot?.(s));
  await new Promise<void>((resolve, reject) => {
    client.once('snapshot', () => resolve());
    client.once('connect_error', reject);
  });
  const latenciesMs: number[] = [];
  const acksMs: number[] = [];
  try {
    for (let i = 0; i < patches; i++) {
      const maxOpen = i % 2 === 0 ? 12 : 10;
      const t0 = performance.now();
      const seen = new Promise<number>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('change not seen in the stream within 5 s')), 5000);
        onSnapshot = (s) => {
          if (s.pool.maxOpen !== maxOpen) return;
          clearTimeout(timer);
          onSnapshot = null;
          resolve(performance.now() - t0);
        };
      });
      const ack = await new Promise<Ack<LabConfig>>((resolve) => client.emit('config:patch', { pool: { maxOpen } }, resolve));
      if (!ack.ok) throw new Error(`config:patch refused: ${ack.error.code}`);
      acksMs.push(performance.now() - t0);
      latenciesMs.push(await seen);
      // Spread the patches over the tick (and under the 10/s control rate limit).
      await new Promise((resolve) => setTimeout(resolve, 120 + Math.random() * 100));
    }
  } finally {
    client.disconnect();
  }
  return { latenciesMs, acksMs, p50Ms: percentile(latenciesMs, 50), p95Ms: percentile(latenciesMs, 95) };
}

process.on('message', (message: { type: string; count?: number; ms?: number; patches?: number }) => {
  const reply = (type: string, run: () => Promise<object | void>) =>
    run().then(
      (data) => process.send?.({ type, ...(data ?? {}) }),
      (error: unknown) => process.send?.({ type, error: String(error) }),
    );
  if (message.type === 'viewers')
    void reply('viewers-ready', async () => {
      await setViewers(message.count!);
      return { connected: viewers.length };
    });
  if (message.type === 'count') void reply('counted', () => countFrames(message.ms!));
  if (message.type === 'control') void reply('controlled', () => control(message.patches!));
  if (message.type === 'close') {
    for (const v of viewers) v.socket.disconnect();
    setTimeout(() => process.exit(0), 50);
  }
});
process.on('disconnect', () => process.exit(0));
process.send?.({ type: 'ready' });
