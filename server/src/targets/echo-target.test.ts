import { describe, expect, it } from 'vitest';
import { EchoTarget } from './echo-target';
import { PARTIAL_FRAME_GIVE_UP_MS } from './echo-connection';
import { TargetConfigError } from './target-config-error';
import { targetsClosedAfterEach } from './test-support/test-targets';
import { TestClient, frameOf, tcpHandleCount } from './test-support/test-client';
import { waitFor } from '../test-support/wait-for';

const startTarget = targetsClosedAfterEach();

describe('EchoTarget echo', () => {
  it('listens on its own 127.0.0.1 port and reports its address', async () => {
    const target = await startTarget();
    expect(target.port).toBeGreaterThan(0);
    expect(target.address).toBe(`127.0.0.1:${target.port}`);
    expect(target.id).toBe(`echo-${target.port}`);
    expect(target.state()).toBe('up');
  });

  it('echoes sticky frames (two in one write) and a frame split over many writes verbatim', async () => {
    const target = await startTarget();
    const client = await TestClient.open(target.port);
    const sticky = Buffer.concat([frameOf(Buffer.from('one')), frameOf(Buffer.from('two'))]);
    expect((await client.roundTrip(sticky)).reply).toEqual(sticky);
    const big = frameOf(Buffer.alloc(200 * 1024, 0x5a));
    for (let at = 0; at < big.length; at += 50_000) client.send(big.subarray(at, at + 50_000));
    // Buffer.equals: toEqual walks a 200 KiB buffer byte by byte and takes a second.
    expect((await client.waitForBytes(sticky.length + big.length)).subarray(sticky.length).equals(big)).toBe(true);
    await waitFor(() => target.counters().requestsServed === 3, { what: 'three requests served' });
  });

  it('echoes unframed clients verbatim: text and a 200 KiB binary payload', async () => {
    const target = await startTarget();
    const client = await TestClient.open(target.port);
    expect((await client.roundTrip(Buffer.from('hello, echo\n'))).reply.toString()).toBe('hello, echo\n');
    const payload = Buffer.alloc(200 * 1024);
    for (let i = 0; i < payload.length; i += 1) payload[i] = 0x80 | (i % 127);
    expect((await client.roundTrip(payload)).reply.equals(payload)).toBe(true);
  });

  it('echoes bytes that look like the start of a frame but never complete it, after the give-up', async () => {
    const target = await startTarget();
    const client = await TestClient.open(target.port);
    const looksFramed = Buffer.from([0, 0, 1, 0, 1, 2, 3]);
    const { reply, rttMs } = await client.roundTrip(looksFramed);
    expect(reply).toEqual(looksFramed);
    expect(rttMs).toBeGreaterThanOrEqual(PARTIAL_FRAME_GIVE_UP_MS - 50);
  });

  it('counts connections, requests and bytes so that they add up', async () => {
    const target = await startTarget();
    const clients = await Promise.all([1, 2, 3].map(() => TestClient.open(target.port)));
    const request = frameOf(Buffer.alloc(100, 1));
    for (const client of clients) {
      for (let i = 0; i < 4; i += 1) await client.roundTrip(request);
    }
    expect(target.counters()).toEqual({
      connectionsOpen: 3,
      connectionsAccepted: 3,
      connectionsRefused: 0,
      requestsServed: 12,
      requestsQueued: 0,
      bytesIn: 12 * 104,
      bytesOut: 12 * 104,
    });
    clients[0]?.socket.destroy();
    await waitFor(() => target.counters().connectionsOpen === 2, { what: 'the server side to notice the close' });
  });

  it('rejects invalid knobs whole: start throws, update returns details and changes nothing', async () => {
    await expect(EchoTarget.start({ knobs: { latencyMs: -1 } })).rejects.toBeInstanceOf(TargetConfigError);
    const target = await startTarget();
    const before = target.knobs();
    const result = target.update({ latencyMs: 50, dropRate: 2 });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.details.map((d) => d.path)).toEqual(['/dropRate']);
    expect(target.knobs()).toEqual(before);
    expect(target.update({ bogus: true }).ok).toBe(false);
    expect(target.update({ latencyMs: 50 })).toEqual({ ok: true, value: { ...before, latencyMs: 50 } });
  });
});

describe('EchoTarget restart and close', () => {
  it('restart drops every connection and listens again on the same port', async () => {
    const target = await startTarget();
    const port = target.port;
    const old = await TestClient.open(port);
    await target.restart();
    await old.waitForClose();
    expect(target.port).toBe(port);
    expect(target.state()).toBe('up');
    const fresh = await TestClient.open(port);
    expect((await fresh.roundTrip(Buffer.from('again'))).reply.toString()).toBe('again');
    expect(target.counters().connectionsOpen).toBe(1);
  });

  it('close leaves no socket open on either end', async () => {
    const baseline = tcpHandleCount();
    const target = await EchoTarget.start({ knobs: { latencyMs: 200, jitterMs: 0 } });
    const clients = await Promise.all([1, 2, 3, 4].map(() => TestClient.open(target.port)));
    clients[0]?.send(frameOf(Buffer.from('in service while closing')));
    await waitFor(() => target.counters().bytesIn > 0 && target.counters().connectionsOpen === 4, { what: 'the server side of each' });
    expect(tcpHandleCount()).toBe(baseline + 1 + 2 * clients.length);
    await target.close();
    expect(target.counters().connectionsOpen).toBe(0);
    await waitFor(() => clients.every((c) => c.closed), { what: 'every client to see the close' });
    expect(tcpHandleCount()).toBe(baseline);
    await expect(TestClient.open(target.port)).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    expect(target.state()).toBe('down');
  });

  it('close({ drainMs }) answers a request already in service, then closes', async () => {
    const target = await startTarget({ latencyMs: 300 });
    const busy = await TestClient.open(target.port);
    const idle = await TestClient.open(target.port);
    const request = frameOf(Buffer.from('finish me'));
    busy.send(request);
    await waitFor(() => target.counters().bytesIn === request.length, { what: 'the request to arrive' });
    const closing = target.close({ drainMs: 5000 });
    await idle.waitForClose();
    expect(busy.closed).toBe(false);
    await closing;
    await busy.waitForClose();
    expect(busy.received()).toEqual(request);
  });

  it('close({ drainMs }) destroys what is still unanswered when the drain time runs out', async () => {
    // A minute of latency (the maximum): a close that waited for the answer would outlast the test's own timeout.
    const target = await startTarget({ latencyMs: 60_000 });
    const client = await TestClient.open(target.port);
    client.send(frameOf(Buffer.from('too slow')));
    await waitFor(() => target.counters().requestsQueued === 0 && target.counters().bytesIn > 0, { what: 'the request in service' });
    await target.close({ drainMs: 100 });
    await client.waitForClose();
    expect(client.receivedBytes).toBe(0);
  });
});
