import type { LoadConfig } from '@poolscope/shared/load-config';
import type { BorrowHost } from './borrow';
import type { LoadConnection, LoadPool } from './load-pool';
import { LoadTally } from './load-tally';
import { makePayload } from './payload';

/**
 * Leaked loans remembered at most. The pool tracks its loans itself; this set is the borrower
 * "still holding" them, bounded so a pool without maxOpen cannot make it grow forever.
 */
const MAX_KEPT_LEAKS = 100_000;

/** The state every borrower reads per request; derived values are rebuilt only when their knobs change. */
export class LoadHost implements BorrowHost {
  readonly tally = new LoadTally();
  config!: Readonly<LoadConfig>;
  payload!: Buffer;
  requestOptions!: Readonly<{ timeoutMs: number; framing: LoadConfig['framing'] }>;
  hurrying = false;
  seed: number | null = null;
  readonly #leaked = new Set<LoadConnection>();

  constructor(
    readonly pool: LoadPool,
    readonly random: () => number,
    config: Readonly<LoadConfig>,
  ) {
    this.setConfig(config);
  }

  setConfig(config: Readonly<LoadConfig>): void {
    const previous = this.config as Readonly<LoadConfig> | undefined;
    if (previous?.payloadBytes !== config.payloadBytes) this.payload = makePayload(config.payloadBytes);
    if (previous?.requestTimeoutMs !== config.requestTimeoutMs || previous?.framing !== config.framing) {
      this.requestOptions = Object.freeze({ timeoutMs: config.requestTimeoutMs, framing: config.framing });
    }
    this.config = config;
  }

  keepLeaked(connection: LoadConnection): void {
    this.tally.leakedLoans += 1;
    this.#leaked.add(connection);
    if (this.#leaked.size > MAX_KEPT_LEAKS) this.#leaked.delete(this.#leaked.values().next().value as LoadConnection);
  }
}
