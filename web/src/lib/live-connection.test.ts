import { beforeEach, describe, expect, it, vi } from 'vitest';
import { makeSnapshot } from '../test-support/fixtures';
import { createDashboardStores } from './store-context';

/** A stand-in for the one Socket.IO client: records handlers and lets the test play the server. */
const fakeSocket = vi.hoisted(() => {
  const handlers = new Map<string, ((...args: unknown[]) => void)[]>();
  return {
    handlers,
    connects: 0,
    disconnects: 0,
    on(event: string, handler: (...args: unknown[]) => void) {
      handlers.set(event, [...(handlers.get(event) ?? []), handler]);
    },
    off(event: string, handler?: (...args: unknown[]) => void) {
      handlers.set(event, handler ? (handlers.get(event) ?? []).filter((h) => h !== handler) : []);
    },
    emit: vi.fn(),
    connect() {
      this.connects++;
    },
    disconnect() {
      this.disconnects++;
    },
    serverSends(event: string, ...args: unknown[]) {
      for (const handler of handlers.get(event) ?? []) handler(...args);
    },
  };
});
vi.mock('./socket', () => ({ socket: fakeSocket }));

const { connectLive, connectLiveEarly } = await import('./live-connection');

describe('the live connection', () => {
  beforeEach(() => {
    fakeSocket.handlers.clear();
    fakeSocket.connects = 0;
    fakeSocket.disconnects = 0;
  });

  it('opened before the first render, it fills the stores at once, and the app takes it over without a second connection', () => {
    const stores = createDashboardStores();
    connectLiveEarly(stores);
    expect(fakeSocket.connects).toBe(1);
    fakeSocket.serverSends('connect');
    fakeSocket.serverSends('snapshot', makeSnapshot({ seq: 1, t: 1_700_000_000_000 }));
    // Before React mounts anything, the store already holds the lab's first numbers.
    expect(stores.live.status).toBe('live');
    expect(stores.live.latest?.seq).toBe(1);

    const disconnect = connectLive(stores);
    expect(fakeSocket.connects).toBe(1);
    expect(fakeSocket.handlers.get('snapshot')).toHaveLength(1);
    disconnect();
    expect(fakeSocket.disconnects).toBe(1);
    expect(fakeSocket.handlers.get('snapshot')).toEqual([]);
  });

  it('once taken over, the next connect (another mount) opens a connection of its own', () => {
    const stores = createDashboardStores();
    connectLiveEarly(stores);
    connectLive(stores)();
    const again = connectLive(stores);
    expect(fakeSocket.connects).toBe(2);
    expect(fakeSocket.handlers.get('snapshot')).toHaveLength(1);
    again();
  });

  it('stores other than the early ones get their own connection', () => {
    const early = createDashboardStores();
    connectLiveEarly(early);
    const other = createDashboardStores();
    const disconnect = connectLive(other);
    expect(fakeSocket.connects).toBe(2);
    disconnect();
    connectLive(early)();
  });
});

describe("the audience page's stream", () => {
  it('decodes frames that came before its decoder chunk, in order, once the chunk is in', async () => {
    const { deflateRawSync } = await import('node:zlib');
    window.history.replaceState(null, '', '/?audience=1');
    try {
      const stores = createDashboardStores();
      const disconnect = connectLive(stores);
      const frame = (seq: number) => ({
        seq,
        key: seq,
        deflated: new Uint8Array(deflateRawSync(JSON.stringify(makeSnapshot({ seq, t: 1_700_000_000_000 + seq * 100 })))),
      });
      // Before the decoder's chunk has resolved: nothing shown yet, nothing lost.
      fakeSocket.serverSends('audience:frame', frame(1));
      fakeSocket.serverSends('audience:frame', frame(2));
      expect(stores.live.latest).toBeNull();
      await vi.waitFor(() => expect(stores.live.latest?.seq).toBe(2));
      expect(stores.live.samples.length).toBe(2);
      fakeSocket.serverSends('audience:frame', frame(3));
      expect(stores.live.latest?.seq).toBe(3);
      disconnect();
    } finally {
      window.history.replaceState(null, '', '/');
    }
  });
});
