import { describe, expect, it } from 'vitest';
import type { PooledConnection } from './connection-pool';
import { Harness } from './test-support/harness';
import { closeAfterEach } from '../test-support/close-after-each';

const harness = new Harness(closeAfterEach());
const framed = { timeoutMs: 5000, framing: 'length-prefixed' } as const;

describe('a borrower holds a read-only loan, never the pool record', () => {
  it("a loan's state and facts cannot be written: a type error, and at run time a TypeError with the pool unchanged", async () => {
    const server = await harness.server();
    const pool = harness.pool([server]);
    const loan: PooledConnection = await pool.acquire();
    expect(() => {
      // @ts-expect-error a loan's state is read-only: only the pool moves a connection between states
      loan.state = 'idle';
    }).toThrow(TypeError);
    expect(() => {
      // @ts-expect-error so are its facts
      loan.uses = 0;
    }).toThrow(TypeError);
    expect(loan.state).toBe('active');
    expect(pool.stats()).toMatchObject({ active: 1, idle: 0 });
    expect(pool.connections()[0]).toMatchObject({ state: 'active', uses: 1 });
    pool.release(loan);
    expect(loan.state).toBe('idle');
    expect(pool.stats()).toMatchObject({ active: 0, idle: 1 });
  });

  it('a loan requests, releases and destroys itself, the same as through the pool', async () => {
    const server = await harness.server();
    const pool = harness.pool([server]);
    const loan = await pool.acquire();
    expect((await loan.request(Buffer.from('hi'), framed)).toString()).toBe('hi');
    loan.release();
    expect(pool.stats()).toMatchObject({ active: 0, idle: 1 });
    loan.release(); // released twice: a no-op
    const again = await pool.acquire();
    expect(again.id).toBe(loan.id);
    again.destroy('error');
    expect(pool.stats()).toMatchObject({ open: 0, active: 0 });
    expect(pool.stats().closed.error).toBe(1);
  });

  it('release and destroy of anything but a loan of this pool are harmless no-ops', async () => {
    const server = await harness.server();
    const pool = harness.pool([server]);
    const other = harness.pool([server]);
    const loan = await pool.acquire();
    const stranger = await other.acquire();
    pool.release(stranger);
    pool.destroy(stranger, 'error');
    pool.release({ id: loan.id, state: 'active' } as unknown as PooledConnection);
    expect(pool.stats()).toMatchObject({ active: 1, open: 1 });
    expect(other.stats()).toMatchObject({ active: 1, open: 1 });
    pool.release(loan);
    other.release(stranger);
  });
});
