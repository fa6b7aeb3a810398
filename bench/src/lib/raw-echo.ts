import { connect, type Socket } from 'node:net';

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

/** One persistent socket, one request at a time. */
class RawConnection {
  private resolve: (() => void) | null = null;
  private reject: ((error: Error) => void) | null = null;
  private received = 0;

  constructor(private readonly socket: Socket, private readonly frameBytes: number) {
    socket.on('data', (chunk: Buffer) => {
      this.received += chunk.length;
      if (this.received >= this.frameBytes && this.resolve !== null) {
        this.received -= this.frameBytes;
        const resolve = this.resolve;
        this.resolve = this.reject = null;
        resolve();
      }
    });
    socket.on('error', (error) => this.reject?.(error));
    socket.on('close', () => this.reject?.(new Error('raw connection closed')));
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
}

function open(port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port, noDelay: true });
    socket.once('connect', () => {
      socket.off('error', reject);
      resolve(socket);
    });
    socket.once('error', reject);
  });
}

/** N persistent sockets shared by the requesters through a free list and a FIFO of waiters: the limit a pool can approach. */
export class RawSockets {
  private readonly free: RawConnection[] = [];
  private readonly waiters: ((c: RawConnection) => void)[] = [];
  private readonly all: RawConnection[] = [];

  private constructor(private readonly frame: Buffer) {}

  static async open(port: number, connections: number, frame: Buffer): Promise<RawSockets> {
    const raw = new RawSockets(frame);
    for (let i = 0; i < connections; i++) {
      const c = new RawConnection(await open(port), frame.length);
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
