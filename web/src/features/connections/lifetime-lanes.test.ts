import { describe, expect, it } from 'vitest';
import { i18n } from '../../i18n/i18n';
import type { Lifetime } from '../../lib/connection-lifetimes';
import { describeLifetime, groupLanes, lanePaths, stateShares } from './lifetime-lanes';

const life = (over: Partial<Lifetime>): Lifetime => ({
  id: 1,
  targetId: 't1',
  openedAt: 0,
  closedAt: null,
  reason: null,
  uses: 3,
  runs: [],
  ...over,
});

describe('lifetime lanes', () => {
  it('keeps the newest lanes, groups them by target and puts the oldest connection on top', () => {
    const newestFirst = [
      life({ id: 5, targetId: 't2', openedAt: 50 }),
      life({ id: 4, openedAt: 40 }),
      life({ id: 3, openedAt: 30 }),
      life({ id: 2, openedAt: 20 }),
    ];
    expect(groupLanes(newestFirst, 3).map((g) => [g.targetId, g.lanes.map((l) => l.id)])).toEqual([
      ['t1', [3, 4]],
      ['t2', [5]],
    ]);
  });

  it('draws one path per state, runs clipped to the visible span', () => {
    const lane = life({
      openedAt: -900,
      runs: [
        { state: 'idle', from: -500, to: 250 },
        { state: 'active', from: 250, to: 500 },
        { state: 'idle', from: 500, to: 1500 },
      ],
    });
    expect(lanePaths(lane, 0, 1000, 100, 10)).toEqual({
      idle: 'M0,0h25v10h-25zM50,0h50v10h-50z',
      active: 'M25,0h25v10h-25z',
    });
  });

  it('marks the time between the open and the first sample as unseen, the whole bar when never sampled', () => {
    const seenLate = life({ openedAt: 100, runs: [{ state: 'idle', from: 400, to: 500 }] });
    expect(lanePaths(seenLate, 0, 1000, 100, 10).unseen).toBe('M10,0h30v10h-30z');
    const neverSampled = life({ openedAt: 100, closedAt: 150, reason: 'error' });
    expect(lanePaths(neverSampled, 0, 1000, 100, 10)).toEqual({ unseen: 'M10,0h5v10h-5z' });
  });

  it('says in words when it opened, why and when it closed, and its time by state', () => {
    const lane = life({
      id: 9,
      openedAt: 0,
      closedAt: 30_000,
      reason: 'max-lifetime',
      runs: [
        { state: 'active', from: 0, to: 10_000 },
        { state: 'idle', from: 10_000, to: 30_000 },
      ],
    });
    expect(stateShares(lane, i18n.t)).toBe('idle 67 %, active 33 %');
    expect(describeLifetime(lane, 40_000, i18n.t)).toMatch(
      /^Connection #9 on t1: opened \d\d:\d\d:\d\d, closed \(max-lifetime\) at \d\d:\d\d:\d\d after 30\.0 s, 3 uses; time by state in view: idle 67 %, active 33 %$/,
    );
    expect(describeLifetime(life({ openedAt: 0 }), 5000, i18n.t)).toContain('open for 5.00 s');
  });
});
