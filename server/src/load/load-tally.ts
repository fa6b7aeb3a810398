import { REQUEST_OUTCOMES, type RequestOutcome } from '@poolscope/shared/vocabulary';

export interface LoadStats {
  started: number;
  inFlight: number;
  outcomes: Record<RequestOutcome, number>;
  leakedLoans: number;
  /** Open-loop arrivals turned away because too many were in flight (also counted as `rejected`). */
  shed: number;
}

/**
 * The generator's counters. `begin` and `end` are the only writers of started, inFlight and
 * outcomes, each one synchronous step, so started = sum(outcomes) + inFlight at every instant.
 */
export class LoadTally {
  started = 0;
  inFlight = 0;
  leakedLoans = 0;
  shed = 0;
  readonly outcomes = Object.fromEntries(REQUEST_OUTCOMES.map((o) => [o, 0])) as Record<RequestOutcome, number>;

  begin(): void {
    this.started += 1;
    this.inFlight += 1;
  }

  end(outcome: RequestOutcome): void {
    this.inFlight -= 1;
    this.outcomes[outcome] += 1;
  }

  /** An arrival that never became a request: it starts and ends at once. */
  shedOne(): void {
    this.started += 1;
    this.shed += 1;
    this.outcomes.rejected += 1;
  }

  snapshot(): LoadStats {
    return {
      started: this.started,
      inFlight: this.inFlight,
      outcomes: { ...this.outcomes },
      leakedLoans: this.leakedLoans,
      shed: this.shed,
    };
  }
}
