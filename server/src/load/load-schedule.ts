import { ArrivalClock } from './arrival-clock';

/**
 * What makes two load generators' load identical: one seed for every worker's draws (worker i
 * draws from stream i of the seed in both) and one arrival clock whose instants both open
 * loops receive. Generators whose open-loop rates differ cannot share instants; each then
 * gets its own clock under the same seed (`withOwnArrivals`).
 */
export interface LoadSchedule {
  readonly seed: number;
  readonly arrivals: ArrivalClock;
}

export function createSchedule(seed: number): LoadSchedule {
  return { seed: seed >>> 0, arrivals: new ArrivalClock({ seed }) };
}

export function withOwnArrivals(schedule: LoadSchedule): LoadSchedule {
  return createSchedule(schedule.seed);
}
