import { readFileSync } from 'node:fs';

/**
 * How long this process's main thread waited for a core while runnable (Linux /proc schedstat;
 * null elsewhere). On a machine shared with other work the scheduler, not our code, decides much
 * of a lateness figure, and a starved process's CPU share is capped by its fair share: this
 * number says how far to trust the figures measured beside it.
 */
export function runQueueWaitNs(): number | null {
  try {
    const fields = readFileSync('/proc/self/schedstat', 'utf8').trim().split(/\s+/);
    const waitNs = Number(fields[1]);
    return Number.isFinite(waitNs) ? waitNs : null;
  } catch {
    return null;
  }
}
