import { describe, expect, it } from 'vitest';
import { io as connect } from 'socket.io-client';
import { closeAfterEach } from '../../src/test-support/close-after-each';
import { waitFor } from '../../src/test-support/wait-for';
import { startTestLab } from '../test-support/test-lab';

describe('the presenter sees how many are watching', () => {
  const track = closeAfterEach();

  it('counts the dashboards connected to the lab in snapshot.viewers, up and down', async () => {
    const { lab, app } = track(await startTestLab({ sampleHz: 20 }));
    const url = await app.listen({ port: 0, host: '127.0.0.1' });
    expect(lab.snapshot().viewers).toBe(0);
    const sockets = [1, 2, 3].map(() => connect(url, { transports: ['websocket'], reconnection: false }));
    for (const socket of sockets) track(socket);
    await waitFor(() => lab.snapshot().viewers === 3, { timeoutMs: 10_000, what: 'three viewers counted' });
    sockets[0]?.close();
    await waitFor(() => lab.snapshot().viewers === 2, { timeoutMs: 10_000, what: 'a viewer leaving counted' });
  });
});
