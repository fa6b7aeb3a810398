import { describe, expect, it } from 'vitest';
import { Harness } from './test-support/harness';
import { closeAfterEach } from '../test-support/close-after-each';
import { waitFor } from '../test-support/wait-for';

const harness = new Harness(closeAfterEach());

describe('leak detection', () => {
  it('flags a loan held past leakDetectionThresholdMs and reclaims it; the late release is a no-op', async () => {
    const server = await harness.server();
    const pool = harness.pool([server], { leakDetectionThresholdMs: 100 });
    const events = harness.record(pool);
    const leaked = await pool.acquire();
    const returned = await pool.acquire();
    pool.release(returned);
    await waitFor(() => pool.leakSuspects().length === 1, { what: 'a leak suspect' });
    expect(pool.leakSuspects()[0]).toMatchObject({ connectionId: leaked.id, targetId: 't1' });
    expect(pool.leakSuspects()[0]!.heldMs).toBeGreaterThanOrEqual(100);
    expect(pool.stats().leakSuspects).toBe(1);
    expect(events.filter((e) => e.type === 'leak-suspected')).toHaveLength(1);
    expect(pool.reclaimLeaks()).toBe(1);
    expect(pool.stats()).toMatchObject({ leakSuspects: 0, active: 0 });
    expect(pool.stats().closed['leak-reclaimed']).toBe(1);
    const before = pool.stats();
    pool.release(leaked);
    expect(pool.stats()).toEqual({ ...before, oldestWaitMs: 0 });
    expect(pool.reclaimLeaks()).toBe(0);
  });

  it('emits leak-released when a suspect is finally released', async () => {
    const server = await harness.server();
    const pool = harness.pool([server], { leakDetectionThresholdMs: 50 });
    const events = harness.record(pool);
    const slow = await pool.acquire();
    await waitFor(() => pool.stats().leakSuspects === 1, { what: 'a leak suspect' });
    pool.release(slow);
    expect(events.find((e) => e.type === 'leak-released')).toMatchObject({ connectionId: slow.id });
    expect(pool.stats().leakSuspects).toBe(0);
  });
});
