import { describe, expect, it } from 'vitest';
import { targetsClosedAfterEach } from './test-support/test-targets';
import { TestClient, frameOf } from './test-support/test-client';
import { waitFor } from '../test-support/wait-for';

const startTarget = targetsClosedAfterEach();

const request = frameOf(Buffer.from('are you there?'));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('EchoTarget faults', () => {
  it('down refuses new connections and drops open ones; up again listens on the same port', async () => {
    const target = await startTarget();
    const open = await TestClient.open(target.port);
    target.update({ down: true });
    expect(target.state()).toBe('down');
    await expect(TestClient.open(target.port)).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    await open.waitForClose();
    target.update({ down: false });
    await target.settled();
    expect(target.state()).toBe('up');
    const again = await TestClient.open(target.port);
    expect((await again.roundTrip(request)).reply).toEqual(request);
  });

  it('starts down when asked, keeping a port to come up on', async () => {
    const target = await startTarget({ down: true });
    await target.settled();
    await expect(TestClient.open(target.port)).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    target.update({ down: false });
    await target.settled();
    await TestClient.open(target.port);
  });

  it('stall accepts and reads but never answers; unstalled, the next request is answered', async () => {
    const target = await startTarget({ stall: true });
    expect(target.state()).toBe('stalled');
    const client = await TestClient.open(target.port);
    client.send(request);
    await waitFor(() => target.counters().bytesIn === request.length, { what: 'the request to be read' });
    await sleep(300);
    expect(client.receivedBytes).toBe(0);
    expect(client.closed).toBe(false);
    target.update({ stall: false });
    expect((await client.roundTrip(request)).reply).toEqual(request);
    expect(target.counters().requestsServed).toBe(1);
  });

  it('stall switched on while a request is in service swallows its reply', async () => {
    const target = await startTarget({ latencyMs: 300 });
    const client = await TestClient.open(target.port);
    client.send(request);
    await waitFor(() => target.counters().bytesIn > 0, { what: 'the request to arrive' });
    target.update({ stall: true });
    await sleep(600);
    expect(client.receivedBytes).toBe(0);
  });

  it('reset sends RST to open connections and to every new one, counted as refused', async () => {
    const target = await startTarget();
    const open = await TestClient.open(target.port);
    await waitFor(() => target.counters().connectionsOpen === 1, { what: 'the connection admitted' });
    target.update({ reset: true });
    expect(target.state()).toBe('resetting');
    await open.waitForClose();
    expect(open.errorCode).toBe('ECONNRESET');
    // The RST can beat the client's own 'connect' event, so either way of hearing it counts.
    const fresh = await TestClient.open(target.port).then(
      async (client) => (await client.waitForClose(), client.errorCode),
      (error: NodeJS.ErrnoException) => error.code,
    );
    expect(fresh).toBe('ECONNRESET');
    await waitFor(() => target.counters().connectionsRefused === 1, { what: 'the refusal to be counted' });
    expect(target.counters()).toMatchObject({ connectionsOpen: 0, connectionsAccepted: 1, connectionsRefused: 1 });
    target.update({ reset: false });
    expect((await (await TestClient.open(target.port)).roundTrip(request)).reply).toEqual(request);
  });

  it('dropRate 1 destroys the connection instead of answering; 0 answers again', async () => {
    const target = await startTarget({ dropRate: 1 });
    const dropped = await TestClient.open(target.port);
    dropped.send(request);
    await dropped.waitForClose();
    expect(dropped.receivedBytes).toBe(0);
    await waitFor(() => target.counters().connectionsOpen === 0, { what: 'the server side to close' });
    expect(target.counters().requestsQueued).toBe(0);
    target.update({ dropRate: 0 });
    expect((await (await TestClient.open(target.port)).roundTrip(request)).reply).toEqual(request);
    expect(target.counters().requestsServed).toBe(1);
  });

  it('dropRate applies per request with the scripted probability', async () => {
    const draws = [0.9, 0.1]; // first request survives 0.5, second is dropped
    const target = await startTarget({ dropRate: 0.5 }, () => draws.shift() ?? 0);
    const client = await TestClient.open(target.port);
    expect((await client.roundTrip(request)).reply).toEqual(request);
    client.send(request);
    await client.waitForClose();
    expect(client.receivedBytes).toBe(request.length);
  });

  it('garbleRate 1 answers a frame with its header intact and every payload byte corrupted', async () => {
    const target = await startTarget({ garbleRate: 1 });
    const client = await TestClient.open(target.port);
    const { reply } = await client.roundTrip(request);
    expect(reply.length).toBe(request.length);
    expect(reply.subarray(0, 4)).toEqual(request.subarray(0, 4));
    for (let i = 4; i < reply.length; i += 1) expect(reply[i]).not.toBe(request[i]);
    target.update({ garbleRate: 0 });
    expect((await client.roundTrip(request)).reply).toEqual(request);
  });

  it('garbleRate 1 corrupts an unframed reply too, keeping its length', async () => {
    const target = await startTarget({ garbleRate: 1 });
    const client = await TestClient.open(target.port);
    const { reply } = await client.roundTrip(Buffer.from('plain text'));
    expect(reply.length).toBe(10);
    expect(reply.toString()).not.toBe('plain text');
  });

  it('survives clients that reset or vanish mid-request and keeps serving', async () => {
    const target = await startTarget({ latencyMs: 100, workers: 1 });
    for (let i = 0; i < 5; i += 1) {
      const rude = await TestClient.open(target.port);
      rude.send(request);
      rude.send(request);
      await waitFor(() => target.counters().bytesIn >= (i + 1) * 2 * request.length, { what: 'the requests to arrive' });
      if (i % 2 === 0) rude.socket.resetAndDestroy();
      else rude.socket.destroy();
    }
    await waitFor(() => target.counters().connectionsOpen === 0, { what: 'every rude connection to close' });
    expect(target.counters().requestsQueued).toBe(0);
    const polite = await TestClient.open(target.port);
    expect((await polite.roundTrip(request)).reply).toEqual(request);
  });
});
