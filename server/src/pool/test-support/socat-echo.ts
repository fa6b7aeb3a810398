import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { connect, createServer, type AddressInfo } from 'node:net';
import { waitFor } from '../../test-support/wait-for';

export const SOCAT_PATH = '/usr/bin/socat';
export const socatAvailable = existsSync(SOCAT_PATH);

/** A plain RFC 862-style echo server nobody here wrote: `socat ... fork EXEC:cat`. */
export class SocatEcho {
  private constructor(
    readonly port: number,
    private readonly child: ChildProcess,
  ) {}

  static async start(): Promise<SocatEcho> {
    const port = await freePort();
    const child = spawn(SOCAT_PATH, [`TCP-LISTEN:${port},bind=127.0.0.1,fork,reuseaddr`, 'EXEC:cat'], { stdio: 'ignore' });
    const echo = new SocatEcho(port, child);
    let listening = false;
    await waitFor(
      () => {
        if (!listening) void canConnect(port).then((ok) => (listening = ok));
        return listening;
      },
      { what: `socat listening on ${port}` },
    );
    return echo;
  }

  target(id = 'socat'): { id: string; host: string; port: number } {
    return { id, host: '127.0.0.1', port: this.port };
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.kill('SIGTERM');
    await exited;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}
