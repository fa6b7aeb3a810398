import type { Connector, Link, LinkRequest, ReplySink } from './link';

/**
 * A connector whose links are plain objects that echo at once: no sockets, no timers. It lets
 * a benchmark measure the pool's own overhead (acquire + release) with trivial resources.
 */
export const memoryConnector: Connector = {
  dial: () => Promise.resolve(new MemoryLink()),
};

export class MemoryLink implements Link {
  goneReason: string | null = null;
  onPeerGone: ((why: string) => void) | null = null;
  /** A memory peer never sends unasked: kept for the interface. */
  maxUnexpectedBytes = 0;
  onUnexpectedOverflow: ((bytes: number) => void) | null = null;

  request(payload: Buffer, { observer }: LinkRequest): Promise<Buffer> {
    observer?.requestSettled(null);
    return Promise.resolve(payload);
  }

  send(payload: Buffer, { observer }: LinkRequest, sink: ReplySink): void {
    observer?.requestSettled(null);
    sink.replied(payload);
  }

  probe(): string | null {
    return this.goneReason;
  }

  naiveProbe(): Promise<string | null> {
    return Promise.resolve(null);
  }

  setSocketOptions(): void {}

  destroy(onGone: () => void): void {
    onGone();
  }

  /** For tests: the "peer" goes away. */
  hangUp(why = 'peer closed the connection (EOF)'): void {
    if (this.goneReason !== null) return;
    this.goneReason = why;
    this.onPeerGone?.(why);
  }
}
