import { createServer, type Server, type Socket } from 'node:net';
import { DEFAULT_TARGET_KNOBS, patchTargetKnobs } from '@poolscope/shared/config-rules';
import type { TargetServerCounters } from '@poolscope/shared/snapshot';
import type { TargetKnobs, TargetKnobsPatch } from '@poolscope/shared/target-config';
import type { PatchResult } from '@poolscope/shared/validation';
import { emptyTally, type EchoContext } from './echo-context';
import { EchoConnection } from './echo-connection';
import { closeServer, listen, relisten } from './listener';
import { TargetConfigError } from './target-config-error';
import { WorkerGate } from './worker-gate';

export { TargetConfigError } from './target-config-error';

export type EchoTargetState = 'up' | 'down' | 'stalled' | 'resetting';

export interface EchoTargetOptions {
  id?: string;
  host?: string;
  port?: number;
  knobs?: TargetKnobsPatch;
  /** Source of randomness for jitter, drops and garbling; tests may script it. */
  random?: () => number;
}

const ignoreSocketError = (): void => {};

/**
 * An embedded echo server with fault knobs, all live. Connections a target turns away after
 * the kernel accepted them (maxConnections reached, reset on, closing) count as refused, not
 * accepted; `connectionsOpen` counts admitted sockets until their 'close'. Lowering
 * maxConnections refuses new connections but leaves open ones alone (a semaphore, not a cull).
 */
export class EchoTarget {
  readonly #host: string;
  #id = '';
  #port = 0;
  readonly #ctx: EchoContext;
  readonly #connections = new Set<EchoConnection>();
  #server: Server | null = null;
  /** Listener changes (down, up, restart) run one at a time, in order; never rejects. */
  #transitions: Promise<void> = Promise.resolve();
  #closing: Promise<void> | null = null;
  #emptyWaiters: Array<() => void> = [];
  #lastError: string | null = null;

  private constructor(host: string, knobs: TargetKnobs, random: () => number) {
    this.#host = host;
    this.#ctx = { knobs: Object.freeze(knobs), tally: emptyTally(), gate: new WorkerGate(knobs.workers), random };
  }

  /** Binds (port 0 = any free port) even when starting `down`, so the port is known and kept. */
  static async start(options: EchoTargetOptions = {}): Promise<EchoTarget> {
    const knobs = patchTargetKnobs(DEFAULT_TARGET_KNOBS, options.knobs ?? {});
    if (!knobs.ok) throw new TargetConfigError(knobs.details);
    const target = new EchoTarget(options.host ?? '127.0.0.1', knobs.value, options.random ?? Math.random);
    const server = target.#newServer();
    target.#port = await listen(server, target.#host, options.port ?? 0);
    target.#id = options.id ?? `echo-${target.#port}`;
    target.#server = server;
    if (knobs.value.down) target.#stopListening();
    return target;
  }

  get id(): string {
    return this.#id;
  }

  get host(): string {
    return this.#host;
  }

  get port(): number {
    return this.#port;
  }

  get address(): string {
    return `${this.#host}:${this.#port}`;
  }

  knobs(): TargetKnobs {
    return { ...this.#ctx.knobs };
  }

  state(): EchoTargetState {
    const { down, reset, stall } = this.#ctx.knobs;
    if (down || !this.#server) return 'down';
    if (reset) return 'resetting';
    return stall ? 'stalled' : 'up';
  }

  counters(): TargetServerCounters {
    return { connectionsOpen: this.#connections.size, ...this.#ctx.tally };
  }

  /** Why the listener could not be reopened (port taken), or null. */
  lastError(): string | null {
    return this.#lastError;
  }

  /** Resolves when the listener changes requested so far (down/up, restart) are done. */
  settled(): Promise<void> {
    return this.#transitions;
  }

  update(patch: unknown): PatchResult<TargetKnobs> {
    const result = patchTargetKnobs(this.#ctx.knobs, patch);
    if (!result.ok) return result;
    const before = this.#ctx.knobs;
    const next = Object.freeze({ ...result.value });
    this.#ctx.knobs = next;
    if (next.workers !== before.workers) this.#ctx.gate.setLimit(next.workers);
    if (next.idleCloseMs !== before.idleCloseMs) this.#connections.forEach((c) => c.setIdleCloseMs(next.idleCloseMs));
    if (next.reset && !before.reset) [...this.#connections].forEach((c) => c.reset());
    if (next.down && !before.down) this.#goDown();
    if (!next.down && before.down) this.#enqueue(() => this.#open()).catch(ignoreSocketError);
    return { ok: true, value: { ...next } };
  }

  /** Drop every connection and listen again on the same port (stays closed while `down`). */
  restart(): Promise<void> {
    [...this.#connections].forEach((c) => c.destroy());
    return this.#enqueue(async () => {
      const server = this.#server;
      this.#server = null;
      if (server) await closeServer(server);
      await this.#open();
    });
  }

  /** Stop accepting, let requests already received be answered for up to drainMs, destroy the rest. */
  close(options: { drainMs?: number } = {}): Promise<void> {
    this.#closing ??= this.#shutdown(options.drainMs ?? 0);
    return this.#closing;
  }

  async #shutdown(drainMs: number): Promise<void> {
    this.#stopListening();
    [...this.#connections].forEach((c) => c.drain());
    const deadline = setTimeout(() => [...this.#connections].forEach((c) => c.destroy()), drainMs);
    await new Promise<void>((resolve) => this.#whenEmpty(resolve));
    clearTimeout(deadline);
    await this.#transitions; // a rebind in flight sees the target closing and closes itself
  }

  #wantsListener(): boolean {
    return this.#closing === null && !this.#ctx.knobs.down;
  }

  #goDown(): void {
    this.#stopListening();
    [...this.#connections].forEach((c) => c.destroy());
  }

  /** Synchronous, so a dial right after `update({ down: true })` is already refused. */
  #stopListening(): void {
    const server = this.#server;
    this.#server = null;
    if (server) {
      const closed = closeServer(server);
      this.#enqueue(() => closed).catch(ignoreSocketError);
    }
  }

  async #open(): Promise<void> {
    if (!this.#wantsListener() || this.#server) return;
    const server = this.#newServer();
    await relisten(server, this.#host, this.#port);
    if (!this.#wantsListener()) return closeServer(server); // went down or closing while binding
    this.#server = server;
    this.#lastError = null;
  }

  #enqueue(step: () => Promise<void>): Promise<void> {
    const run = this.#transitions.then(step);
    this.#transitions = run.catch((error: Error) => {
      this.#lastError = `listen ${this.address}: ${error.message}`;
    });
    return run;
  }

  #newServer(): Server {
    const server = createServer((socket) => this.#onConnection(socket));
    server.on('error', (error) => {
      this.#lastError = error.message;
    });
    return server;
  }

  #onConnection(socket: Socket): void {
    socket.on('error', ignoreSocketError);
    const { reset, maxConnections } = this.#ctx.knobs;
    const full = maxConnections > 0 && this.#connections.size >= maxConnections;
    if (!this.#wantsListener() || reset || full) {
      this.#ctx.tally.connectionsRefused += 1;
      if (reset) socket.resetAndDestroy();
      else socket.destroy();
      return;
    }
    this.#ctx.tally.connectionsAccepted += 1;
    this.#connections.add(new EchoConnection(socket, this.#ctx, (c) => this.#onClosed(c)));
  }

  #onClosed(connection: EchoConnection): void {
    this.#connections.delete(connection);
    if (this.#connections.size === 0) this.#emptyWaiters.splice(0).forEach((resolve) => resolve());
  }

  #whenEmpty(resolve: () => void): void {
    if (this.#connections.size === 0) resolve();
    else this.#emptyWaiters.push(resolve);
  }
}
