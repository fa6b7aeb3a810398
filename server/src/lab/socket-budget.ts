import { readFileSync } from 'node:fs';

/** Where /proc is missing (macOS, Windows) or unreadable: the usual default soft limit on Linux and macOS-ish shells. */
export const FALLBACK_FD_LIMIT = 1024;

/**
 * File descriptors kept out of the pool's reach: stdio, the HTTP listener and its keep-alive
 * clients, Socket.IO viewers (a few dozen at most on a lab), one listener per embedded target,
 * libuv's own (epoll, eventfd, signal pipe, thread pool), files served by the static handler and
 * the dev watchers. 256 covers all of that with a wide margin; a lab that runs out here instead
 * of in the pool could no longer be controlled, which is what this budget exists to prevent.
 */
export const RESERVED_FDS = 256;

/**
 * Each pooled connection to an embedded target costs two descriptors in this process: the pool's
 * socket and the target's accepted one. To an external target it costs one. The budget assumes
 * two, so it holds whatever the mix of targets.
 */
export const FDS_PER_CONNECTION = 2;

/**
 * The soft "Max open files" limit from /proc/self/limits (Node 20 has no getrlimit; Node raises the
 * soft limit to the hard one at startup, so this reads the raised value), else FALLBACK_FD_LIMIT.
 */
export function readFdSoftLimit(readLimits: () => string = () => readFileSync('/proc/self/limits', 'utf8')): number {
  try {
    const line = readLimits()
      .split('\n')
      .find((l) => l.startsWith('Max open files'));
    const soft = line?.slice('Max open files'.length).trim().split(/\s+/)[0];
    if (soft === 'unlimited') return Number.MAX_SAFE_INTEGER;
    const limit = soft === undefined ? Number.NaN : Number(soft);
    return Number.isInteger(limit) && limit > 0 ? limit : FALLBACK_FD_LIMIT;
  } catch {
    return FALLBACK_FD_LIMIT;
  }
}

/** Pool sockets the lab allows for a given fd limit: what is left after the reserve, two per connection, at least 1. */
export function socketBudgetFor(fdLimit: number): number {
  return Math.max(1, Math.floor((fdLimit - RESERVED_FDS) / FDS_PER_CONNECTION));
}
