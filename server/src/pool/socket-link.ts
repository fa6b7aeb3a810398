import type { OnReadOpts, Socket } from 'node:net';
import { copyOut } from '../wire/echo-request';
import { isReply, ReplyMatcher } from '../wire/reply-matcher';
import { WireError, WIRE_ERROR_CODES } from '../wire/wire-error';
import type { Link, LinkRequest, ReplySink, RequestObserver, SocketOptions } from './link';
import { naiveReadOneByte } from './naive-read';
import { RequestDeadline } from './request-deadline';
import { sharedReadBuffer } from './shared-read-buffer';

type Settle<T> = (value: T) => void;
const NOT_WAITING = (): void => {};
/** Until the pool sets its maxFrameBytes: the default of that knob. */
const DEFAULT_MAX_UNEXPECTED_BYTES = 1024 * 1024;

/**
 * A pooled TCP socket. It always reads (so it sees EOF, resets and stray bytes at once) and
 * records what it saw; whether the pool reacts to a dead idle socket is the pool's choice
 * (`watchIdle`). Bytes that arrive with no request outstanding are kept as `unexpected`.
 * It reads into the process's shared read buffer (`onread`), not through 'data' events: a
 * reply is checked where it lies and only its echoed bytes are copied out.
 */
export class SocketLink implements Link {
  goneReason: string | null = null;
  onPeerGone: ((why: string) => void) | null = null;
  /** Read by naive-read while it waits out its deadline. */
  onStrayData: ((chunk: Buffer) => void) | null = null;
  unexpected: Buffer[] = [];
  /** Bytes held in `unexpected`: past `maxUnexpectedBytes` they are dropped and `onUnexpectedOverflow` runs. */
  private unexpectedBytes = 0;
  maxUnexpectedBytes = DEFAULT_MAX_UNEXPECTED_BYTES;
  onUnexpectedOverflow: ((bytes: number) => void) | null = null;
  /** The outstanding request (one at a time), kept in fields: an object per request cost an allocation. */
  private outstanding = false;
  private resolveReply: Settle<Buffer> = NOT_WAITING;
  private rejectReply: Settle<WireError> = NOT_WAITING;
  /** Set instead of the two above for a request made with send(). */
  private sink: ReplySink | null = null;
  private observer: RequestObserver | undefined = undefined;
  private readonly matcher = new ReplyMatcher();
  /** The last request ended with its reply, so its frame has been sent and may be written over. */
  private lastRequestAnswered = false;
  private nextRequestId = 1;
  private closed = false;
  private destroyedByPool = false;
  private onGone: (() => void) | null = null;
  private readonly deadline = new RequestDeadline((timeoutMs) => {
    if (this.outstanding) this.settle(timeoutError(timeoutMs));
  });
  private readonly socket: Socket;

  /** `openSocket` makes the socket with the read options given (net.connect's `onread`). */
  constructor(openSocket: (onread: OnReadOpts) => Socket) {
    const socket = openSocket({ buffer: sharedReadBuffer(), callback: this.onRead });
    this.socket = socket;
    socket.on('end', () => this.peerGone('peer closed the connection (EOF)'));
    socket.on('error', (error: NodeJS.ErrnoException) => this.peerGone(`socket error ${error.code ?? error.message}`));
    socket.on('close', () => this.onClose());
  }

  request(payload: Buffer, request: LinkRequest): Promise<Buffer> {
    const refusal = this.refusal();
    if (refusal !== null) return refuse(refusal, request.observer);
    return new Promise<Buffer>((resolve, reject) => {
      this.resolveReply = resolve;
      this.rejectReply = reject;
      this.start(payload, request);
    });
  }

  send(payload: Buffer, request: LinkRequest, sink: ReplySink): void {
    const refusal = this.refusal();
    if (refusal !== null) {
      request.observer?.requestSettled(refusal);
      return sink.failed(refusal);
    }
    this.sink = sink;
    this.start(payload, request);
  }

  private refusal(): Error | null {
    if (this.outstanding) return new Error('a request is already outstanding on this connection');
    if (this.goneReason !== null) return closedError(this.goneReason);
    return null;
  }

  private start(payload: Buffer, { timeoutMs, framing, maxFrameBytes, observer }: LinkRequest): void {
    // An answered request's frame reached the peer whole, so the socket is done with its bytes.
    const bytes = this.matcher.begin(framing, this.nextRequestId++, payload, maxFrameBytes, this.lastRequestAnswered);
    this.deadline.start(timeoutMs);
    this.outstanding = true;
    this.observer = observer;
    this.socket.write(bytes);
    // Stray bytes already waiting are read as the reply, as any real client would read them.
    if (this.unexpected.length > 0) this.readStray();
  }

  probe(): string | null {
    if (this.goneReason !== null) return this.goneReason;
    if (this.socket.destroyed || this.socket.readableEnded) return 'socket is closed';
    return this.unexpectedBytes > 0 ? `${this.unexpectedBytes} unexpected bytes waiting` : null;
  }

  naiveProbe(): Promise<string | null> {
    return naiveReadOneByte(this);
  }

  setSocketOptions({ keepAlive, noDelay }: SocketOptions): void {
    if (this.closed) return;
    this.socket.setKeepAlive(keepAlive);
    this.socket.setNoDelay(noDelay);
  }

  destroy(onGone: () => void): void {
    this.destroyedByPool = true;
    this.deadline.stop();
    if (this.outstanding) this.settle(closedError('closed by the pool'));
    if (this.closed) return onGone();
    this.onGone = onGone;
    this.socket.destroy();
  }

  /** Node's read callback: `bytes` bytes at the start of the shared buffer, ours only during this call. */
  private readonly onRead = (bytes: number): boolean => {
    if (this.outstanding) {
      const step = this.matcher.feedShared(sharedReadBuffer(), bytes);
      if (step !== undefined) this.settle(step);
    } else {
      this.onData(copyOut(sharedReadBuffer(), 0, bytes));
    }
    return true; // never pause: a link always reads
  };

  private readStray(): void {
    const stray = this.unexpected;
    this.unexpected = [];
    this.unexpectedBytes = 0;
    for (const chunk of stray) if (this.outstanding) this.onData(chunk);
  }

  private onData(chunk: Buffer): void {
    if (!this.outstanding) {
      if (this.onStrayData !== null) this.onStrayData(chunk);
      else this.keepUnexpected(chunk);
      return;
    }
    const step = this.matcher.feed(chunk);
    if (step !== undefined) this.settle(step);
  }

  private settle(result: Buffer | WireError): void {
    if (!this.outstanding) return;
    this.outstanding = false;
    this.deadline.settled();
    // Taken before the observer runs: it may release the connection and start the next request here.
    const { resolveReply, rejectReply, sink, observer } = this;
    this.resolveReply = this.rejectReply = NOT_WAITING;
    this.sink = null;
    this.observer = undefined;
    for (const chunk of this.matcher.leftover) this.keepUnexpected(chunk);
    this.lastRequestAnswered = isReply(result);
    if (isReply(result)) {
      observer?.requestSettled(null);
      if (sink !== null) sink.replied(result);
      else resolveReply(result);
    } else {
      observer?.requestSettled(result);
      if (sink !== null) sink.failed(result);
      else rejectReply(result);
    }
  }

  /**
   * Bytes nobody asked for are kept (the next request reads them, a probe reports them), but only
   * up to maxUnexpectedBytes: a peer that streams unasked would otherwise grow this without bound.
   * Past it they are dropped and the owner closes the connection; with no owner, the link does.
   */
  private keepUnexpected(chunk: Buffer): void {
    if (this.closed || this.destroyedByPool) return;
    this.unexpectedBytes += chunk.length;
    if (this.unexpectedBytes <= this.maxUnexpectedBytes) {
      this.unexpected.push(chunk);
      return;
    }
    const bytes = this.unexpectedBytes;
    this.unexpected = [];
    this.unexpectedBytes = 0;
    if (this.onUnexpectedOverflow !== null) this.onUnexpectedOverflow(bytes);
    else this.socket.destroy();
  }

  private peerGone(why: string): void {
    if (this.goneReason !== null) return;
    this.goneReason = why;
    if (this.outstanding) this.settle(closedError(why));
    if (!this.destroyedByPool) this.onPeerGone?.(why);
  }

  private onClose(): void {
    this.closed = true;
    this.deadline.stop();
    this.peerGone('connection closed');
    const onGone = this.onGone;
    this.onGone = null;
    onGone?.();
  }
}

/** A request refused before it was sent still tells its observer, as a failed one would. */
function refuse(error: Error, observer: RequestObserver | undefined): Promise<Buffer> {
  observer?.requestSettled(error);
  return Promise.reject(error);
}

function closedError(why: string): WireError {
  return new WireError(WIRE_ERROR_CODES.connectionClosed, `connection closed: ${why}`);
}

function timeoutError(timeoutMs: number): WireError {
  return new WireError(WIRE_ERROR_CODES.requestTimeout, `no reply within ${timeoutMs} ms`);
}
