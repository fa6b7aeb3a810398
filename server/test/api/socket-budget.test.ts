import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestLab, type TestLab } from '../test-support/test-lab';
import { waitFor } from '../../src/test-support/wait-for';

let t: TestLab | null = null;
afterEach(async () => {
  await t?.close();
  t = null;
});

describe('the socket budget keeps the lab controllable', () => {
  // A budget of 40 stands for the one derived from the fd limit (thousands), so this is quick;
  // without any budget this config dials without bound until the process runs out of descriptors.
  it('leakRate 1 with maxOpen 0 stops at the budget; a PATCH over HTTP and a fresh TCP accept still work', async () => {
    t = await startTestLab({
      socketBudget: 40,
      pool: { maxOpen: 0, minIdle: 0, shutdownGraceMs: 100 },
      load: { concurrency: 8, thinkMs: 0, holdMs: 0, leakRate: 1 },
    });
    const lab = t.lab;
    await waitFor(() => (lab.pool.stats().dialFailuresByCode.POOL_SOCKET_BUDGET ?? 0) >= 3, {
      timeoutMs: 30000,
      what: 'dials past the budget to fail',
    });
    expect(lab.pool.stats().open).toBeLessThanOrEqual(40);
    await waitFor(() => lab.snapshot().pool.socketBudget === 40, { timeoutMs: 15000, what: 'the budget in the snapshot' });
    expect(lab.snapshot().totals.dialFailuresByCode.POOL_SOCKET_BUDGET).toBeGreaterThan(0);

    const injected = await t.app.inject({ method: 'PATCH', url: '/api/config', payload: { load: { leakRate: 0 } } });
    expect(injected.statusCode).toBe(200);

    await t.app.listen({ host: '127.0.0.1', port: 0 });
    const { port } = t.app.server.address() as AddressInfo;
    const response = await fetch(`http://127.0.0.1:${port}/api/config`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ load: { running: false } }),
    });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { load: { running: boolean } }).load.running).toBe(false);
    const accepted = await new Promise<boolean>((resolve) => {
      const socket = connect({ host: '127.0.0.1', port }, () => {
        socket.destroy();
        resolve(true);
      });
      socket.on('error', () => resolve(false));
    });
    expect(accepted).toBe(true);
  });
});
