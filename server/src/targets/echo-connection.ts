import type { Socket } from 'node:net';
import type { EchoContext } from './echo-context';
import type { GateWaiter } from './worker-gate';
import { UnitSplitter } from './unit-splitter';
import { chance, garble, serviceDelayMs } from './service-time';

/** A frame still incomplete this long after its last byte is echoed as a bare chunk. */
export const PARTIAL_FRAME_GIVE_UP_MS = 1000;
/** Stop reading from a client that pipelines faster than it is served; resume below half. */
const HIGH_WATER_BYTES = 4 * 1024 * 1024;

type Slot = 'none' | 'waiting' | 'held';

/**
 * One accepted socket, served serially like a classic blocking server: read a request, wait
 * for a worker, hold it for the latency, reply, take the next. Serial service keeps replies
 * in order without a reorder buffer. Every fault ends in `destroy`/`reset`, never a throw.
 */
export class EchoConnection implements GateWaiter {
  readonly #socket: Socket;
  readonly #ctx: EchoContext;
  readonly #onClosed: (connection: EchoConnection) => void;
  readonly #splitter = new UnitSplitter();
  readonly #units: Buffer[] = [];
  #unitBytes = 0;
  #slot: Slot = 'none';
  #serviceTimer: NodeJS.Timeout | null = null;
  #serviceImmediate: NodeJS.Immediate | null = null;
  #giveUpTimer: NodeJS.Timeout | null = null;
  #draining = false;
  #closed = false;

  constructor(socket: Socket, ctx: EchoContext, onClosed: (connection: EchoConnection) => void) {
    this.#socket = socket;
    this.#ctx = ctx;
    this.#onClosed = onClosed;
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => this.#onData(chunk));
    socket.on('drain', () => this.#pump());
    socket.on('timeout', () => this.#onIdle());
    socket.on('close', () => this.#teardown());
    this.setIdleCloseMs(ctx.knobs.idleCloseMs);
  }

  /** True while a request is queued or in service (what a graceful close waits for). */
  get busy(): boolean {
    return this.#slot !== 'none' || this.#units.length > 0;
  }

  setIdleCloseMs(idleCloseMs: number): void {
    if (!this.#closed) this.#socket.setTimeout(idleCloseMs);
  }

  destroy(): void {
    this.#teardown();
    this.#socket.destroy();
  }

  reset(): void {
    this.#teardown();
    if (!this.#socket.destroyed) this.#socket.resetAndDestroy();
  }

  /** Answer what was already received, read nothing new, then close. */
  drain(): void {
    this.#draining = true;
    if (!this.busy) this.#finish();
  }

  onAdmitted(): void {
    this.#slot = 'held';
    this.#ctx.tally.requestsQueued -= 1;
    const delayMs = serviceDelayMs(this.#ctx.knobs, this.#ctx.random);
    if (delayMs > 0) this.#serviceTimer = setTimeout(this.#serve, delayMs);
    else this.#serviceImmediate = setImmediate(this.#serve);
  }

  #onData(chunk: Buffer): void {
    this.#ctx.tally.bytesIn += chunk.length;
    if (this.#closed || this.#draining) return;
    if (this.#ctx.knobs.reset) return this.reset();
    this.#accept(this.#splitter.push(chunk));
    this.#armGiveUp();
  }

  #accept(units: Buffer[]): void {
    // Stall: read and throw away, so the client's writes succeed and its reply never comes.
    if (this.#ctx.knobs.stall) return;
    for (const unit of units) {
      this.#units.push(unit);
      this.#unitBytes += unit.length;
      this.#ctx.tally.requestsQueued += 1;
    }
    if (this.#unitBytes > HIGH_WATER_BYTES) this.#socket.pause();
    this.#pump();
  }

  #armGiveUp(): void {
    if (this.#splitter.pendingBytes === 0 || this.#splitter.chunkMode) {
      if (this.#giveUpTimer) clearTimeout(this.#giveUpTimer);
      this.#giveUpTimer = null;
    } else if (this.#giveUpTimer) {
      this.#giveUpTimer.refresh();
    } else {
      this.#giveUpTimer = setTimeout(() => this.#giveUp(), PARTIAL_FRAME_GIVE_UP_MS);
    }
  }

  #giveUp(): void {
    this.#giveUpTimer = null;
    const unit = this.#splitter.giveUp();
    if (unit && !this.#closed && !this.#draining) this.#accept([unit]);
  }

  #pump(): void {
    if (this.#closed || this.#slot !== 'none') return;
    if (this.#units.length === 0) {
      if (this.#draining) this.#finish();
      return;
    }
    if (this.#socket.writableNeedDrain) return; // 'drain' calls back
    this.#slot = 'waiting';
    if (this.#ctx.gate.enter(this)) this.onAdmitted();
  }

  /** Bound once: it runs per request. */
  readonly #serve = (): void => {
    this.#serviceTimer = null;
    this.#serviceImmediate = null;
    if (this.#closed) return;
    const { knobs, random, tally } = this.#ctx;
    if (chance(knobs.dropRate, random)) return this.destroy(); // before the shift: teardown counts the unit in service
    const unit = this.#units.shift() as Buffer;
    this.#unitBytes -= unit.length;
    if (this.#socket.isPaused() && this.#unitBytes < HIGH_WATER_BYTES / 2) this.#socket.resume();
    if (!knobs.stall && this.#socket.writable) {
      if (chance(knobs.garbleRate, random)) garble(unit);
      this.#socket.write(unit);
      tally.requestsServed += 1;
      tally.bytesOut += unit.length;
    }
    this.#releaseWorker();
    this.#pump();
  };

  /** Close after the replies written so far reach the kernel (destroy alone would drop them). */
  #finish(): void {
    if (this.#socket.writableEnded) return;
    this.#socket.end(() => this.#socket.destroy());
  }

  #onIdle(): void {
    // Silent means no bytes either way and nothing owed: a request in service is not idleness.
    if (this.busy) return this.setIdleCloseMs(this.#ctx.knobs.idleCloseMs);
    this.destroy();
  }

  #releaseWorker(): void {
    if (this.#slot === 'held') this.#ctx.gate.leave();
    if (this.#slot === 'waiting') this.#ctx.gate.cancel(this);
    this.#slot = 'none';
  }

  /** Idempotent: frees the worker, the queue gauge and the timers, then tells the target. */
  #teardown(): void {
    if (this.#closed) return;
    this.#closed = true;
    const queued = this.#slot === 'held' ? this.#units.length - 1 : this.#units.length;
    this.#ctx.tally.requestsQueued -= queued;
    this.#units.length = 0;
    this.#releaseWorker();
    if (this.#serviceTimer) clearTimeout(this.#serviceTimer);
    if (this.#serviceImmediate) clearImmediate(this.#serviceImmediate);
    if (this.#giveUpTimer) clearTimeout(this.#giveUpTimer);
    this.#socket.setTimeout(0);
    this.#onClosed(this);
  }
}
