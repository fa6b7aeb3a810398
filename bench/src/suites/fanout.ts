import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { ChildProcess } from 'node:child_process';
import { buildApp } from '@poolscope/server/src/api/app';
import { ControlPolicy } from '@poolscope/server/src/api/control-policy';
import { Lab } from '@poolscope/server/src/lab/lab';
import { nextMessage, stopChild } from '../lib/fork-ts';
import { benchMode, log } from '../lib/mode';
import { Recorder } from '../lib/results';
import { percentile, sleep } from '../lib/stats';
import { countTogether, forkViewers, rateFloor, setViewers } from '../lib/viewer-children';

/**
 * (4) Fan-out: a real Lab + buildApp in this process (default lab: 2 embedded targets, load on,
 * 10 Hz), 1/50/200 light Socket.IO viewers in another process, and 2,000 split over two such
 * processes (one alone falls behind: what it counts is then its own lag; each reports its CPU and
 * lateness so the table shows they kept up). Measured here, in the server: CPU and event-loop
 * lateness p99 (monitorEventLoopDelay p99 minus its 10 ms resolution); in the clients: every
 * viewer's rate (min and p1) and lab-to-viewer delay (the snapshot's `t`, one clock).
 * (6) Control latency: config:patch from a client to the change showing in the stream.
 */
const VIEWER_COUNTS = [1, 50, 200];
const RESOLUTION_MS = 10;

async function measureFanOut(rec: Recorder, children: ChildProcess[], lab: Lab, viewers: number, windowMs: number): Promise<void> {
  await sleep(viewers > 200 ? 1500 : 300);
  const delay = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
  const cpuBefore = process.cpuUsage();
  const startMs = performance.now();
  delay.enable();
  const counted = await countTogether(children, windowMs);
  delay.disable();
  const elapsedMs = performance.now() - startMs;
  const cpu = process.cpuUsage(cpuBefore);
  const section = `fan-out, ${viewers} viewer${viewers === 1 ? '' : 's'} at 10 Hz`;
  const id = `fanout/${viewers}`;
  rec.record(
    `${id}/lateness-p99`,
    section,
    'server event-loop lateness p99',
    'ms',
    Math.max(0, delay.percentile(99) / 1e6 - RESOLUTION_MS),
  );
  rec.record(`${id}/lateness-max`, section, 'server event-loop lateness max', 'ms', Math.max(0, delay.max / 1e6 - RESOLUTION_MS));
  rec.record(
    `${id}/cpu`,
    section,
    'server CPU (lab, load, targets and stream)',
    '% of a core',
    ((cpu.user + cpu.system) / 1000 / elapsedMs) * 100,
  );
  rec.record(`${id}/rate`, section, 'snapshots received per viewer', 'per s', counted.frames / viewers / (windowMs / 1000));
  rec.record(`${id}/bytes`, section, 'bytes per snapshot frame', 'B', counted.frames === 0 ? 0 : counted.chars / counted.frames);
  rec.record(`${id}/json`, section, 'snapshot JSON at the server', 'B', Buffer.byteLength(JSON.stringify(lab.snapshot())));
  // The steps kept from before report what they always did; the split crowd adds how every viewer fared.
  if (children.length === 1) return;
  const floor = rateFloor(counted.perViewerPerS);
  rec.record(`${id}/rate-min`, section, 'snapshots received, slowest viewer', 'per s', floor.min);
  rec.record(`${id}/rate-p1`, section, 'snapshots received, 1st percentile viewer', 'per s', floor.p1);
  rec.record(`${id}/delay-p99`, section, 'lab-to-viewer delay p99', 'ms', percentile(counted.delaysMs, 99));
  rec.record(`${id}/client-cpu`, section, 'busiest viewer process CPU', '% of a core', counted.clientCpuPctMax);
  rec.record(`${id}/client-lateness-p99`, section, 'busiest viewer process event-loop lateness p99', 'ms', counted.clientLatenessP99MsMax);
}

async function measureControl(rec: Recorder, child: ChildProcess, viewers: number, patches: number): Promise<void> {
  child.send({ type: 'control', patches });
  const result = await nextMessage<{ type: string; p50Ms: number; p95Ms: number; acksMs: number[]; error?: string }>(
    child,
    'controlled',
    patches * 6000 + 10_000,
  );
  if (result.error) throw new Error(`control: ${result.error}`);
  const section = `control latency, config:patch -> seen in the stream, ${viewers} viewer${viewers === 1 ? '' : 's'} watching`;
  rec.record(`control/${viewers}/p50`, section, 'p50', 'ms', result.p50Ms);
  rec.record(`control/${viewers}/p95`, section, 'p95', 'ms', result.p95Ms);
  rec.record(
    `control/${viewers}/ack`,
    section,
    'ack p50',
    'ms',
    [...result.acksMs].sort((a, b) => a - b)[Math.floor(result.acksMs.length / 2)] ?? 0,
  );
}

async function main(): Promise<void> {
  const mode = benchMode();
  const rec = new Recorder('fanout');
  const windowMs = mode.ms(2500, 400);
  const patches = mode.smoke ? 3 : 12;
  const lab = await Lab.start({ embeddedTargets: 2, sampleHz: 10 });
  const { app } = await buildApp({ lab, policy: new ControlPolicy(null) });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  // The smoke run splits a small crowd the same way, to exercise the path in seconds.
  const crowd = mode.smoke ? 40 : 2000;
  const [child, second] = await Promise.all([forkViewers(url), forkViewers(url)]);
  try {
    for (let round = 0; round < mode.rounds; round++) {
      for (const viewers of VIEWER_COUNTS) {
        await setViewers(child, viewers);
        await measureFanOut(rec, [child], lab, viewers, windowMs);
      }
      await measureControl(rec, child, 200, patches);
      await Promise.all([setViewers(child, crowd / 2), setViewers(second, crowd / 2)]);
      await measureFanOut(rec, [child, second], lab, crowd, windowMs);
      await Promise.all([setViewers(child, 1), setViewers(second, 0)]);
      await measureControl(rec, child, 1, patches);
      log(`fanout round ${round + 1}/${mode.rounds} done`);
    }
  } finally {
    await Promise.all([stopChild(child), stopChild(second)]);
    await lab.close();
    await app.close();
  }
  rec.limit('fan-out: event-loop lateness p99 at 200 viewers (ms)', 'fanout/200/lateness-p99', 20);
  rec.limit(`fan-out: event-loop lateness p99 at ${crowd} viewers (ms)`, `fanout/${crowd}/lateness-p99`, 20);
  rec.floor(`fan-out: snapshots/s of the slowest of ${crowd} viewers`, `fanout/${crowd}/rate-min`, 9.5);
  rec.limit('control latency p95, 1 viewer (ms)', 'control/1/p95', 250);
  rec.limit('control latency p95, 200 viewers (ms)', 'control/200/p95', 250);
  rec.ratio('fan-out CPU: 200 viewers / 1 viewer', 'fanout/200/cpu', 'fanout/1/cpu');
  rec.ratio(`fan-out CPU: ${crowd} viewers / 200 viewers`, `fanout/${crowd}/cpu`, 'fanout/200/cpu');
  rec.emit(mode.rounds);
}

await main();
