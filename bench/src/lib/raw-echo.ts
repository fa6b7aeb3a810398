import { connect, type OnReadOpts, type Socket } from 'node:net';
import { Deque } from '@poolscope/server/src/pool/deque';

/**
 * Clients without a pool engine, for comparison. They send exactly the bytes the pool sends
 * (4-byte length, 8-byte id, payload) and take the reply once its declared length is in.
 */
export function echoFrame(payloadBytes: number): Buffer {
  const frame = Buffer.alloc(4 + 8 + payloadBytes, 0x61);
  frame.writeUInt32BE(8 + payloadBytes, 0);
  frame.writeBigUInt64BE(1n, 4);
  return frame;
}

/**
 * How a raw client reads: 'data' events (what a hand-written client does), or Node's `onread`
 * into one shared buffer (the read path the pool's links use), for reference.
 */
export type RawRead = 'data' | 'onread';

const sharedReadBuffer = Buffer.alloc(64 * 1024);

/** One persistent socket, one request at a time. */
class RawConnection {
  private resolve: (() => void) | null = null;
  private reject: ((error: Error) => void) | null = null;
  private received = 0;
  private readonly socket: Socket;

  constructor(
    openSocket: (onread: OnReadOpts | undefined) => Socket,
    read: RawRead,
    private readonly frameBytes: number,
  ) {
    const onread = read === 'onread' ? { buffer: sharedReadBuffer, callback: (bytes: number) => this.onBytes(bytes) } : undefined;
    this.socket = openSocket(onread);
    if (read === 'data') this.socket.on('data', (chunk: Buffer) => this.onBytes(chunk.length));
    this.socket.on('error', (error) => this.reject?.(error));
    this.socket.on('close', () => this.reject?.(new Error('raw connection closed')));
  }

  /** Counts bytes only: the echo server answers in order, so a whole frame's worth is the reply. */
  private onBytes(bytes: number): boolean {
    this.received += bytes;
    if (this.received >= this.frameBytes && this.resolve !== null) {
      this.received -= this.frameBytes;
      const resolve = this.resolve;
      this.resolve = this.reject = null;
      resolve();
    }
    return true;
  }

  request(frame: Buffer): Promise<void> {
    return new Promise((resolve, reject) => {
      this.resolve = resolve;
      this.reject = reject;
      this.socket.write(frame);
    });
  }

  close(): void {
    this.socket.destroy();
  }

  static open(port: number, read: RawRead, frameBytes: number): Promise<RawConnection> {
    return new Promise((resolve, reject) => {
      let socket!: Socket;
      const connection = new RawConnection(
        (onread) => (socket = connect({ host: '127.0.0.1', port, noDelay: true, ...(onread ? { onread } : {}) })),
        read,
        frameBytes,
      );
      socket.once('connect', () => {
        socket.off('error', reject);
        resolve(connection);
      });
      socket.once('error', reject);
    });
  }
}

/** N persistent sockets shared by the requesters through a free list and a FIFO of waiters: the limit a pool can approach. */
export class RawSockets {
  private readonly free: RawConnection[] = [];
  private readonly waiters: ((c: RawConnection) => void)[] = [];
  private readonly all: RawConnection[] = [];

  private constructor(private readonly frame: Buffer) {}

  static async open(port: number, connections: number, frame: Buffer, read: RawRead = 'data'): Promise<RawSockets> {
    const raw = new RawSockets(frame);
    for (let i = 0; i < connections; i++) {
      const c = await RawConnection.open(port, read, frame.length);
      raw.all.push(c);
      raw.free.push(c);
    }
    return raw;
  }

  async request(): Promise<void> {
    const c = this.free.pop() ?? (await new Promise<RawConnection>((resolve) => this.waiters.push(resolve)));
    try {
      await c.request(this.frame);
    } finally {
      const next = this.waiters.shift();
      if (next !== undefined) next(c);
      else this.free.push(c);
    }
  }

  close(): void {
    for (const c of this.all) c.close();
  }
}

/** A requester waiting for its reply (or for a socket), settled by the socket's read callback. */
interface HandoffJob {
  resolve: () => void;
  reject: (error: Error) => void;
}

/**
 * The best raw client, the baseline of every echo ratio: it reads as the pool's links do (Node's
 * `onread` into one shared buffer) and, when a reply is in, writes the next waiting requester's
 * frame on the same socket inside the read callback, before settling the finished one: no
 * promise hop between one request and the next, as `pool.request()` does. One promise per request.
 */
class HandoffConnection {
  private job: HandoffJob | null = null;
  private received = 0;
  private readonly socket: Socket;

  constructor(
    openSocket: (onread: OnReadOpts) => Socket,
    private readonly owner: HandoffSockets,
    private readonly frame: Buffer,
  ) {
    this.socket = openSocket({ buffer: sharedReadBuffer, callback: (bytes: number) => this.onBytes(bytes) });
    this.socket.on('error', (error) => this.fail(error));
    this.socket.on('close', () => this.fail(new Error('raw connection closed')));
  }

  start(job: HandoffJob): void {
    this.job = job;
    this.socket.write(this.frame);
  }

  close(): void {
    this.socket.destroy();
  }

  private onBytes(bytes: number): boolean {
    this.received += bytes;
    if (this.received >= this.frame.length && this.job !== null) {
      this.received -= this.frame.length;
      const done = this.job;
      this.job = null;
      this.owner.freed(this); // the next requester's frame is written here, in this callback
      done.resolve();
    }
    return true;
  }

  private fail(error: Error): void {
    const job = this.job;
    this.job = null;
    job?.reject(error);
  }

  static open(port: number, owner: HandoffSockets, frame: Buffer): Promise<HandoffConnection> {
    return new Promise((resolve, reject) => {
      let socket!: Socket;
      const connection = new HandoffConnection(
        (onread) => (socket = connect({ host: '127.0.0.1', port, noDelay: true, onread })),
        owner,
        frame,
      );
      socket.once('connect', () => {
        socket.off('error', reject);
        resolve(connection);
      });
      socket.once('error', reject);
    });
  }
}

/** N persistent sockets, a free list and a FIFO of waiting requesters, each handed a socket in the read callback that freed it. */
export class HandoffSockets {
  private readonly free: HandoffConnection[] = [];
  /** A ring buffer, as the pool's wait queue: Array.shift over 450 waiters is not free. */
  private readonly waiting = new Deque<HandoffJob>();
  private readonly all: HandoffConnection[] = [];

  static async open(port: number, connections: number, frame: Buffer): Promise<HandoffSockets> {
    const raw = new HandoffSockets();
    for (let i = 0; i < connections; i++) {
      const c = await HandoffConnection.open(port, raw, frame);
      raw.all.push(c);
      raw.free.push(c);
    }
    return raw;
  }

  request(): Promise<void> {
    return new Promise((resolve, reject) => {
      const job = { resolve, reject };
      const c = this.free.pop();
      if (c !== undefined) c.start(job);
      else this.waiting.push(job);
    });
  }

  freed(c: HandoffConnection): void {
    const next = this.waiting.shift();
    if (next !== undefined) c.start(next);
    else this.free.push(c);
  }

  close(): void {
    for (const c of this.all) c.close();
  }
}

/** No pool: connect, send, read the reply, close. */
export function connectPerRequest(port: number, frame: Buffer): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port, noDelay: true });
    let received = 0;
    socket.once('connect', () => socket.write(frame));
    socket.on('data', (chunk: Buffer) => {
      received += chunk.length;
      if (received < frame.length) return;
      socket.destroy();
      resolve();
    });
    socket.once('error', (error) => {
      socket.destroy();
      reject(error);
    });
  });
}
