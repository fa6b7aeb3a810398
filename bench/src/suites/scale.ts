import { Lab } from '@poolscope/server/src/lab/lab';
import { RecentlyClosed } from '@poolscope/server/src/lab/recently-closed';
import { SnapshotBuilder } from '@poolscope/server/src/lab/snapshot-builder';
import { benchMode, log } from '../lib/mode';
import { Recorder } from '../lib/results';
import { percentile, sleep } from '../lib/stats';

/**
 * (5) Scale: 5,000 pooled connections over real sockets to 5 embedded targets, in this one
 * process (10,000 sockets: the runner raises the fd limit), with load running. Timed: building
 * one snapshot the way the lab does, and serializing it (Socket.IO does that once per tick).
 */
const TARGETS = 5;

async function main(): Promise<void> {
  const mode = benchMode();
  const connections = mode.smoke ? 1000 : 5000;
  const rec = new Recorder('scale');
  const lab = await Lab.start({
    embeddedTargets: TARGETS,
    sampleHz: 10,
    pool: { maxOpen: connections, maxIdle: connections, minIdle: connections, dialTimeoutMs: 10_000, maxWaiters: 0 },
    load: { concurrency: 200, holdMs: 5, holdJitterMs: 2, thinkMs: 5 },
  });
  try {
    const startedMs = performance.now();
    const established = () => {
      const { idle, active, validating } = lab.pool.stats();
      return idle + active + validating;
    };
    while (established() < connections && performance.now() - startedMs < 60_000) await sleep(50);
    const open = established();
    if (open < connections) throw new Error(`only ${open} of ${connections} connections opened within 60 s`);
    rec.record(
      'scale/dial-all',
      `scale, ${connections} pooled connections, ${TARGETS} targets`,
      `time to open all ${connections}`,
      's',
      (performance.now() - startedMs) / 1000,
    );
    await sleep(mode.ms(500, 100));
    // A builder over the lab's own sources: the same work as the lab's tick.
    const builder = new SnapshotBuilder({
      pool: lab.pool,
      load: lab.load,
      targets: () => lab.targets.list(),
      markers: lab.markers,
      recentlyClosed: new RecentlyClosed(),
      config: () => lab.config(),
      scenarioId: () => null,
      lesson: () => null,
      eventsDropped: () => 0,
      viewers: () => 0,
      relayViewers: () => 0,
    });
    const builds = mode.smoke ? 10 : 40;
    for (let round = 0; round < mode.rounds; round++) {
      const buildMs: number[] = [];
      const totalMs: number[] = [];
      let bytes = 0;
      for (let i = 0; i < builds; i++) {
        await sleep(20);
        const t0 = performance.now();
        const snapshot = builder.build();
        const t1 = performance.now();
        const json = JSON.stringify(snapshot);
        const t2 = performance.now();
        buildMs.push(t1 - t0);
        totalMs.push(t2 - t0);
        bytes = Buffer.byteLength(json);
        if (snapshot.connectionCounts.total < connections)
          throw new Error(`snapshot counts ${snapshot.connectionCounts.total} connections`);
      }
      const section = `scale, ${connections} pooled connections, ${TARGETS} targets, load on`;
      rec.record('scale/build-p50', section, 'build one snapshot, p50', 'ms', percentile(buildMs, 50));
      rec.record('scale/build-p99', section, 'build one snapshot, p99', 'ms', percentile(buildMs, 99));
      rec.record('scale/total-p50', section, 'build + JSON.stringify, p50', 'ms', percentile(totalMs, 50));
      rec.record('scale/total-p99', section, 'build + JSON.stringify, p99', 'ms', percentile(totalMs, 99));
      rec.record('scale/bytes', section, 'snapshot JSON size', 'KB', bytes / 1024);
      log(`scale round ${round + 1}/${mode.rounds} done`);
    }
  } finally {
    await lab.close();
  }
  rec.limit('scale: build one snapshot at 5,000 connections, p50 (ms)', 'scale/build-p50', 5);
  rec.limit('scale: build + stringify at 5,000 connections, p50 (ms)', 'scale/total-p50', 5);
  rec.limit('scale: snapshot JSON size at 5,000 connections (KB)', 'scale/bytes', 64);
  rec.emit(mode.rounds);
}

await main();
