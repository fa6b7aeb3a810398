import { describe, expect, it } from 'vitest';
import type { History, HistorySample } from '@poolscope/shared/history';
import { newRedisLinkStatus } from '../../src/relay/redis-link';
import { RelayMemory, STORED_HISTORY_REUSE_MS } from '../../src/relay/relay-memory';

const historyOf = (...seqs: number[]): History => ({
  intervalMs: 1000,
  spanMs: 900_000,
  samples: seqs.map((seq) => ({ seq, t: 1_700_000_000_000 + seq * 1000 }) as HistorySample),
  markers: [],
});

/** A stand-in for the Redis read that counts its calls and answers whatever the lab stored last. */
function countingRead(stored: { history: History | null }) {
  const read = async () => {
    read.calls += 1;
    return stored.history && (JSON.parse(JSON.stringify(stored.history)) as History);
  };
  read.calls = 0;
  return read;
}

describe('RelayMemory history', () => {
  it('serves a class connecting at once from one read of the stored history, and reads again after the reuse window', async () => {
    const stored = { history: historyOf(1, 2, 3) as History | null };
    const read = countingRead(stored);
    const memory = new RelayMemory(read, newRedisLinkStatus());
    const t0 = 1_700_000_100_000;

    const answers = await Promise.all(Array.from({ length: 200 }, () => memory.history(t0)));
    expect(read.calls).toBe(1);
    for (const answer of answers) expect(answer.samples.map((s) => s.seq)).toEqual([1, 2, 3]);

    stored.history = historyOf(1, 2, 3, 4);
    expect((await memory.history(t0 + STORED_HISTORY_REUSE_MS - 1)).samples.map((s) => s.seq)).toEqual([1, 2, 3]);
    expect(read.calls).toBe(1);

    const later = await memory.history(t0 + STORED_HISTORY_REUSE_MS);
    expect(read.calls).toBe(2);
    expect(later.samples.map((s) => s.seq)).toEqual([1, 2, 3, 4]);
  });

  it('answers with its own samples (none yet) when nothing is stored', async () => {
    const memory = new RelayMemory(countingRead({ history: null }), newRedisLinkStatus());
    const history = await memory.history(1_700_000_100_000);
    expect(history.samples).toEqual([]);
    expect(history.intervalMs).toBe(1000);
  });
});
