import { afterAll, describe, expect, it } from 'vitest';
import type { Snapshot } from '@poolscope/shared/snapshot';
import { Lab } from '../../src/lab/lab';
import { CALM_CONFIG, CHAOS_LIMITS, ChaosMonkey, chaosSeed } from '../test-support/chaos-schedule';
import { canListProcessSockets, processSocketsOnPorts } from '../test-support/open-sockets';
import { SnapshotInvariants } from '../test-support/snapshot-invariants';
import { waitFor } from '../../src/test-support/wait-for';

const CHAOS_MS = Number(process.env.POOLSCOPE_CHAOS_MS ?? 45_000);
// Longer than any loan can last under the schedule, plus room for a loaded machine.
const SETTLE_MS = CHAOS_LIMITS.maxRequestTimeoutMs + CHAOS_LIMITS.maxHoldMs + CHAOS_LIMITS.maxHealthCheckTimeoutMs + 1500;

describe('chaos: load, a config change every second and seeded target faults', () => {
  const seed = chaosSeed();
  let lab: Lab | undefined;
  let monkey: ChaosMonkey | undefined;
  afterAll(async () => {
    await monkey?.stop();
    await lab?.close();
  });

  it(
    `keeps every count straight, recovers once the faults stop and leaves no socket open (seed ${seed})`,
    async () => {
      console.log(`chaos seed ${seed} (replay with POOLSCOPE_CHAOS_SEED=${seed})`);
      lab = await Lab.start({ embeddedTargets: 3, sampleHz: 20, pool: CALM_CONFIG.pool, load: CALM_CONFIG.load });
      const ports = lab.targets.list().map((t) => t.port);
      const echoTargets = lab.targets.list().map((t) => t.embedded!);
      const invariants = new SnapshotInvariants({ settleMs: SETTLE_MS });
      let latest: Snapshot = lab.snapshot();
      lab.onTick((snapshot) => {
        latest = snapshot;
        invariants.observe(snapshot);
      });
      const explain = () =>
        `seed ${seed}\nviolations:\n${invariants.violations.join('\n')}\nerrors:\n${monkey?.errors.join('\n')}\nlast actions:\n${monkey?.log.slice(-40).join('\n')}`;

      monkey = new ChaosMonkey(lab, seed);
      monkey.start();
      await new Promise((resolve) => setTimeout(resolve, CHAOS_MS));
      await monkey.stop();
      const active = lab;
      active.patchConfig(CALM_CONFIG);

      // Healthy again, expected within 2 x max(heartbeat, backoff cap): every target up, connections
      // open, requests succeeding. The expectation is logged; the wait is generous, as timing is bench/'s to judge.
      const boundMs = 2 * Math.max(active.config().pool.heartbeatIntervalMs, active.config().pool.dialBackoffMaxMs);
      const healedAt = Date.now();
      const okAtHeal = latest.totals.requests.ok;
      let okSeen = okAtHeal;
      let okRising = 0;
      await waitFor(
        () => {
          const s = latest;
          okRising = s.totals.requests.ok > okSeen ? okRising + 1 : okRising;
          okSeen = s.totals.requests.ok;
          return s.t > healedAt && okRising >= 3 && s.pool.open > 0 && s.targets.every((t) => t.state === 'up');
        },
        {
          timeoutMs: Math.max(30_000, 3 * boundMs),
          what: `a healthy pool after the faults stopped, expected within ${boundMs} ms (${explain()})`,
        },
      );
      console.log(
        `chaos seed ${seed}: healthy ${Date.now() - healedAt} ms after the faults stopped (bound ${boundMs} ms); ` +
          `${invariants.snapshots} snapshots, ${invariants.settledChecks} with maxOpen settled; ${latest.totals.requestsStarted} requests, outcomes ${JSON.stringify(latest.totals.requests)}`,
      );

      expect(monkey.errors, explain()).toEqual([]);
      expect(invariants.violations, explain()).toEqual([]);
      expect(invariants.snapshots).toBeGreaterThan((CHAOS_MS / 1000) * 5);
      expect(invariants.settledChecks, 'the schedule leaves windows where maxOpen is stable').toBeGreaterThan(0);
      const closed = latest.totals.closed;
      expect(
        closed.error + closed['remote-closed'] + closed['health-check'] + closed['bad-reply'],
        'the faults did reach the pool',
      ).toBeGreaterThan(0);

      if (canListProcessSockets)
        expect(processSocketsOnPorts(ports).length, 'the socket count sees the pool and target sockets').toBeGreaterThan(0);
      await active.close();
      lab = undefined;
      for (const target of echoTargets) expect(target.counters().connectionsOpen).toBe(0);
      if (canListProcessSockets) {
        await waitFor(() => processSocketsOnPorts(ports).length === 0, {
          what: `no socket on ports ${ports.join(', ')}: ${JSON.stringify(processSocketsOnPorts(ports))}`,
        });
      }
      expect(active.pool.stats()).toMatchObject({ open: 0, closing: 0 });
      expect(active.load.stats().inFlight).toBe(0);
    },
    CHAOS_MS + 60_000,
  );
});
