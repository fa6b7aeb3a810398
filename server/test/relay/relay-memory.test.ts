import { describe, expect, it } from 'vitest';
import type { History, HistorySample } from '@poolscope/shared/history';
import { HISTORY_KEY } from '../../src/relay/json-parser';
import { newRedisLinkStatus } from '../../src/relay/redis-link';
import { RelayMemory, STORED_HISTORY_REUSE_MS, type StoredHistoryReader } from '../../src/relay/relay-memory';

/** A stand-in for the Redis client that counts reads and answers whatever the lab stored last. */
function storedHistoryReader(stored: { history: History }): StoredHistoryReader & { gets: number } {
  return {
    isReady: true,
    gets: 0,
    async get(key: string) {
      this.gets += 1;
      return key === HISTORY_KEY ? JSON.stringify(stored.history) : null;
    },
  };
}

const historyOf = (...seqs: number[]): History => ({
  intervalMs: 1000,
  spanMs: 900_000,
  samples: seqs.map((seq) => ({ seq, t: 1_700_000_000_000 + seq * 1000 }) as HistorySample),
  markers: [],
});

describe('RelayMemory history', () => {
  it('serves a class connecting at once from one read of the stored history, and reads again after the reuse window', async () => {
    const stored = { history: historyOf(1, 2, 3) };
    const reader = storedHistoryReader(stored);
    const memory = new RelayMemory(reader, newRedisLinkStatus());
    const t0 = 1_700_000_100_000;

    const answers = await Promise.all(Array.from({ length: 200 }, () => memory.history(t0)));
    expect(reader.gets).toBe(1);
    for (const answer of answers) expect(answer.samples.map((s) => s.seq)).toEqual([1, 2, 3]);

    stored.history = historyOf(1, 2, 3, 4);
    expect((await memory.history(t0 + STORED_HISTORY_REUSE_MS - 1)).samples.map((s) => s.seq)).toEqual([1, 2, 3]);
    expect(reader.gets).toBe(1);

    const later = await memory.history(t0 + STORED_HISTORY_REUSE_MS);
    expect(reader.gets).toBe(2);
    expect(later.samples.map((s) => s.seq)).toEqual([1, 2, 3, 4]);
  });

  it('answers with its own samples while Redis is not ready, without reading', async () => {
    const reader = { ...storedHistoryReader({ history: historyOf(1) }), isReady: false };
    const memory = new RelayMemory(reader, newRedisLinkStatus());
    const history = await memory.history(1_700_000_100_000);
    expect(history.samples).toEqual([]);
    expect(reader.gets).toBe(0);
  });
});
