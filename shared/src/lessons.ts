import type { Lesson } from './lesson-schema';
import { DEAD_CONNECTIONS } from './lessons/dead-connections';
import { LEAKS_LIFETIMES } from './lessons/leaks-lifetimes';
import { POOL_RUNS_DRY } from './lessons/pool-runs-dry';
import { WHY_POOLS } from './lessons/why-pools';

/** In teaching order: each lesson uses what the one before it showed. */
export const LESSONS: readonly Lesson[] = [WHY_POOLS, POOL_RUNS_DRY, DEAD_CONNECTIONS, LEAKS_LIFETIMES];

export function findLesson(id: string): Lesson | undefined {
  return LESSONS.find((lesson) => lesson.id === id);
}
