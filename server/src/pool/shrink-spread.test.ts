import { afterEach, describe, expect, it } from 'vitest';
import { EchoTarget } from '../targets/echo-target';
import { ConnectionPool } from './connection-pool';
import { sleepMs, waitFor } from '../test-support/wait-for';

let pool: ConnectionPool | null = null;
let stopLoad: (() => Promise<unknown[]>) | null = null;
const targets: EchoTarget[] = [];
afterEach(async () => {
  await stopLoad?.();
  stopLoad = null;
  await pool?.close();
  pool = null;
  await Promise.all(targets.splice(0).map((t) => t.close()));
});

async function embedded(latencyMs: number): Promise<EchoTarget> {
  const target = await EchoTarget.start({ knobs: { workers: 2, latencyMs, jitterMs: 0 } });
  targets.push(target);
  return target;
}

/** Closed-loop pool.request() callers until stopped. */
function load(on: ConnectionPool, callers: number): () => Promise<unknown[]> {
  let running = true;
  const errors: unknown[] = [];
  const loops = Array.from({ length: callers }, async () => {
    while (running) {
      try {
        await on.request(Buffer.from('load'), { timeoutMs: 10_000, framing: 'length-prefixed' });
      } catch (error) {
        errors.push(error);
        return; // a caller that failed stops: a rejecting pool would otherwise spin this loop
      }
    }
  });
  return async () => {
    running = false;
    await Promise.all(loops);
    return errors;
  };
}

const openBy = (p: ConnectionPool) => Object.fromEntries(p.targetStats().map((t) => [t.targetId, t.open]));

describe('shrinking keeps the survivors spread across targets', () => {
  // t2 answers faster, so its connections come back (and, shed naively, close) far more often:
  // closing whichever is released first leaves every survivor on t1.
  it('50 -> 4 over two 2-worker targets under load settles to 2 + 2', async () => {
    const [slow, fast] = [await embedded(20), await embedded(1)];
    pool = new ConnectionPool({
      config: { maxOpen: 50, maxIdle: 50, minIdle: 50, heartbeatIntervalMs: 0, acquireTimeoutMs: 30_000, shutdownGraceMs: 200 },
      targets: [
        { id: 't1', host: '127.0.0.1', port: slow.port },
        { id: 't2', host: '127.0.0.1', port: fast.port },
      ],
    });
    await waitFor(() => pool!.stats().open === 50, { what: '50 open connections' });
    expect(openBy(pool)).toEqual({ t1: 25, t2: 25 });
    stopLoad = load(pool, 60);
    await waitFor(() => pool!.stats().active > 40, { what: 'the load to borrow most connections' });
    expect(pool.reconfigure({ maxOpen: 4, maxIdle: 4, minIdle: 0 }).ok).toBe(true);
    await waitFor(() => pool!.stats().open === 4, { what: 'the pool to shrink to 4' });
    await sleepMs(300);
    expect(openBy(pool)).toEqual({ t1: 2, t2: 2 });
    expect(await stopLoad()).toEqual([]);
    expect(pool.stats().closed.shrink).toBe(46);
  });

  it('maxIdle lowered on a quiet pool closes idle connections evenly, not coldest first', async () => {
    const [a, b] = [await embedded(0), await embedded(0)];
    pool = new ConnectionPool({
      config: { maxOpen: 20, maxIdle: 20, minIdle: 20, heartbeatIntervalMs: 0, shutdownGraceMs: 200 },
      targets: [
        { id: 't1', host: '127.0.0.1', port: a.port },
        { id: 't2', host: '127.0.0.1', port: b.port },
      ],
    });
    await waitFor(() => pool!.stats().idle === 20, { what: '20 idle connections' });
    // Released t2 first, so t2's connections are the coldest: closing coldest first would take all of them.
    const loans = await Promise.all(Array.from({ length: 20 }, () => pool!.acquire()));
    for (const loan of loans.filter((c) => c.targetId === 't2')) pool.release(loan);
    for (const loan of loans.filter((c) => c.targetId === 't1')) pool.release(loan);
    expect(pool.reconfigure({ maxIdle: 6, minIdle: 0 }).ok).toBe(true);
    expect(openBy(pool)).toEqual({ t1: 3, t2: 3 });
  });
});

describe('the idle reaper keeps its minIdle survivors spread too', () => {
  it('idle timeout down to minIdle 2 keeps one connection per target, not the two newest', async () => {
    const [a, b] = [await embedded(0), await embedded(0)];
    pool = new ConnectionPool({
      config: { maxOpen: 6, maxIdle: 6, minIdle: 0, idleTimeoutMs: 200, heartbeatIntervalMs: 0, shutdownGraceMs: 200 },
      targets: [
        { id: 't1', host: '127.0.0.1', port: a.port },
        { id: 't2', host: '127.0.0.1', port: b.port },
      ],
    });
    const loans = await Promise.all(Array.from({ length: 6 }, () => pool!.acquire()));
    expect(openBy(pool)).toEqual({ t1: 3, t2: 3 });
    // t1's are released last, so the two most recently used are both on t1.
    for (const loan of loans.filter((c) => c.targetId === 't2')) pool.release(loan);
    for (const loan of loans.filter((c) => c.targetId === 't1')) pool.release(loan);
    expect(pool.reconfigure({ minIdle: 2 }).ok).toBe(true);
    await waitFor(() => pool!.stats().closed['idle-timeout'] === 4, { what: 'the reaper to close 4' });
    expect(openBy(pool)).toEqual({ t1: 1, t2: 1 });
  });
});
