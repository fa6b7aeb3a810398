import { describe, expect, it } from 'vitest';
import { createLiveStore } from './live-store';
import { makeSnapshot } from '../test-support/fixtures';

describe('LiveStore.whenNumbersShown', () => {
  it('waits for the first numbers to be shown, not for the first snapshot, then runs once', () => {
    const store = createLiveStore();
    const runs: string[] = [];
    store.whenNumbersShown(() => runs.push('history'));
    store.ingestSnapshot(makeSnapshot({ seq: 1, t: 1_700_000_000_000 }));
    expect(runs).toEqual([]);
    store.markNumbersShown();
    store.ingestSnapshot(makeSnapshot({ seq: 2, t: 1_700_000_000_100 }));
    expect(runs).toEqual(['history']);
    // Once they are shown (a reconnect), at once.
    store.whenNumbersShown(() => runs.push('again'));
    expect(runs).toEqual(['history', 'again']);
  });

  it('runs nothing once cancelled (the socket was closed before the numbers showed)', () => {
    const store = createLiveStore();
    let ran = false;
    const cancel = store.whenNumbersShown(() => (ran = true));
    cancel();
    store.markNumbersShown();
    expect(ran).toBe(false);
  });
});
