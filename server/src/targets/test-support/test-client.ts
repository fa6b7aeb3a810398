import { connect, type Socket } from 'node:net';
import { waitFor } from '../../test-support/wait-for';

export function frameOf(payload: Buffer): Buffer {
  const header = Buffer.alloc(4);
  header.writeUInt32BE(payload.length);
  return Buffer.concat([header, payload]);
}

/** Count the process's own TCP handles, to check that nothing is left open. */
export function tcpHandleCount(): number {
  return process.getActiveResourcesInfo().filter((r) => r === 'TCPSocketWrap' || r === 'TCPServerWrap').length;
}

/** A plain net.connect client that records what it receives and how it ended. */
export class TestClient {
  static readonly #all = new Set<TestClient>();
  readonly socket: Socket;
  #chunks: Buffer[] = [];
  receivedBytes = 0;
  closed = false;
  errorCode: string | null = null;

  private constructor(socket: Socket) {
    this.socket = socket;
    socket.on('data', (chunk: Buffer) => {
      this.#chunks.push(chunk);
      this.receivedBytes += chunk.length;
    });
    socket.on('error', (error: NodeJS.ErrnoException) => {
      this.errorCode = error.code ?? error.message;
    });
    socket.on('close', () => {
      this.closed = true;
      TestClient.#all.delete(this);
    });
    TestClient.#all.add(this);
  }

  /** Resolves once connected; rejects with the dial error (ECONNREFUSED when down). */
  static open(port: number, host = '127.0.0.1'): Promise<TestClient> {
    return new Promise((resolve, reject) => {
      const socket = connect({ port, host });
      const client = new TestClient(socket);
      socket.once('connect', () => resolve(client));
      socket.once('error', reject);
    });
  }

  /** Destroy every client a test left open (for afterEach). */
  static async destroyAll(): Promise<void> {
    const open = [...TestClient.#all];
    open.forEach((c) => c.socket.destroy());
    await waitFor(() => open.every((c) => c.closed), { what: 'test clients to close' });
  }

  send(bytes: Buffer | string): void {
    this.socket.write(bytes);
  }

  received(): Buffer {
    return Buffer.concat(this.#chunks);
  }

  async waitForBytes(bytes: number, timeoutMs = 10_000): Promise<Buffer> {
    await waitFor(() => this.receivedBytes >= bytes || this.closed, { timeoutMs, what: `${bytes} bytes` });
    return this.received();
  }

  async waitForClose(timeoutMs = 10_000): Promise<void> {
    await waitFor(() => this.closed, { timeoutMs, what: 'the connection to close' });
  }

  /** Send and resolve with the reply of the same length and the round trip in ms. */
  async roundTrip(bytes: Buffer, timeoutMs = 10_000): Promise<{ reply: Buffer; rttMs: number }> {
    const already = this.receivedBytes;
    const startedAt = performance.now();
    this.send(bytes);
    await waitFor(() => this.receivedBytes >= already + bytes.length, { timeoutMs, what: 'a reply' });
    return { reply: this.received().subarray(already, already + bytes.length), rttMs: performance.now() - startedAt };
  }
}
