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
  const KEY = 10;
  /** Frames as the lab writes them (docs/API.md "Audience stream"): keyframe KEY, and deltas against it. */
  async function framesFrom() {
    const { deflateRawSync } = await import('node:zlib');
    const json = (seq: number) => Buffer.from(JSON.stringify(makeSnapshot({ seq, t: 1_700_000_000_000 + seq * 100 })));
    return (seq: number, key = KEY) => ({
      seq,
      key,
      deflated: new Uint8Array(seq === key ? deflateRawSync(json(seq)) : deflateRawSync(json(seq), { dictionary: json(key) })),
    });
  }

  async function audiencePage<T>(run: () => Promise<T>): Promise<T> {
    window.history.replaceState(null, '', '/?audience=1');
    try {
      return await run();
    } finally {
      window.history.replaceState(null, '', '/');
    }
  }

  it('shows the plain snapshot a joining viewer is sent at once, and decodes the frames that follow once the numbers are shown', () =>
    audiencePage(async () => {
      const frame = await framesFrom();
      const stores = createDashboardStores();
      const disconnect = connectLive(stores);
      fakeSocket.serverSends('connect');
      // As the lab sends a joining viewer: the latest snapshot plain, then the keyframe the next frames refer to.
      fakeSocket.serverSends('snapshot', makeSnapshot({ seq: 12, t: 1_700_000_001_200 }));
      fakeSocket.serverSends('audience:frame', frame(KEY));
      fakeSocket.serverSends('audience:frame', frame(13));
      fakeSocket.serverSends('audience:frame', frame(14));
      expect(stores.live.latest?.seq).toBe(12);
      // The inflater is not fetched before the numbers are on the screen; the frames wait for it.
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(stores.live.latest?.seq).toBe(12);
      stores.live.markNumbersShown();
      await vi.waitFor(() => expect(stores.live.latest?.seq).toBe(14));
      // The keyframe (older than what was shown) gave its dictionary and nothing else.
      expect(stores.live.samples.toArray().map((sample) => sample.seq)).toEqual([12, 13, 14]);
      fakeSocket.serverSends('audience:frame', frame(15));
      expect(stores.live.latest?.seq).toBe(15);
      disconnect();
    }));

  it('with nothing sent plain (a relay that has not heard from its lab yet), decodes from the first frame', () =>
    audiencePage(async () => {
      const frame = await framesFrom();
      const stores = createDashboardStores();
      const disconnect = connectLive(stores);
      fakeSocket.serverSends('connect');
      fakeSocket.serverSends('audience:frame', frame(KEY));
      fakeSocket.serverSends('audience:frame', frame(11));
      expect(stores.live.latest).toBeNull();
      await vi.waitFor(() => expect(stores.live.latest?.seq).toBe(11));
      expect(stores.live.samples.length).toBe(2);
      disconnect();
    }));
});
