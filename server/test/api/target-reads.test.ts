import { describe, expect, it } from 'vitest';
import { io as connect } from 'socket.io-client';
import type { Snapshot } from '@poolscope/shared/snapshot';
import { closeAfterEach } from '../../src/test-support/close-after-each';
import { waitFor } from '../../src/test-support/wait-for';
import { startTestLab } from '../test-support/test-lab';

describe('answering a target control reads the lab without changing the stream', () => {
  const track = closeAfterEach();

  it('20 target patches while streaming leave seq gap-free and the latency window whole', async () => {
    // sampleHz 10: the latency window spans the last 10 ticks. No load, so the only borrows are the test's.
    const t = track(await startTestLab({ sampleHz: 10, load: { running: false } }));
    const url = await t.app.listen({ port: 0, host: '127.0.0.1' });
    const socket = track(connect(url, { transports: ['websocket'], reconnection: false }));
    const received: Snapshot[] = [];
    socket.on('snapshot', (snapshot: Snapshot) => received.push(snapshot));
    await waitFor(() => received.length > 0, { what: 'the first snapshot' });

    for (let i = 0; i < 5; i++) t.lab.pool.release(await t.lab.pool.acquire());
    await waitFor(() => received.at(-1)?.latency.acquireWaitMs.count === 5, { what: 'a snapshot counting the 5 borrows' });
    const before = received.length;
    for (let i = 0; i < 20; i++) {
      const response = await t.app.inject({ method: 'PATCH', url: '/api/targets/t1', payload: { latencyMs: i % 2 } });
      expect(response.statusCode).toBe(200);
    }
    await waitFor(() => received.length > before, { what: 'the first tick after the patches' });
    // Each read used to take the window: 20 of them emptied a 10-tick window at once.
    expect(received[before]!.latency.acquireWaitMs.count).toBe(5);

    await waitFor(() => received.length >= before + 5, { what: 'five more ticks' });
    const seqs = received.map((s) => s.seq);
    expect(seqs.slice(1).map((seq, i) => seq - seqs[i]!)).toEqual(seqs.slice(1).map(() => 1));
  });
});
