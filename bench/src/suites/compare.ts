import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { ChildProcess } from 'node:child_process';
import { buildApp } from '@poolscope/server/src/api/app';
import { ControlPolicy } from '@poolscope/server/src/api/control-policy';
import { Lab } from '@poolscope/server/src/lab/lab';
import { forkTs, helperPath, nextMessage, stopChild } from '../lib/fork-ts';
import { benchMode, log } from '../lib/mode';
import { Recorder } from '../lib/results';
import { runQueueWaitNs } from '../lib/run-queue';
import { CpuLateness } from '../lib/cpu-lateness';
import { sleep } from '../lib/stats';
import { countFrames, setViewers } from '../lib/viewer-control';

/**
 * (issue 16) Compare: the cost of arm B. A real Lab + buildApp in this process (2 embedded
 * targets, default load, 10 Hz), as in the fan-out suite; light viewers in one forked process and
 * one fully parsing viewer (helpers/arm-sampler.ts) in another. Each round measures one arm and
 * two arms side by side: B is started through `PUT /api/compare` ("smaller is faster": B opens at
 * most 4 connections, A 10) and stopped with `DELETE /api/compare`. Per step: server CPU, event-loop
 * lateness p99 (monitorEventLoopDelay minus its 10 ms resolution) and, since on a shared machine
 * the scheduler stretches every block, the same lateness in CPU time (lib/cpu-lateness.ts) and the
 * time the server waited for a core; requests per arm, frames per viewer and fresh samples of each
 * arm per second. The order alternates between rounds so drift in the machine's
 * load does not favour one side.
 */
const RESOLUTION_MS = 10;
/** The fan-out figure; a smoke run connects a tenth as many, to stay short. */
const MANY_VIEWERS = { full: 200, smoke: 20 };
const CHILD_READY_MS = 120_000;
const B_PATCH = { pool: { maxOpen: 4, maxIdle: 4 } };

type Arms = 'one' | 'two';
interface Step {
  arms: Arms;
  viewers: number;
}

/** Two orders, alternated by round; each changes the arms or the viewers between steps, never both. */
function roundSteps(round: number, many: number): Step[] {
  const first: Arms = round % 2 === 0 ? 'one' : 'two';
  const second: Arms = first === 'one' ? 'two' : 'one';
  return [
    { arms: first, viewers: 1 },
    { arms: second, viewers: 1 },
    { arms: second, viewers: many },
    { arms: first, viewers: many },
  ];
}

interface Sampled {
  type: string;
  frames: number;
  framesWithB: number;
  freshA: number;
  freshB: number;
  tickGapP99Ms: number;
}

interface Rig {
  url: string;
  lab: Lab;
  viewers: ChildProcess;
  sampler: ChildProcess;
}

/** Starts or stops arm B through the REST API, as a script or the dashboard would. */
async function setArms(url: string, arms: Arms): Promise<void> {
  const headers = { 'content-type': 'application/json', 'x-poolscope': '1' };
  const response =
    arms === 'two'
      ? await fetch(`${url}/api/compare`, { method: 'PUT', headers, body: JSON.stringify({ b: B_PATCH, seed: 1 }) })
      : await fetch(`${url}/api/compare`, { method: 'DELETE', headers: { 'x-poolscope': '1' } });
  const state = (await response.json()) as { running?: boolean };
  if (response.status !== 200 || state.running !== (arms === 'two'))
    throw new Error(`compare ${arms}: ${response.status} ${JSON.stringify(state)}`);
}

/** A bench that measured one arm while meaning two (or the reverse) would report nonsense. */
function checkArms(step: Step, sampled: Sampled): void {
  const expected = step.arms === 'two' ? sampled.frames : 0;
  if (sampled.frames === 0 || sampled.framesWithB !== expected) {
    throw new Error(`${step.arms} arm(s): ${sampled.framesWithB} of ${sampled.frames} snapshots carried arm B`);
  }
}

/** Requests each arm has started so far, read from the lab's latest snapshot (B: 0 when not comparing). */
function requestsStarted(lab: Lab): { a: number; b: number } {
  const snapshot = lab.snapshot();
  return { a: snapshot.totals.requestsStarted, b: snapshot.compare?.b.totals.requestsStarted ?? 0 };
}

interface Reading {
  elapsedMs: number;
  cpuMs: number;
  runQueueMs: number | null;
  latenessP99Ms: number;
  latenessMaxMs: number;
  cpuLatenessP99Ms: number;
  requests: { a: number; b: number };
  counted: { frames: number; chars: number };
  sampled: Sampled;
}

/** One window of the server's own figures and both viewer processes' counts, taken together. */
async function readWindow(rig: Rig, windowMs: number): Promise<Reading> {
  const delay = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
  const cpuLateness = new CpuLateness();
  const before = { cpu: process.cpuUsage(), runQueueNs: runQueueWaitNs(), requests: requestsStarted(rig.lab), ms: performance.now() };
  delay.enable();
  cpuLateness.start();
  rig.sampler.send({ type: 'count', ms: windowMs });
  const [counted, sampled] = await Promise.all([
    countFrames(rig.viewers, windowMs),
    nextMessage<Sampled>(rig.sampler, 'sampled', windowMs + 10_000),
  ]);
  delay.disable();
  const cpuLatenessP99Ms = cpuLateness.stop();
  const cpu = process.cpuUsage(before.cpu);
  const runQueueNs = runQueueWaitNs();
  const requests = requestsStarted(rig.lab);
  return {
    elapsedMs: performance.now() - before.ms,
    cpuMs: (cpu.user + cpu.system) / 1000,
    runQueueMs: runQueueNs === null || before.runQueueNs === null ? null : (runQueueNs - before.runQueueNs) / 1e6,
    latenessP99Ms: Math.max(0, delay.percentile(99) / 1e6 - RESOLUTION_MS),
    latenessMaxMs: Math.max(0, delay.max / 1e6 - RESOLUTION_MS),
    cpuLatenessP99Ms,
    requests: { a: requests.a - before.requests.a, b: requests.b - before.requests.b },
    counted,
    sampled,
  };
}

async function measure(rec: Recorder, rig: Rig, step: Step, windowMs: number): Promise<void> {
  const r = await readWindow(rig, windowMs);
  checkArms(step, r.sampled);
  const windowS = windowMs / 1000;
  const elapsedS = r.elapsedMs / 1000;
  const viewers = `${step.viewers} light viewer${step.viewers === 1 ? '' : 's'} + 1 parsing`;
  const section = `compare, ${step.arms === 'two' ? 'two arms (A + B)' : 'one arm (A)'}, ${viewers}`;
  const two = step.arms === 'two';
  const record = (what: string, label: string, unit: string, value: number) =>
    rec.record(`compare/${step.arms}/${step.viewers}/${what}`, section, label, unit, value);
  record('cpu', 'server CPU (lab, both loads, targets and stream)', '% of a core', (r.cpuMs / r.elapsedMs) * 100);
  if (r.runQueueMs !== null)
    record('run-queue', 'server main thread runnable but waiting for a core', '% of wall', (r.runQueueMs / r.elapsedMs) * 100);
  record('lateness-p99', 'server event-loop lateness p99', 'ms', r.latenessP99Ms);
  record('lateness-max', 'server event-loop lateness max', 'ms', r.latenessMaxMs);
  record(
    'cpu-lateness-p99',
    'server CPU between 5 ms probe firings, p99 (lateness on a core of its own, at most)',
    'ms',
    r.cpuLatenessP99Ms,
  );
  record('arm-a/rps', 'arm A requests started', 'per s', r.requests.a / elapsedS);
  if (two) record('arm-b/rps', 'arm B requests started', 'per s', r.requests.b / elapsedS);
  record('rate', 'snapshots received per light viewer', 'per s', r.counted.frames / step.viewers / windowS);
  record('bytes', 'bytes per snapshot frame', 'B', r.counted.frames === 0 ? 0 : r.counted.chars / r.counted.frames);
  record('arm-a/rate', 'fresh arm A samples seen by the parsing viewer', 'per s', r.sampled.freshA / windowS);
  if (two) record('arm-b/rate', 'fresh arm B samples seen by the parsing viewer', 'per s', r.sampled.freshB / windowS);
  record('tick-gap-p99', 'gap between consecutive snapshots (server t), p99', 'ms', r.sampled.tickGapP99Ms);
  record('json', 'snapshot JSON at the server', 'B', Buffer.byteLength(JSON.stringify(rig.lab.snapshot())));
}

interface Timing {
  windowMs: number;
  settleMs: number;
  manyViewers: number;
}

async function runRound(rec: Recorder, rig: Rig, round: number, timing: Timing): Promise<void> {
  let arms: Arms | null = null;
  let viewers = -1;
  for (const step of roundSteps(round, timing.manyViewers)) {
    if (step.viewers !== viewers) await setViewers(rig.viewers, (viewers = step.viewers));
    if (step.arms !== arms) await setArms(rig.url, (arms = step.arms));
    // B's pool dials and its targets warm up; after a stop, its sockets finish closing.
    await sleep(timing.settleMs);
    await measure(rec, rig, step, timing.windowMs);
  }
}

function declareTargets(rec: Recorder, many: number): void {
  const one = (viewers: number, what: string) => `compare/one/${viewers}/${what}`;
  const two = (viewers: number, what: string) => `compare/two/${viewers}/${what}`;
  rec.ratio('compare: server CPU, two arms / one arm, default load, 1 viewer', two(1, 'cpu'), one(1, 'cpu'), { atMost: 2.2 });
  rec.ratio(`compare: server CPU, two arms / one arm, ${many} viewers`, two(many, 'cpu'), one(many, 'cpu'));
  rec.ratio('compare: fresh B samples / fresh A samples, two arms, 1 viewer', two(1, 'arm-b/rate'), two(1, 'arm-a/rate'), {
    atLeast: 0.95,
  });
  rec.ratio('compare: snapshots per viewer, two arms / one arm, 1 viewer', two(1, 'rate'), one(1, 'rate'), { atLeast: 0.95 });
  rec.ratio(`compare: lateness p99 at ${many} viewers, two arms / one arm`, two(many, 'lateness-p99'), one(many, 'lateness-p99'));
  rec.limit(`compare: event-loop lateness p99, ${many} viewers, two arms (ms)`, two(many, 'lateness-p99'), 20);
  rec.ratio(
    `compare: CPU-time lateness p99 at ${many} viewers, two arms / one arm`,
    two(many, 'cpu-lateness-p99'),
    one(many, 'cpu-lateness-p99'),
  );
  rec.limit(`compare: CPU-time lateness p99, ${many} viewers, two arms (ms; load-robust bound)`, two(many, 'cpu-lateness-p99'), 20);
}

async function main(): Promise<void> {
  const mode = benchMode();
  const rec = new Recorder('compare');
  const timing: Timing = {
    windowMs: mode.ms(3000, 500),
    settleMs: mode.smoke ? 300 : 1500,
    manyViewers: mode.smoke ? MANY_VIEWERS.smoke : MANY_VIEWERS.full,
  };
  const lab = await Lab.start({ embeddedTargets: 2, sampleHz: 10 });
  const { app } = await buildApp({ lab, policy: new ControlPolicy(null) });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  const viewers = forkTs(helperPath('viewers.ts'), [url]);
  const sampler = forkTs(helperPath('arm-sampler.ts'), [url]);
  try {
    // Two helpers load socket.io-client through tsx at once: at a load average of 30 that took ~20 s.
    await Promise.all([nextMessage(viewers, 'ready', CHILD_READY_MS), nextMessage(sampler, 'ready', CHILD_READY_MS)]);
    for (let round = 0; round < mode.rounds; round++) {
      await runRound(rec, { url, lab, viewers, sampler }, round, timing);
      log(`compare round ${round + 1}/${mode.rounds} done`);
    }
  } finally {
    await Promise.all([stopChild(viewers), stopChild(sampler)]);
    await lab.close();
    await app.close();
  }
  declareTargets(rec, timing.manyViewers);
  rec.emit(mode.rounds);
}

await main();
