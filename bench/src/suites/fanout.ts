import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { ChildProcess } from 'node:child_process';
import { buildApp } from '@poolscope/server/src/api/app';
import { ControlPolicy } from '@poolscope/server/src/api/control-policy';
import { Lab } from '@poolscope/server/src/lab/lab';
import { forkTs, helperPath, nextMessage, stopChild } from '../lib/fork-ts';
import { benchMode, log } from '../lib/mode';
import { Recorder } from '../lib/results';
import { sleep } from '../lib/stats';

/**
 * (4) Fan-out: a real Lab + buildApp in this process (default lab: 2 embedded targets, load on,
 * 10 Hz), 1/50/200 light Socket.IO viewers in another process. Measured here, in the server:
 * CPU and event-loop lateness p99 (monitorEventLoopDelay p99 minus its 10 ms resolution).
 * (6) Control latency: config:patch from a client to the change showing in the stream.
 */
const VIEWER_COUNTS = [1, 50, 200];
const RESOLUTION_MS = 10;

async function setViewers(child: ChildProcess, count: number): Promise<void> {
  child.send({ type: 'viewers', count });
  const reply = await nextMessage<{ type: string; connected?: number; error?: string }>(child, 'viewers-ready', 60_000);
  if (reply.error || reply.connected !== count) throw new Error(`viewers: ${reply.error ?? `${reply.connected} of ${count} connected`}`);
}

async function measureFanOut(rec: Recorder, child: ChildProcess, lab: Lab, viewers: number, windowMs: number): Promise<void> {
  await sleep(300);
  const delay = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
  const cpuBefore = process.cpuUsage();
  const startMs = performance.now();
  delay.enable();
  child.send({ type: 'count', ms: windowMs });
  const counted = await nextMessage<{ type: string; frames: number; chars: number }>(child, 'counted', windowMs + 10_000);
  delay.disable();
  const elapsedMs = performance.now() - startMs;
  const cpu = process.cpuUsage(cpuBefore);
  const section = `fan-out, ${viewers} viewer${viewers === 1 ? '' : 's'} at 10 Hz`;
  const id = `fanout/${viewers}`;
  rec.record(`${id}/lateness-p99`, section, 'server event-loop lateness p99', 'ms', Math.max(0, delay.percentile(99) / 1e6 - RESOLUTION_MS));
  rec.record(`${id}/lateness-max`, section, 'server event-loop lateness max', 'ms', Math.max(0, delay.max / 1e6 - RESOLUTION_MS));
  rec.record(`${id}/cpu`, section, 'server CPU (lab, load, targets and stream)', '% of a core', ((cpu.user + cpu.system) / 1000 / elapsedMs) * 100);
  rec.record(`${id}/rate`, section, 'snapshots received per viewer', 'per s', counted.frames / viewers / (windowMs / 1000));
  rec.record(`${id}/bytes`, section, 'bytes per snapshot frame', 'B', counted.frames === 0 ? 0 : counted.chars / counted.frames);
  rec.record(`${id}/json`, section, 'snapshot JSON at the server', 'B', Buffer.byteLength(JSON.stringify(lab.snapshot())));
}

async function measureControl(rec: Recorder, child: ChildProcess, viewers: number, patches: number): Promise<void> {
  child.send({ type: 'control', patches });
  const result = await nextMessage<{ type: string; p50Ms: number; p95Ms: number; acksMs: number[]; error?: string }>(child, 'controlled', patches * 6000 + 10_000);
  if (result.error) throw new Error(`control: ${result.error}`);
  const section = `control latency, config:patch -> seen in the stream, ${viewers} viewer${viewers === 1 ? '' : 's'} watching`;
  rec.record(`control/${viewers}/p50`, section, 'p50', 'ms', result.p50Ms);
  rec.record(`control/${viewers}/p95`, section, 'p95', 'ms', result.p95Ms);
  rec.record(`control/${viewers}/ack`, section, 'ack p50', 'ms', [...result.acksMs].sort((a, b) => a - b)[Math.floor(result.acksMs.length / 2)] ?? 0);
}

async function main(): Promise<void> {
  const mode = benchMode();
  const rec = new Recorder('fanout');
  const windowMs = mode.ms(2500, 400);
  const patches = mode.smoke ? 3 : 12;
  const lab = await Lab.start({ embeddedTargets: 2, sampleHz: 10 });
  const { app } = await buildApp({ lab, policy: new ControlPolicy(null) });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  const child = forkTs(helperPath('viewers.ts'), [url]);
  try {
    await nextMessage(child, 'ready', 20_000);
    for (let round = 0; round < mode.rounds; round++) {
      for (const viewers of VIEWER_COUNTS) {
        await setViewers(child, viewers);
        await measureFanOut(rec, child, lab, viewers, windowMs);
      }
      await measureControl(rec, child, 200, patches);
      await setViewers(child, 1);
      await measureControl(rec, child, 1, patches);
      log(`fanout round ${round + 1}/${mode.rounds} done`);
    }
  } finally {
    await stopChild(child);
    await lab.close();
    await app.close();
  }
  rec.limit('fan-out: event-loop lateness p99 at 200 viewers (ms)', 'fanout/200/lateness-p99', 20);
  rec.limit('control latency p95, 1 viewer (ms)', 'control/1/p95', 250);
  rec.limit('control latency p95, 200 viewers (ms)', 'control/200/p95', 250);
  rec.ratio('fan-out CPU: 200 viewers / 1 viewer', 'fanout/200/cpu', 'fanout/1/cpu');
  rec.emit(mode.rounds);
}

await main();
