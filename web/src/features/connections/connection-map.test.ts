import { describe, expect, it } from 'vitest';
import { makeSnapshot } from '../../test-support/fixtures';
import { groupConnections, LINGER_MS } from './connection-map';

describe('groupConnections', () => {
  it('groups cells by target with recently closed ones lingering after the open ones', () => {
    const groups = groupConnections(makeSnapshot());
    expect(groups.map((g) => g.targetId)).toEqual(['t1', 't2']);
    expect(groups[1]?.cells.map((c) => c.kind)).toEqual(['open', 'open', 'closed']);
  });

  it('drops closed connections once they have lingered, and counts connections past the list cap', () => {
    const s = makeSnapshot();
    s.recentlyClosed = [{ id: 9, targetId: 't2', reason: 'idle-timeout', closedAt: s.t - LINGER_MS - 1, ageMs: 1, uses: 1 }];
    s.connectionCounts.byTargetAndState.t1 = { active: 1, idle: 41 };
    const [t1, t2] = groupConnections(s);
    expect(t2?.cells.some((c) => c.kind === 'closed')).toBe(false);
    expect(t1?.unlisted).toBe(40);
  });
});
