import { describe, expect, it } from 'vitest';
import type { History, HistorySample } from '@poolscope/shared/history';
import type { Marker } from '@poolscope/shared/snapshot';
import { closeAfterEach } from '../../src/test-support/close-after-each';
import { waitFor } from '../../src/test-support/wait-for';
import { closeRedisClient, newRedisLinkStatus, openRedisClient, type RedisClient } from '../../src/relay/redis-link';
import { HISTORY_HEAD_KEY, HISTORY_SAMPLES_KEY, StoredHistoryWriter, storedHistoryReader } from '../../src/relay/stored-history';
import { startTestRedis } from '../test-support/redis-server';

const T0_MS = 1_700_000_000_000;
const sample = (seq: number, t = T0_MS + seq * 1000) => ({ seq, t, pool: { open: seq } }) as unknown as HistorySample;
const historyOf = (samples: HistorySample[], markers: Marker[] = [], spanMs = 900_000): History => ({
  intervalMs: 1000,
  spanMs,
  samples,
  markers,
});

describe('the lab history kept in Redis for relays (real redis-server)', () => {
  const track = closeAfterEach();

  async function redisClient(): Promise<{ client: RedisClient; status: ReturnType<typeof newRedisLinkStatus> }> {
    const redis = track(await startTestRedis());
    const status = newRedisLinkStatus();
    const client = openRedisClient(redis.url, status);
    track({ close: () => closeRedisClient(client) });
    await waitFor(() => client.isReady, { timeoutMs: 10_000, what: 'the client connected' });
    return { client, status };
  }

  it('appends only new samples, trims to the span, and reads back the same history', async () => {
    const { client, status } = await redisClient();
    const writer = new StoredHistoryWriter();
    const read = storedHistoryReader(client, status);
    const spanMs = 5000;
    const all = Array.from({ length: 8 }, (_, i) => sample(i + 1));

    await writer.nextWrite(client, historyOf(all.slice(0, 3), [], spanMs))?.();
    expect((await read())?.samples.map((s) => s.seq)).toEqual([1, 2, 3]);

    const append = writer.nextWrite(client, historyOf(all.slice(0, 4), [], spanMs));
    await append?.();
    expect(await client.lLen(HISTORY_SAMPLES_KEY)).toBe(4);
    expect(writer.nextWrite(client, historyOf(all.slice(0, 4), [], spanMs))).toBeNull();

    await writer.nextWrite(client, historyOf(all.slice(3, 8), [], spanMs))?.();
    const back = await read();
    expect(back?.samples).toEqual(all.slice(3, 8));
    expect(back?.spanMs).toBe(spanMs);
    expect(await client.pTTL(HISTORY_SAMPLES_KEY)).toBeGreaterThan(0);
  });

  it('writes a changed marker list without new samples, and everything again after forget() or a clock stepped back', async () => {
    const { client, status } = await redisClient();
    const writer = new StoredHistoryWriter();
    const read = storedHistoryReader(client, status);
    await writer.nextWrite(client, historyOf([sample(1), sample(2)]))?.();
    const marker = { t: T0_MS + 2000, label: 'maxOpen 4' } as unknown as Marker;
    await writer.nextWrite(client, historyOf([sample(1), sample(2)], [marker]))?.();
    expect((await read())?.markers).toEqual([marker]);

    // Redis restarted empty (or a write failed): the next write carries the whole history.
    await client.del(HISTORY_SAMPLES_KEY);
    writer.forget();
    await writer.nextWrite(client, historyOf([sample(1), sample(2), sample(3)]))?.();
    expect((await read())?.samples.map((s) => s.seq)).toEqual([1, 2, 3]);

    // The lab's clock stepped back: its history started again with later seqs but earlier times.
    await writer.nextWrite(client, historyOf([sample(4, T0_MS - 10_000)]))?.();
    expect((await read())?.samples.map((s) => s.seq)).toEqual([4]);
  });

  it('counts garbage in Redis as an error and answers null instead of throwing', async () => {
    const { client, status } = await redisClient();
    const read = storedHistoryReader(client, status);
    expect(await read()).toBeNull();
    await client.set(HISTORY_HEAD_KEY, '{"intervalMs":1000,"spanMs":900000,"markers":[]}');
    await client.rPush(HISTORY_SAMPLES_KEY, ['{"seq":1,', 'not json']);
    expect(await read()).toBeNull();
    expect(status.errors).toBe(1);
    await client.set(HISTORY_HEAD_KEY, '"a string"');
    expect(await read()).toBeNull();
    expect(status.errors).toBe(2);
  });
});
