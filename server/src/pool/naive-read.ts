/** The read deadline the Go example sets before its one-byte read. */
export const NAIVE_READ_DEADLINE_MS = 10;

/** What the naive read needs of a socket link: the bytes nobody asked for, and whether the peer is gone. */
export interface StrayReads {
  readonly unexpected: Buffer[];
  readonly goneReason: string | null;
  onStrayData: ((chunk: Buffer) => void) | null;
}

/**
 * THE BUG, ON PURPOSE. A faithful port of the Go article's `isHealthy`:
 *
 *   conn.SetReadDeadline(time.Now().Add(10 * time.Millisecond))
 *   n, err := conn.Read(one)        // one byte
 *   return n == 0 && err != nil     // "nothing read and an error came back: healthy"
 *
 * The intent is "a timeout means nobody is talking, so the connection is fine". But EOF and
 * ECONNRESET are errors too, so a connection the peer has closed or reset counts as HEALTHY,
 * and a byte that happens to be waiting counts as unhealthy (and is consumed). Poolscope keeps
 * it so a class can watch stale borrows climb; use `probe` or `ping` for real checks.
 * Resolves null for "healthy", else the reason.
 */
export function naiveReadOneByte(link: StrayReads): Promise<string | null> {
  const waiting = link.unexpected[0];
  if (waiting !== undefined) return Promise.resolve(consumeOneByte(link, waiting));
  // A read on a closed or reset socket returns an error at once: "healthy", says the bug.
  if (link.goneReason !== null) return Promise.resolve(null);
  return new Promise((resolve) => {
    const finish = (result: string | null) => {
      clearTimeout(deadline);
      link.onStrayData = null;
      resolve(result);
    };
    const deadline = setTimeout(() => finish(null), NAIVE_READ_DEADLINE_MS);
    link.onStrayData = (chunk) => {
      link.unexpected.push(chunk);
      finish(consumeOneByte(link, chunk));
    };
  });
}

function consumeOneByte(link: StrayReads, chunk: Buffer): string {
  if (chunk.length > 1) link.unexpected[0] = chunk.subarray(1);
  else link.unexpected.shift();
  return 'read 1 unexpected byte';
}
