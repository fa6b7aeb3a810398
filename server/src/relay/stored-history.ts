import type { History, HistorySample } from '@poolscope/shared/history';
import { REDIS_PREFIX } from './json-parser';
import { noteError, type RedisClient, type RedisLinkStatus } from './redis-link';

/**
 * The lab's history as relays read it from Redis: a list of one-second samples (appended as they
 * come, trimmed to the span) and a small head (interval, span, markers). Written whole, it was a
 * ~2 MB SET every 5 s (~400 KB/s into Redis, and a stringify of 2 MB on the lab's loop each time);
 * appended, it is one sample of ~2 KB a second and the list is never older than a second.
 */
export const HISTORY_SAMPLES_KEY = `${REDIS_PREFIX}:history:samples`;
export const HISTORY_HEAD_KEY = `${REDIS_PREFIX}:history:head`;
/** How long Redis keeps the history once the lab stops refreshing it. */
export const HISTORY_TTL_MS = 60_000;

type HistoryHead = Omit<History, 'samples'>;

/** Decides, second by second, what Redis lacks of the lab's history. */
export class StoredHistoryWriter {
  private lastStoredSeq = Number.NEGATIVE_INFINITY;
  private lastStoredT = Number.NEGATIVE_INFINITY;
  private lastHeadJson = '';

  /** After a failed or skipped write, or a Redis restart: the next write replaces the whole history. */
  forget(): void {
    this.lastStoredSeq = Number.NEGATIVE_INFINITY;
    this.lastStoredT = Number.NEGATIVE_INFINITY;
    this.lastHeadJson = '';
  }

  /**
   * The write that brings Redis up to date with `history`, or null when it already is. The writer
   * counts it as stored at once; call `forget()` if it is then not sent or fails.
   */
  nextWrite(client: RedisClient, history: History): (() => Promise<unknown>) | null {
    let fresh = history.samples.filter((sample) => sample.seq > this.lastStoredSeq);
    // The lab's history starts again when its clock steps back: appending would cross the old samples with the new.
    if ((fresh[0]?.t ?? Number.POSITIVE_INFINITY) < this.lastStoredT) this.forget();
    const rewrite = this.lastStoredSeq === Number.NEGATIVE_INFINITY;
    if (rewrite) fresh = history.samples;
    const head: HistoryHead = { intervalMs: history.intervalMs, spanMs: history.spanMs, markers: history.markers };
    const headJson = JSON.stringify(head);
    if (!rewrite && fresh.length === 0 && headJson === this.lastHeadJson) return null;
    this.lastStoredSeq = history.samples.at(-1)?.seq ?? this.lastStoredSeq;
    this.lastStoredT = history.samples.at(-1)?.t ?? this.lastStoredT;
    this.lastHeadJson = headJson;
    const keep = Math.max(1, Math.ceil(history.spanMs / history.intervalMs));
    return () => {
      const write = client.multi();
      if (rewrite) write.del(HISTORY_SAMPLES_KEY);
      if (fresh.length > 0)
        write.rPush(
          HISTORY_SAMPLES_KEY,
          fresh.map((sample) => JSON.stringify(sample)),
        );
      write.lTrim(HISTORY_SAMPLES_KEY, -keep, -1);
      write.pExpire(HISTORY_SAMPLES_KEY, HISTORY_TTL_MS);
      write.set(HISTORY_HEAD_KEY, headJson, { PX: HISTORY_TTL_MS });
      return write.exec();
    };
  }
}

/** What a relay reads the stored history with; null while Redis is away, or when what it holds is not a history. */
export type StoredHistoryRead = () => Promise<History | null>;

export function storedHistoryReader(client: RedisClient, status: RedisLinkStatus): StoredHistoryRead {
  return async () => {
    if (!client.isReady) return null;
    try {
      const [headJson, sampleJsons] = await client.multi().get(HISTORY_HEAD_KEY).lRange(HISTORY_SAMPLES_KEY, 0, -1).exec();
      if (typeof headJson !== 'string' || !Array.isArray(sampleJsons)) return null;
      const head = JSON.parse(headJson) as HistoryHead;
      if (typeof head?.intervalMs !== 'number' || !Array.isArray(head.markers)) throw new Error('the stored history head is not a history');
      return { ...head, samples: sampleJsons.map((json) => JSON.parse(String(json)) as HistorySample) };
    } catch (error) {
      // Garbage or a truncated value in Redis is counted and shown, and the viewer gets the relay's own samples.
      noteError(status, error);
      return null;
    }
  };
}
