import { normalizeIP } from '@fastify/rate-limit';
import { TokenBucket } from './token-bucket';

/** Past this many addresses, the buckets that have refilled are forgotten (they would allow a full burst anyway). */
const SWEEP_ABOVE = 10_000;

/**
 * One token bucket per client address, not per socket: a client that disconnects and connects
 * again finds its bucket as it left it, so reconnecting does not buy a fresh burst. Addresses
 * are keyed as @fastify/rate-limit keys REST (IPv4-mapped IPv6 as IPv4, IPv6 by its /64).
 */
export class AddressBuckets {
  private readonly buckets = new Map<string, TokenBucket>();

  constructor(
    private readonly burst: number,
    private readonly perSecond: number,
    private readonly now: () => number = Date.now,
  ) {}

  take(address: string | undefined): boolean {
    const key = address ? normalizeIP(address) : 'unknown';
    let bucket = this.buckets.get(key);
    if (!bucket) {
      if (this.buckets.size >= SWEEP_ABOVE) this.sweep();
      bucket = new TokenBucket(this.burst, this.perSecond, this.now);
      this.buckets.set(key, bucket);
    }
    return bucket.take();
  }

  get size(): number {
    return this.buckets.size;
  }

  private sweep(): void {
    for (const [key, bucket] of this.buckets) if (bucket.isFull()) this.buckets.delete(key);
  }
}
