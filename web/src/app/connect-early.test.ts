import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeSnapshot } from '../test-support/fixtures';

// connect-early.ts opens the socket when it is imported: here the connection is a stand-in, and
// each test imports a fresh copy of the module (and so a fresh pair of stores).
const connectLiveEarly = vi.fn();
vi.mock('../lib/live-connection', () => ({ connectLiveEarly }));

async function freshModule(search = '') {
  window.history.replaceState(null, '', `/${search}`);
  vi.resetModules();
  return import('./connect-early');
}

/** Whether `promise` has settled once the microtasks queued so far (and a few they queue) have run. */
async function settled(promise: Promise<unknown>): Promise<boolean> {
  let done = false;
  void promise.then(() => (done = true));
  for (let microtask = 0; microtask < 10; microtask += 1) await Promise.resolve();
  return done;
}

describe("the first render's wait for the lab's first snapshot", () => {
  afterEach(() => {
    vi.useRealTimers();
    connectLiveEarly.mockClear();
    window.history.replaceState(null, '', '/');
  });

  it('ends when the first snapshot is in, not before', async () => {
    const { firstSnapshotOrShortWait, stores } = await freshModule();
    expect(connectLiveEarly).toHaveBeenCalledWith(stores);
    const wait = firstSnapshotOrShortWait();
    stores.live.setStatus('live');
    expect(await settled(wait)).toBe(false);
    stores.live.ingestSnapshot(makeSnapshot({ seq: 1, t: 1_700_000_000_000 }));
    expect(await settled(wait)).toBe(true);
  });

  it('ends when the socket fails, or after FIRST_SNAPSHOT_WAIT_MS when the lab is slow to answer', async () => {
    const failing = await freshModule();
    const refused = failing.firstSnapshotOrShortWait();
    failing.stores.live.setStatus('offline');
    expect(await settled(refused)).toBe(true);

    vi.useFakeTimers();
    const slow = await freshModule();
    const wait = slow.firstSnapshotOrShortWait();
    vi.advanceTimersByTime(slow.FIRST_SNAPSHOT_WAIT_MS - 1);
    expect(await settled(wait)).toBe(false);
    vi.advanceTimersByTime(1);
    expect(await settled(wait)).toBe(true);
  });

  it('does not wait on a page opened on a recording link, which opens no socket', async () => {
    const { firstSnapshotOrShortWait } = await freshModule('?recording=/r.json');
    expect(connectLiveEarly).not.toHaveBeenCalled();
    expect(await settled(firstSnapshotOrShortWait())).toBe(true);
  });
});

describe("the first render's start (firstRenderReady)", () => {
  afterEach(() => window.history.replaceState(null, '', '/'));

  it("waits for both the view's chunk and the first snapshot", async () => {
    const { firstRenderReady, stores } = await freshModule();
    let viewIn!: () => void;
    const ready = firstRenderReady(new Promise<void>((resolve) => (viewIn = resolve)));
    stores.live.ingestSnapshot(makeSnapshot({ seq: 1, t: 1_700_000_000_000 }));
    expect(await settled(ready)).toBe(false);
    viewIn();
    expect(await settled(ready)).toBe(true);
  });

  it("renders a recording link's page at once, without the view's chunk", async () => {
    const { firstRenderReady } = await freshModule('?recording=/r.json');
    expect(await settled(firstRenderReady(new Promise<void>(() => undefined)))).toBe(true);
  });
});
