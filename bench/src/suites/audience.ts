import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { deflateRawSync } from 'node:zlib';
import type { ChildProcess } from 'node:child_process';
import { Server } from 'socket.io';
import { buildApp } from '@poolscope/server/src/api/app';
import { ControlPolicy } from '@poolscope/server/src/api/control-policy';
import { attachSocketGateway, type LabServer } from '@poolscope/server/src/api/socket-gateway';
import { AudienceEncoder } from '@poolscope/server/src/api/audience-encoder';
import { Lab } from '@poolscope/server/src/lab/lab';
import { forkTs, helperPath, nextMessage, stopChild } from '../lib/fork-ts';
import { benchMode, log } from '../lib/mode';
import { Recorder } from '../lib/results';
import { sleep } from '../lib/stats';

/**
 * (9) The audience stream (issue 19: ≤ 20 KB/s per viewer on classroom Wi-Fi). A real Lab at the
 * default load (2 embedded targets, 10 Hz) in this process; viewers in another, counting the TCP
 * bytes they read. Side by side in each round, the same number of viewers on:
 *   full      — today's stream, a full snapshot each tick;
 *   audience  — the chosen one: one deflated frame per tick (a delta against a keyframe a second),
 *               encoded once and sent as the same bytes to every audience viewer;
 *   deflate   — the rejected per-socket compression: the same gateway behind a Socket.IO server
 *               with permessage-deflate, which deflates each message once per viewer.
 * Lab CPU per viewer = (CPU with N viewers − CPU with none, measured just before) / N, in µs per
 * viewer per tick; the audience stream's once-per-tick encoding is in it, spread over the N, and
 * also timed alone.
 * Two more rejected options are derived, not run: a lower rate for the audience (full at 2.5 Hz
 * is full ÷ 4 in bytes and CPU, and loses three ticks in four from the charts) and a
 * self-contained deflate of each tick (measured on this lab's snapshots, below).
 */
const SAMPLE_HZ = 10;
const VARIANTS = [
  { name: 'full', audience: false, compressed: false },
  { name: 'audience', audience: true, compressed: false },
  { name: 'deflate', audience: false, compressed: true },
] as const;

async function setViewers(child: ChildProcess, count: number, url: string, audience: boolean): Promise<void> {
  child.send({ type: 'viewers', count, url, audience });
  const reply = await nextMessage<{ type: string; connected?: number; error?: string }>(child, 'viewers-ready', 60_000);
  if (reply.error || reply.connected !== count) throw new Error(`viewers: ${reply.error ?? `${reply.connected} of ${count} connected`}`);
}

/** CPU of this process over a window while the child counts what its viewers read. */
async function measure(child: ChildProcess, windowMs: number): Promise<{ cpuUsPerS: number; bytes: number; ticks: number }> {
  // Connects and disconnects settle first: their cost is not the stream's.
  await sleep(1000);
  const before = process.cpuUsage();
  const startMs = performance.now();
  child.send({ type: 'count', ms: windowMs });
  const counted = await nextMessage<{ type: string; bytes: number; ticks: number }>(child, 'counted', windowMs + 10_000);
  const cpu = process.cpuUsage(before);
  return { cpuUsPerS: (cpu.user + cpu.system) / ((performance.now() - startMs) / 1000), bytes: counted.bytes, ticks: counted.ticks };
}

/** The same lab's gateway behind a Socket.IO server that compresses per socket (what `perMessageDeflate` costs). */
async function deflatingDoor(lab: Lab): Promise<{ url: string; close(): Promise<void> }> {
  const http = createServer();
  const io: LabServer = new Server(http, { serveClient: false, perMessageDeflate: { threshold: 0 } });
  const detach = attachSocketGateway(io, lab, new ControlPolicy(null));
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const { port } = http.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      detach();
      await io.close();
    },
  };
}

/** Bytes a self-contained deflate of each tick would send (no delta): the lab's snapshots over a second. */
async function deflatePerTick(lab: Lab): Promise<{ bytes: number; json: number; encodeUs: number }> {
  let bytes = 0;
  let json = 0;
  let ticks = 0;
  let encodeMs = 0;
  const encoder = new AudienceEncoder();
  const off = lab.onTick((snapshot) => {
    const startMs = performance.now();
    encoder.encode(snapshot);
    encodeMs += performance.now() - startMs;
    const text = JSON.stringify(snapshot);
    json += Buffer.byteLength(text);
    bytes += deflateRawSync(text).length;
    ticks++;
  });
  await sleep(2000);
  off();
  const per = (total: number) => total / Math.max(1, ticks);
  return { bytes: per(bytes), json: per(json), encodeUs: per(encodeMs) * 1000 };
}

async function main(): Promise<void> {
  const mode = benchMode();
  const rec = new Recorder('audience');
  const windowMs = mode.ms(3000, 1000);
  const viewers = mode.smoke ? 5 : 100;
  const lab = await Lab.start({ embeddedTargets: 2, sampleHz: SAMPLE_HZ });
  const { app } = await buildApp({ lab, policy: new ControlPolicy(null) });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  const deflating = await deflatingDoor(lab);
  const child = forkTs(helperPath('audience-viewers.ts'));
  const section = `audience stream, ${viewers} viewers at 10 Hz, default load`;
  try {
    await nextMessage(child, 'ready', 60_000);
    for (let round = 0; round < mode.rounds; round++) {
      for (const variant of VARIANTS) {
        // Idle measured right before each variant, once the previous variant's viewers are gone.
        await setViewers(child, 0, url, false);
        const idle = await measure(child, windowMs);
        await setViewers(child, viewers, variant.compressed ? deflating.url : url, variant.audience);
        const many = await measure(child, windowMs);
        const ticksPerViewer = many.ticks / viewers;
        rec.record(
          `audience/${variant.name}/bytes`,
          section,
          `${variant.name}: bytes per viewer`,
          'B/s',
          ticksPerViewer === 0 ? 0 : (many.bytes / viewers / ticksPerViewer) * SAMPLE_HZ,
        );
        rec.record(
          `audience/${variant.name}/rate`,
          section,
          `${variant.name}: ticks received per viewer`,
          'per s',
          ticksPerViewer / (windowMs / 1000),
        );
        // The once-per-tick encoding is spread over the viewers (it is also measured alone, below).
        // Clamped at 0: on a busy machine the idle window can cost more than a light one.
        const perViewerUs = Math.max(0, (many.cpuUsPerS - idle.cpuUsPerS) / viewers / SAMPLE_HZ);
        rec.record(`audience/${variant.name}/cpu-per-viewer`, section, `${variant.name}: lab CPU per viewer per tick`, 'µs', perViewerUs);
      }
      const perTick = await deflatePerTick(lab);
      rec.record(
        'audience/deflate-each-tick/bytes',
        section,
        'deflate each tick alone, no delta (derived): bytes per viewer',
        'B/s',
        perTick.bytes * SAMPLE_HZ,
      );
      rec.record(
        'audience/encode',
        section,
        'audience: encoding, once per tick for all viewers (stringify + deflate)',
        'µs',
        perTick.encodeUs,
      );
      rec.record('audience/json', section, 'snapshot JSON at the server', 'B', perTick.json);
      log(`audience round ${round + 1}/${mode.rounds} done`);
    }
  } finally {
    await stopChild(child);
    await deflating.close();
    await lab.close();
    await app.close();
  }
  rec.limit('audience viewer: bytes per second at the default load (B/s)', 'audience/audience/bytes', 20_000);
  rec.ratio('bytes per viewer: audience / full', 'audience/audience/bytes', 'audience/full/bytes', { atMost: 0.25 });
  rec.ratio('lab CPU per viewer: audience / full', 'audience/audience/cpu-per-viewer', 'audience/full/cpu-per-viewer', { atMost: 1 });
  rec.ratio('lab CPU per viewer: permessage-deflate / full', 'audience/deflate/cpu-per-viewer', 'audience/full/cpu-per-viewer');
  rec.notes.push('lower rate (rejected, derived): full at 2.5 Hz = full bytes and CPU ÷ 4, and the charts lose three ticks in four');
  rec.emit(mode.rounds);
}

await main();
