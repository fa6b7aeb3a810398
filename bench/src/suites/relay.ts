import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { ChildProcess } from 'node:child_process';
import { buildApp } from '@poolscope/server/src/api/app';
import { ControlPolicy } from '@poolscope/server/src/api/control-policy';
import { Lab } from '@poolscope/server/src/lab/lab';
import { startLabPublisher, type LabPublisher } from '@poolscope/server/src/relay/lab-publisher';
import { REDIS_PREFIX } from '@poolscope/server/src/relay/json-parser';
import { stopChild } from '../lib/fork-ts';
import { benchMode, log } from '../lib/mode';
import { loadAverage1m, processCpuS } from '../lib/process-cpu';
import { countChannel, redisNetBytes, startRedis, type BenchRedis, type ChannelCounter } from '../lib/redis-server';
import { startStreamingRelay, type RelayProcess } from '../lib/relay-process';
import { Recorder } from '../lib/results';
import { percentile, sleep } from '../lib/stats';
import { countTogether, forkViewers, rateFloor, setViewers } from '../lib/viewer-children';

/**
 * Relays over Redis (issue 19): a real Lab + buildApp publishing through Redis in this process
 * (2 embedded targets, default load, 10 Hz, as the fan-out suite), Debian's redis-server, two
 * processes of the real relay entry (`src/main.ts relay`), and one process of light viewers per
 * relay. Each round measures the same setup with 0 and with 2 × 250 relay viewers, side by side
 * (alternating which comes first): the lab's CPU (it must not grow with the relays' viewers), each
 * relay's CPU (its cost per viewer), Redis's CPU and bytes, and at every viewer its snapshot rate and
 * lab-to-viewer delay (now minus the snapshot's `t`: one machine, one clock).
 */
const RESOLUTION_MS = 10;
const TICK_HZ = 10;

interface Parts {
  lab: Lab;
  publisher: LabPublisher;
  redis: BenchRedis;
  relays: RelayProcess[];
  children: ChildProcess[];
  channel: ChannelCounter;
}

const cpuPct = (seconds: number, elapsedMs: number) => ((seconds * 1000) / elapsedMs) * 100;

/** One window at `viewers` relay viewers (split over the relays); returns the relays' mean CPU, % of a core. */
async function measure(rec: Recorder, parts: Parts, viewers: number, windowMs: number): Promise<number> {
  await sleep(viewers > 0 ? 1500 : 500);
  const { relays, redis } = parts;
  const delay = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
  const labCpuBefore = process.cpuUsage();
  const relayCpuBefore = relays.map((r) => processCpuS(r.pid));
  const redisCpuBefore = processCpuS(redis.pid);
  const netBefore = await redisNetBytes(redis.port);
  const droppedBefore = parts.publisher.status.dropped;
  parts.channel.take();
  const startMs = performance.now();
  delay.enable();
  const counted = viewers > 0 ? await countTogether(parts.children, windowMs) : await sleep(windowMs).then(() => null);
  delay.disable();
  const elapsedMs = performance.now() - startMs;
  const labCpu = process.cpuUsage(labCpuBefore);
  const relayCpu = relays.map((r, i) => cpuPct(processCpuS(r.pid) - relayCpuBefore[i]!, elapsedMs));
  const redisCpu = cpuPct(processCpuS(redis.pid) - redisCpuBefore, elapsedMs);
  const net = await redisNetBytes(redis.port);
  const channel = parts.channel.take();
  const perS = (value: number) => value / (elapsedMs / 1000);

  const section = `relays, ${viewers} relay viewers (${viewers / relays.length} on each of ${relays.length} relays)`;
  const id = `relay/${viewers}`;
  const meanRelayCpu = relayCpu.reduce((sum, c) => sum + c, 0) / relayCpu.length;
  rec.record(
    `${id}/lab-cpu`,
    section,
    'lab CPU (lab, load, targets, publish)',
    '% of a core',
    cpuPct((labCpu.user + labCpu.system) / 1e6, elapsedMs),
  );
  rec.record(
    `${id}/lab-lateness-p99`,
    section,
    'lab event-loop lateness p99',
    'ms',
    Math.max(0, delay.percentile(99) / 1e6 - RESOLUTION_MS),
  );
  rec.record(`${id}/relay-cpu`, section, 'relay CPU, mean of the relays', '% of a core', meanRelayCpu);
  rec.record(`${id}/relay-cpu-max`, section, 'relay CPU, busiest relay', '% of a core', Math.max(...relayCpu));
  rec.record(`${id}/redis-cpu`, section, 'redis-server CPU', '% of a core', redisCpu);
  rec.record(`${id}/channel-bytes`, section, 'stream bytes Redis delivers to each subscriber', 'B/s', perS(channel.bytes));
  rec.record(`${id}/channel-messages`, section, 'stream messages Redis delivers to each subscriber', 'per s', perS(channel.messages));
  rec.record(
    `${id}/redis-in`,
    section,
    'redis-server bytes in (PUBLISH, history samples, relay counts)',
    'B/s',
    perS(net.inBytes - netBefore.inBytes),
  );
  rec.record(
    `${id}/redis-out`,
    section,
    `redis-server bytes out (to ${relays.length} relays + the bench's counting subscriber)`,
    'B/s',
    perS(net.outBytes - netBefore.outBytes),
  );
  rec.record(
    `${id}/publish-dropped`,
    section,
    'publishes the lab skipped (Redis down or slow)',
    'count',
    parts.publisher.status.dropped - droppedBefore,
  );
  if (counted === null) return meanRelayCpu;
  const floor = rateFloor(counted.perViewerPerS);
  rec.record(
    `${id}/rate`,
    section,
    'snapshots received per viewer, mean',
    'per s',
    counted.perViewerPerS.reduce((sum, r) => sum + r, 0) / counted.perViewerPerS.length,
  );
  rec.record(`${id}/rate-min`, section, 'snapshots received, slowest viewer', 'per s', floor.min);
  rec.record(`${id}/rate-p1`, section, 'snapshots received, 1st percentile viewer', 'per s', floor.p1);
  rec.record(`${id}/delay-p50`, section, 'lab-to-viewer delay p50', 'ms', percentile(counted.delaysMs, 50));
  rec.record(`${id}/delay-p99`, section, 'lab-to-viewer delay p99', 'ms', percentile(counted.delaysMs, 99));
  rec.record(`${id}/bytes`, section, 'bytes per snapshot frame', 'B', counted.frames === 0 ? 0 : counted.chars / counted.frames);
  rec.record(`${id}/client-cpu`, section, 'busiest viewer process CPU', '% of a core', counted.clientCpuPctMax);
  rec.record(`${id}/client-lateness-p99`, section, 'busiest viewer process event-loop lateness p99', 'ms', counted.clientLatenessP99MsMax);
  return meanRelayCpu;
}

async function main(): Promise<void> {
  const mode = benchMode();
  const rec = new Recorder('relay');
  const windowMs = mode.ms(5000, 1000);
  const perRelay = mode.smoke ? 10 : 250;
  const redis = await startRedis();
  const lab = await Lab.start({ embeddedTargets: 2, sampleHz: TICK_HZ });
  const publisher = startLabPublisher(lab, redis.url, new ControlPolicy(null));
  const { app } = await buildApp({ lab, policy: new ControlPolicy(null), redis: publisher.status });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const relays: RelayProcess[] = [];
  const children: ChildProcess[] = [];
  let channel: ChannelCounter | null = null;
  try {
    const started = await Promise.all([startStreamingRelay(redis.url), startStreamingRelay(redis.url)]);
    relays.push(...started.map((s) => s.relay));
    const brokenStarts = started.flatMap((s) => s.brokenStarts);
    rec.record(
      'relay/broken-starts',
      'machine',
      'relay starts replaced: never passed the stream on (see notes)',
      'count',
      brokenStarts.length,
    );
    for (const broken of brokenStarts) rec.notes.push(`a relay start was replaced: ${broken}`);
    children.push(...(await Promise.all(relays.map((relay) => forkViewers(relay.url)))));
    channel = await countChannel(redis.port, `${REDIS_PREFIX}#*`);
    const parts: Parts = { lab, publisher, redis, relays, children, channel };
    const crowd = perRelay * relays.length;
    for (let round = 0; round < mode.rounds; round++) {
      // Alternate which comes first, so a drift in the machine's load does not favour one side.
      const order = round % 2 === 0 ? [0, crowd] : [crowd, 0];
      const relayCpu = new Map<number, number>();
      for (const viewers of order) {
        await Promise.all(children.map((child) => setViewers(child, viewers / relays.length)));
        relayCpu.set(viewers, await measure(rec, parts, viewers, windowMs));
      }
      // A difference of two noisy figures: on a busy machine a small crowd can read below zero, which means "too small to see".
      const perViewerCorePct = Math.max(0, relayCpu.get(crowd)! - relayCpu.get(0)!) / perRelay;
      const section = 'relay cost per viewer (relay CPU with its viewers minus without, per viewer)';
      rec.record('relay/per-viewer-cpu', section, 'relay CPU per viewer', '% of a core', perViewerCorePct);
      rec.record('relay/per-viewer-us', section, 'relay CPU per viewer per snapshot', 'µs', ((perViewerCorePct / 100) * 1e6) / TICK_HZ);
      rec.record('relay/load-1m', 'machine', 'load average, 1 minute, at the end of the round', '', loadAverage1m());
      log(`relay round ${round + 1}/${mode.rounds} done`);
    }
    rec.floor(`relays: snapshots/s of the slowest of ${crowd} viewers`, `relay/${crowd}/rate-min`, 9.5);
    rec.floor(`relays: snapshots/s of the 1st percentile of ${crowd} viewers`, `relay/${crowd}/rate-p1`, 9.5);
    rec.limit('relays: lab-to-viewer delay p99 (ms)', `relay/${crowd}/delay-p99`, 100);
    rec.ratio(`relays: lab CPU, ${crowd} relay viewers / 0`, `relay/${crowd}/lab-cpu`, 'relay/0/lab-cpu', { atMost: 1.2 });
    rec.ratio(`relays: relay CPU, ${perRelay} viewers each / 0`, `relay/${crowd}/relay-cpu`, 'relay/0/relay-cpu');
  } finally {
    channel?.close();
    await Promise.all(children.map((child) => stopChild(child)));
    await Promise.all(relays.map((relay) => relay.close()));
    await publisher.close();
    await lab.close();
    await app.close();
    await redis.close();
  }
  rec.emit(mode.rounds);
}

await main();
