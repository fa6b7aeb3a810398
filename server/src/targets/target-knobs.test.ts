import { describe, expect, it } from 'vitest';
import { serviceDelayMs } from './service-time';
import { DEFAULT_TARGET_KNOBS } from '@poolscope/shared/config-rules';
import { targetsClosedAfterEach } from './test-support/test-targets';
import { TestClient, frameOf } from './test-support/test-client';
import { waitFor } from '../test-support/wait-for';

const startTarget = targetsClosedAfterEach();

const request = frameOf(Buffer.from('ping'));

describe('EchoTarget capacity knobs', () => {
  it('delays each echo by latencyMs, and a live change applies to the next request', async () => {
    const target = await startTarget({ latencyMs: 250 });
    const client = await TestClient.open(target.port);
    expect((await client.roundTrip(request)).rttMs).toBeGreaterThanOrEqual(240);
    // A request taken in at a minute's latency is still unanswered when the next, at 0, comes back:
    // the change applies from the next request on, and never to one already in service.
    target.update({ latencyMs: 60_000 });
    const held = await TestClient.open(target.port);
    held.send(request);
    await waitFor(() => target.counters().bytesIn >= 2 * request.length, { what: 'the held request to arrive' });
    target.update({ latencyMs: 0 });
    const fast = await client.roundTrip(request);
    expect(fast.reply).toEqual(request);
    expect(held.receivedBytes).toBe(0);
  });

  it('varies latency uniformly by up to jitterMs either way, never below zero', () => {
    const knobs = { ...DEFAULT_TARGET_KNOBS, latencyMs: 100, jitterMs: 30 };
    expect(serviceDelayMs(knobs, () => 0)).toBe(70);
    expect(serviceDelayMs(knobs, () => 0.5)).toBe(100);
    expect(serviceDelayMs(knobs, () => 0.999999)).toBeCloseTo(130, 3);
    expect(serviceDelayMs({ ...knobs, latencyMs: 10 }, () => 0)).toBe(0);
  });

  it('serves at most `workers` requests at once and queues the rest; raising it live admits them', async () => {
    // The first request is admitted at a minute's latency and holds the only worker for the whole test.
    const target = await startTarget({ latencyMs: 60_000, workers: 1 });
    const clients = await Promise.all([1, 2, 3].map(() => TestClient.open(target.port)));
    clients[0]!.send(request);
    await waitFor(() => target.counters().bytesIn === request.length && target.counters().requestsQueued === 0, {
      what: 'the first request in service',
    });
    clients.slice(1).forEach((c) => c.send(request));
    await waitFor(() => target.counters().requestsQueued === 2, { what: 'two requests queued behind one worker' });
    // Latency is drawn when a request is admitted: the queued two are served at 0 once let in.
    target.update({ latencyMs: 0, workers: 0 });
    expect(target.counters().requestsQueued).toBe(0);
    await waitFor(() => clients.slice(1).every((c) => c.receivedBytes === request.length), { what: 'the two queued replies' });
    expect(clients[0]!.receivedBytes).toBe(0);
    expect(target.counters().requestsServed).toBe(2);
  });

  it('queues pipelined requests on one connection and answers them in order', async () => {
    const target = await startTarget({ latencyMs: 20, jitterMs: 15 });
    const client = await TestClient.open(target.port);
    const frames = Array.from({ length: 20 }, (_, i) => frameOf(Buffer.from(`request ${i}`)));
    client.send(Buffer.concat(frames));
    expect(await client.waitForBytes(Buffer.concat(frames).length)).toEqual(Buffer.concat(frames));
    expect(target.counters().requestsServed).toBe(20);
  });

  it('accepts then closes connections past maxConnections, counting them refused; live changes apply', async () => {
    const target = await startTarget({ maxConnections: 2 });
    const admitted = await Promise.all([1, 2].map(() => TestClient.open(target.port)));
    await waitFor(() => target.counters().connectionsOpen === 2, { what: 'two connections admitted' });
    const excess = await TestClient.open(target.port);
    await excess.waitForClose();
    expect(target.counters()).toMatchObject({ connectionsOpen: 2, connectionsAccepted: 2, connectionsRefused: 1 });
    for (const client of admitted) expect((await client.roundTrip(request)).reply).toEqual(request);
    target.update({ maxConnections: 3 });
    const third = await TestClient.open(target.port);
    expect((await third.roundTrip(request)).reply).toEqual(request);
    target.update({ maxConnections: 1 });
    expect(admitted.every((c) => !c.closed)).toBe(true); // a semaphore, not a cull
  });

  it('closes a connection silent for idleCloseMs; traffic keeps one open; a live change applies', async () => {
    const target = await startTarget({ idleCloseMs: 600 });
    const silent = await TestClient.open(target.port);
    const chatty = await TestClient.open(target.port);
    const openedAt = Date.now();
    while (!silent.closed) {
      await chatty.roundTrip(request);
      await new Promise((resolve) => setTimeout(resolve, 20));
      if (Date.now() - openedAt > 10_000) throw new Error('the silent connection was never closed');
    }
    expect(Date.now() - openedAt).toBeGreaterThanOrEqual(580);
    expect(chatty.closed).toBe(false);
    target.update({ idleCloseMs: 0 });
    await new Promise((resolve) => setTimeout(resolve, 900));
    expect(chatty.closed).toBe(false);
    target.update({ idleCloseMs: 100 });
    await chatty.waitForClose();
  });

  it('does not count a request in service as idleness', async () => {
    const target = await startTarget({ idleCloseMs: 100, latencyMs: 400 });
    const client = await TestClient.open(target.port);
    expect((await client.roundTrip(request)).reply).toEqual(request);
    await client.waitForClose();
  });
});
