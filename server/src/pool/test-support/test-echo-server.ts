import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';

export interface TestEchoKnobs {
  /** Close a connection silent this long; 0 = never. */
  idleCloseMs: number;
  /** Accept and read, never answer. */
  stall: boolean;
  /** Flip the last byte of every reply chunk. */
  garble: boolean;
}

/**
 * A minimal real echo server for pool tests (the lab's EchoTarget is written separately).
 * Echoes bytes verbatim, so it serves framed and unframed clients alike, and counts its own
 * open sockets so tests can check both ends of every connection.
 */
export class TestEchoServer {
  readonly sockets = new Set<Socket>();
  knobs: TestEchoKnobs = { idleCloseMs: 0, stall: false, garble: false };
  accepted = 0;
  private server: Server | null = null;

  private constructor(public port: number) {}

  static async start(knobs: Partial<TestEchoKnobs> = {}): Promise<TestEchoServer> {
    const echo = new TestEchoServer(0);
    echo.knobs = { ...echo.knobs, ...knobs };
    await echo.listen();
    return echo;
  }

  get host(): string {
    return '127.0.0.1';
  }

  get openSockets(): number {
    return this.sockets.size;
  }

  target(id = 'echo'): { id: string; host: string; port: number } {
    return { id, host: this.host, port: this.port };
  }

  /** Closes the listener (new connections are refused) and drops every open connection. */
  async down(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    const server = this.server;
    this.server = null;
    if (server !== null) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  async up(): Promise<void> {
    if (this.server === null) await this.listen();
  }

  async restart(): Promise<void> {
    await this.down();
    await this.up();
  }

  close(): Promise<void> {
    return this.down();
  }

  private listen(): Promise<void> {
    const server = createServer((socket) => this.serve(socket));
    this.server = server;
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => {
        this.port = (server.address() as AddressInfo).port;
        resolve();
      });
    });
  }

  private serve(socket: Socket): void {
    this.accepted++;
    this.sockets.add(socket);
    socket.on('close', () => this.sockets.delete(socket));
    socket.on('error', () => {});
    if (this.knobs.idleCloseMs > 0) {
      socket.setTimeout(this.knobs.idleCloseMs, () => socket.end());
    }
    socket.on('data', (chunk: Buffer) => {
      if (this.knobs.stall) return;
      if (this.knobs.garble) {
        const copy = Buffer.from(chunk);
        copy[copy.length - 1]! ^= 0xff;
        socket.write(copy);
      } else socket.write(chunk);
    });
  }
}
