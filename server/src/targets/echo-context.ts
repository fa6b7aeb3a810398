import type { TargetServerCounters } from '@poolscope/shared/snapshot';
import type { TargetKnobs } from '@poolscope/shared/target-config';
import type { WorkerGate } from './worker-gate';

/**
 * Monotonic tallies plus the one gauge connections maintain themselves (`requestsQueued`):
 * the target's counters but for `connectionsOpen`, which the listener counts.
 */
export type EchoTally = Omit<TargetServerCounters, 'connectionsOpen'>;

/** What every connection of one target shares; `knobs` is replaced whole on each update. */
export interface EchoContext {
  knobs: Readonly<TargetKnobs>;
  readonly tally: EchoTally;
  readonly gate: WorkerGate;
  readonly random: () => number;
}

export function emptyTally(): EchoTally {
  return { connectionsAccepted: 0, connectionsRefused: 0, requestsServed: 0, requestsQueued: 0, bytesIn: 0, bytesOut: 0 };
}
