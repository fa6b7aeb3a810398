import { describe, expect, it } from 'vitest';
import type { ConnectionSnapshot } from '@poolscope/shared/snapshot';
import { makeSnapshot } from '../test-support/fixtures';
import { ConnectionLifetimes, LIFETIMES_SPAN_MS } from './connection-lifetimes';

const T0 = 1_800_000_000_000;

function tick(lifetimes: ConnectionLifetimes, t: number, connections: Partial<ConnectionSnapshot>[]) {
  const list = connections.map((c) => ({ id: 1, targetId: 't1', state: 'idle' as const, ageMs: 10_000, idleMs: 0, uses: 0, ...c }));
  lifetimes.observeSnapshot(
    makeSnapshot({ t, connections: list, connectionCounts: { total: list.length, listed: list.length, byTargetAndState: {} } }),
  );
}

describe('ConnectionLifetimes', () => {
  it('turns the state sampled each tick into runs, from the open time of a connection first seen young', () => {
    const lifetimes = new ConnectionLifetimes();
    tick(lifetimes, T0, [{ id: 1, state: 'connecting', ageMs: 50 }]);
    tick(lifetimes, T0 + 100, [{ id: 1, state: 'idle', ageMs: 150 }]);
    tick(lifetimes, T0 + 200, [{ id: 1, state: 'idle', ageMs: 250 }]);
    tick(lifetimes, T0 + 300, [{ id: 1, state: 'active', ageMs: 350, uses: 1 }]);
    const [life] = lifetimes.recent(T0 + 300);
    expect(life?.openedAt).toBe(T0 - 50);
    expect(life?.runs).toEqual([
      { state: 'connecting', from: T0 - 50, to: T0 },
      { state: 'idle', from: T0, to: T0 + 200 },
      { state: 'active', from: T0 + 200, to: T0 + 300 },
    ]);
    expect(life?.uses).toBe(1);
  });

  it('draws a connection already old when first seen from that moment only', () => {
    const lifetimes = new ConnectionLifetimes();
    tick(lifetimes, T0, [{ id: 4, ageMs: 90_000 }]);
    tick(lifetimes, T0 + 100, [{ id: 4, ageMs: 90_100 }]);
    expect(lifetimes.recent(T0 + 100)[0]?.runs).toEqual([{ state: 'idle', from: T0, to: T0 + 100 }]);
  });

  it('closes a connection that left the full list, and takes the reason and exact time from its close event', () => {
    const lifetimes = new ConnectionLifetimes();
    tick(lifetimes, T0, [{ id: 1 }, { id: 2 }]);
    tick(lifetimes, T0 + 100, [{ id: 1 }]);
    const closedEarly = lifetimes.recent(T0 + 100).find((l) => l.id === 2);
    expect(closedEarly?.closedAt).toBe(T0 + 100);
    expect(closedEarly?.reason).toBeNull();
    lifetimes.observeEvent({
      t: T0 + 60,
      type: 'connection-closed',
      connectionId: 2,
      targetId: 't1',
      reason: 'idle-timeout',
      ageMs: 10_060,
      uses: 7,
    });
    const closed = lifetimes.recent(T0 + 100).find((l) => l.id === 2);
    expect(closed).toMatchObject({ closedAt: T0 + 60, reason: 'idle-timeout', uses: 7 });
    expect(closed?.runs.at(-1)?.to).toBe(T0 + 60);
  });

  it('keeps tracking a connection missing from a capped list', () => {
    const lifetimes = new ConnectionLifetimes();
    tick(lifetimes, T0, [{ id: 1 }, { id: 2 }]);
    lifetimes.observeSnapshot(
      makeSnapshot({ t: T0 + 100, connections: [], connectionCounts: { total: 900, listed: 500, byTargetAndState: {} } }),
    );
    expect(lifetimes.recent(T0 + 100).every((l) => l.closedAt === null)).toBe(true);
  });

  it('forgets connections closed before the span and runs that ended before it', () => {
    const lifetimes = new ConnectionLifetimes();
    tick(lifetimes, T0, [{ id: 1, state: 'active' }, { id: 2 }]);
    tick(lifetimes, T0 + 100, [{ id: 1, state: 'idle' }]);
    tick(lifetimes, T0 + LIFETIMES_SPAN_MS + 1000, [{ id: 1, state: 'idle' }]);
    const recent = lifetimes.recent(T0 + LIFETIMES_SPAN_MS + 1000);
    expect(recent.map((l) => l.id)).toEqual([1]);
    expect(recent[0]?.runs.map((r) => r.state)).toEqual(['idle']);
  });
});
