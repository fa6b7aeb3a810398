import { afterEach, describe, expect, it } from 'vitest';
import { io as connect, type Socket } from 'socket.io-client';
import type { CompareState } from '@poolscope/shared/compare';
import type { Ack, ClientToServerEvents, ServerToClientEvents } from '@poolscope/shared/protocol';
import type { Snapshot, TargetSnapshot } from '@poolscope/shared/snapshot';
import { buildApp } from '../../src/api/app';
import { ControlPolicy } from '../../src/api/control-policy';
import { Lab } from '../../src/lab/lab';
import type { TypedApp } from '../../src/api/typed-app';
import { gatewayHarness } from '../test-support/gateway-harness';
import { waitFor } from '../../src/test-support/wait-for';

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;

describe('compare socket controls', () => {
  let lab: Lab | undefined;
  let app: TypedApp | undefined;
  let client: Client | undefined;

  afterEach(async () => {
    client?.disconnect();
    await lab?.close();
    await app?.close();
  });

  async function open(): Promise<Client> {
    lab = await Lab.start({ embeddedTargets: 1, sampleHz: 10, pool: { minIdle: 2 }, load: { concurrency: 2, thinkMs: 20 } });
    app = (await buildApp({ lab, policy: new ControlPolicy(null) })).app;
    const url = await app.listen({ port: 0, host: '127.0.0.1' });
    client = connect(url, { transports: ['websocket'], reconnection: false });
    return client;
  }

  const emit = <T>(socket: Client, event: keyof ClientToServerEvents, payload: unknown) =>
    new Promise<Ack<T>>((resolve) => (socket.emit as (e: string, p: unknown, ack: (a: Ack<T>) => void) => void)(event, payload, resolve));
  const snapshotWith = (socket: Client, test: (s: Snapshot) => boolean) =>
    new Promise<Snapshot>((resolve) => {
      const listener = (s: Snapshot) => {
        if (!test(s)) return;
        socket.off('snapshot', listener);
        resolve(s);
      };
      socket.on('snapshot', listener);
    });

  it('compare:start, compare:patch, compare:keep-b and compare:stop ack like their REST twins; snapshots carry arm B meanwhile', async () => {
    const socket = await open();
    const refused = await emit<CompareState>(socket, 'compare:start', { b: { pool: { minIdle: 50 } } });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.code).toBe('INVALID_CONFIG');
    expect(lab!.compare.active).toBe(false);
    const started = await emit<CompareState>(socket, 'compare:start', { b: { pool: { maxOpen: 3, maxIdle: 3 } }, seed: 5 });
    expect(started).toMatchObject({ ok: true, data: { running: true, seed: 5, b: { pool: { maxOpen: 3 } } } });
    const withB = await snapshotWith(socket, (s) => s.compare !== null && s.compare.b.totals.requests.ok > 0);
    expect(withB.compare?.diff.map((d) => d.label)).toContain('B: maxOpen 3 (A: 10)');
    expect(withB.config.pool.maxOpen).toBe(10);
    const patched = await emit<CompareState>(socket, 'compare:patch', { b: { load: { holdMs: 1 } } });
    expect(patched).toMatchObject({ ok: true, data: { b: { pool: { maxOpen: 3 }, load: { holdMs: 1 } } } });
    const kept = await emit<CompareState>(socket, 'compare:keep-b', {});
    expect(kept).toMatchObject({ ok: true, data: { running: false, a: { pool: { maxOpen: 3 }, load: { holdMs: 1 } } } });
    await snapshotWith(socket, (s) => s.compare === null && s.config.pool.maxOpen === 3);
    const stopped = await emit<CompareState>(socket, 'compare:stop', {});
    expect(stopped).toMatchObject({ ok: true, data: { running: false, b: null } });
    const patchWithout = await emit<CompareState>(socket, 'compare:patch', { b: {} });
    expect(patchWithout.ok).toBe(false);
  });

  it('target:restart during a comparison drops the connections of both arms; arm "b" reaches only B; a bad arm is refused', async () => {
    const socket = await open();
    await emit<CompareState>(socket, 'compare:start', { b: {} });
    await waitFor(() => (lab!.snapshot().compare?.b.pool.open ?? 0) >= 2, { timeoutMs: 15000, what: 'B connections' });
    const closedRemotely = () => [
      lab!.snapshot().totals.closed['remote-closed'],
      lab!.snapshot().compare!.b.totals.closed['remote-closed'],
    ];
    const [aBefore, bBefore] = closedRemotely();
    const restarted = await emit<TargetSnapshot>(socket, 'target:restart', { id: 't1' });
    expect(restarted.ok).toBe(true);
    await waitFor(() => closedRemotely()[0]! > aBefore! && closedRemotely()[1]! > bBefore!, {
      timeoutMs: 15000,
      what: 'both arms to lose connections',
    });
    const onlyB = await emit<TargetSnapshot>(socket, 'target:patch', { id: 't1', patch: { latencyMs: 9 }, arm: 'b' });
    expect(onlyB).toMatchObject({ ok: true, data: { id: 't1', knobs: { latencyMs: 9 } } });
    expect(lab!.describeTarget('t1').knobs?.latencyMs).toBe(2);
    const badArm = await emit<TargetSnapshot>(socket, 'target:patch', { id: 't1', patch: { latencyMs: 3 }, arm: 'c' });
    expect(badArm.ok).toBe(false);
    expect(lab!.describeTarget('t1').knobs?.latencyMs).toBe(2);
  });

  it('odd compare payloads are refused with an error ack and change nothing', async () => {
    lab = await Lab.start({ embeddedTargets: 1, sampleHz: 10, load: { concurrency: 1, thinkMs: 50 } });
    const harness = gatewayHarness(lab, new ControlPolicy(null));
    const emitTo = harness.connect();
    const before = JSON.stringify(lab.compare.state());
    const payloads: unknown[] = [
      null,
      'start',
      42,
      [],
      [{ b: {} }],
      { b: null },
      { b: [] },
      { b: { pool: null } },
      { b: { pool: { maxOpen: -1 } } },
      { b: { load: { mode: 'sideways' } } },
      { b: {}, seed: 1.5 },
      { b: {}, seed: '7' },
      { b: {}, extra: true },
      { b: { pool: {}, targets: {} } },
    ];
    for (const payload of payloads) {
      const ack = await emitTo('compare:start', payload);
      expect(ack.ok, JSON.stringify(payload)).toBe(false);
      expect(JSON.stringify(lab.compare.state())).toBe(before);
    }
    for (const event of ['compare:patch', 'compare:keep-b']) expect((await emitTo(event, {})).ok).toBe(false);
    harness.detach();
  });
});
