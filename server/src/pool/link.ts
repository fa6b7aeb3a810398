import type { Framing } from '@poolscope/shared/load-config';

/** Where a link is dialled. Declared here, beside the Connector that takes it, so link.ts imports nothing of the pool. */
export interface PoolTarget {
  id: string;
  host: string;
  port: number;
}

export interface SocketOptions {
  keepAlive: boolean;
  noDelay: boolean;
}

export interface DialOptions extends SocketOptions {
  timeoutMs: number;
}

/**
 * Told how a request ended (null: a reply came), synchronously, just before its promise
 * settles. The pool does its bookkeeping here instead of in a wrapper around the promise:
 * every promise hop costs, and this path runs once per request. An object, not a closure:
 * under tsx (esbuild keepNames) a named closure made per request costs an
 * Object.defineProperty of its name, ~2 µs per request in profiles.
 */
export interface RequestObserver {
  requestSettled(error: Error | null): void;
}

/**
 * Hears how a request sent with `Link.send` ended, synchronously, right after its observer.
 * For a caller that already holds a promise of its own (a queued pool.request()): the link's
 * promise, its `then` reaction and a second "then" lookup on the reply were one hop too many.
 */
export interface ReplySink {
  replied(reply: Buffer): void;
  failed(error: Error): void;
}

export interface LinkRequest {
  timeoutMs: number;
  framing: Framing;
  maxFrameBytes: number;
  observer?: RequestObserver;
}

/**
 * One open connection as the pool sees it, whatever carries it. The pool decides what a
 * failure means (close reasons, counters); the link only reports what the wire did.
 */
export interface Link {
  /** One echo round trip; rejects with a WireError. One request at a time. */
  request(payload: Buffer, request: LinkRequest): Promise<Buffer>;
  /** The same round trip, its end told to `sink` instead of a promise (a refusal too, at once). */
  send(payload: Buffer, request: LinkRequest, sink: ReplySink): void;
  /** Socket state only, no bytes moved: null when it looks healthy, else why not. */
  probe(): string | null;
  /** The Go article's isHealthy, bug included: null means "healthy". */
  naiveProbe(): Promise<string | null>;
  /** Why the peer went away (EOF, reset, closed), or null if nothing was seen yet. */
  readonly goneReason: string | null;
  /** Called once when the peer goes away (not when the pool destroys the link). */
  onPeerGone: ((why: string) => void) | null;
  /** Bytes kept while no request is outstanding, at most (the pool sets its maxFrameBytes). */
  maxUnexpectedBytes: number;
  /** Called when more than that arrived unasked (they are dropped); the owner should close the link. */
  onUnexpectedOverflow: ((bytes: number) => void) | null;
  setSocketOptions(options: SocketOptions): void;
  /** Close now; `onGone` runs once the underlying socket is fully closed. */
  destroy(onGone: () => void): void;
}

/** Makes links. Rejections carry a `code` (ECONNREFUSED, DIAL_TIMEOUT...) used in stats and messages. */
export interface Connector {
  dial(target: PoolTarget, options: DialOptions): Promise<Link>;
}
