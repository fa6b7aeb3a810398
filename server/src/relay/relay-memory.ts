import type { History } from '@poolscope/shared/history';
import type { Snapshot } from '@poolscope/shared/snapshot';
import { SnapshotHistory } from '../lab/snapshot-history';
import type { RedisLinkStatus } from './redis-link';
import type { StoredHistoryRead } from './stored-history';

/** How long one read of the lab's stored history serves new viewers: a class that connects at once costs Redis one read. */
export const STORED_HISTORY_REUSE_MS = 2000;

/**
 * What a relay remembers of the stream passing through it: the latest snapshot (a new viewer's
 * first frame) and one sample a second since the relay started. A viewer's history is the lab's
 * own (kept in Redis a sample a second, stored-history.ts) topped up with what the relay saw
 * since, so the charts of a relay viewer have no gap. The stored history is up to about 2 MB of JSON; one read (and one parse) serves every viewer that connects within STORED_HISTORY_REUSE_MS,
 * and the relay's own samples cover the seconds since, so a reused copy leaves no gap either.
 */
export class RelayMemory {
  private last: Snapshot | null = null;
  private readonly past = new SnapshotHistory();
  private readonly listeners = new Set<(snapshot: Snapshot) => void>();
  private storedRead: { atMs: number; history: Promise<History | null> } | null = null;

  constructor(
    private readonly readStored: StoredHistoryRead,
    private readonly status: RedisLinkStatus,
  ) {}

  /** Fed by the adapter's parser with every message that reaches this relay. */
  observe(decoded: unknown): void {
    if (!Array.isArray(decoded)) return;
    const packet = decoded[1] as { data?: unknown } | undefined;
    const data = packet?.data;
    if (!Array.isArray(data) || data[0] !== 'snapshot') return;
    const snapshot = data[1] as Snapshot;
    this.last = snapshot;
    this.past.record(snapshot);
    this.status.received += 1;
    for (const listener of this.listeners) listener(snapshot);
  }

  /** Hears every snapshot as it arrives (the relay's audience stream is encoded from it). */
  onSnapshot(listener: (snapshot: Snapshot) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  latest(): Snapshot | null {
    return this.last;
  }

  async history(nowMs = Date.now()): Promise<History> {
    const own = this.past.samples(nowMs);
    const stored = await this.storedHistory(nowMs);
    if (!stored) return { intervalMs: this.past.intervalMs, spanMs: this.past.spanMs, samples: own, markers: [] };
    const lastStoredSeq = stored.samples.at(-1)?.seq ?? Number.NEGATIVE_INFINITY;
    return { ...stored, samples: [...stored.samples, ...own.filter((sample) => sample.seq > lastStoredSeq)] };
  }

  private storedHistory(nowMs: number): Promise<History | null> {
    if (this.storedRead && nowMs - this.storedRead.atMs < STORED_HISTORY_REUSE_MS) return this.storedRead.history;
    const history = this.readStored();
    this.storedRead = { atMs: nowMs, history };
    return history;
  }
}
