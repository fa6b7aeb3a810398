import type { ChildProcess } from 'node:child_process';
import { forkTs, helperPath, nextMessage } from './fork-ts';
import { percentile } from './stats';

/**
 * Processes of light viewers (helpers/viewers.ts), each pointed at one Socket.IO endpoint. More
 * than one when a single client process could not keep up: what it counts is then its own lag.
 */
export async function forkViewers(url: string): Promise<ChildProcess> {
  const child = forkTs(helperPath('viewers.ts'), [url]);
  // Generous: on the shared machine at a load of 20+, a tsx child has taken over 20 s to start.
  await nextMessage(child, 'ready', 90_000);
  return child;
}

export async function setViewers(child: ChildProcess, count: number): Promise<void> {
  child.send({ type: 'viewers', count });
  const reply = await nextMessage<{ type: string; connected?: number; error?: string }>(child, 'viewers-ready', 120_000);
  if (reply.error || reply.connected !== count) throw new Error(`viewers: ${reply.error ?? `${reply.connected} of ${count} connected`}`);
}

/** What one viewer process counted over a window. */
export interface Counted {
  frames: number;
  chars: number;
  /** Each viewer's snapshots per second over the window as that process timed it. */
  perViewerPerS: number[];
  delaysMs: number[];
  /** The process itself: % of a core, and event-loop lateness p99 (minus the monitor's resolution). */
  clientCpuPct: number;
  clientLatenessP99Ms: number;
}

/** What several viewer processes counted over one window, merged, with the clients' own health. */
export interface CountedTogether {
  frames: number;
  chars: number;
  perViewerPerS: number[];
  delaysMs: number[];
  /** The busiest client process. */
  clientCpuPctMax: number;
  clientLatenessP99MsMax: number;
}

/** Counts in every child over the same window (they start within a few ms of each other). */
export async function countTogether(children: ChildProcess[], windowMs: number): Promise<CountedTogether> {
  const replies = await Promise.all(
    children.map((child) => {
      const reply = nextMessage<{ type: string } & Counted>(child, 'counted', windowMs + 20_000);
      child.send({ type: 'count', ms: windowMs });
      return reply;
    }),
  );
  return {
    frames: replies.reduce((sum, r) => sum + r.frames, 0),
    chars: replies.reduce((sum, r) => sum + r.chars, 0),
    perViewerPerS: replies.flatMap((r) => r.perViewerPerS),
    delaysMs: replies.flatMap((r) => r.delaysMs),
    clientCpuPctMax: Math.max(...replies.map((r) => r.clientCpuPct)),
    clientLatenessP99MsMax: Math.max(...replies.map((r) => r.clientLatenessP99Ms)),
  };
}

/** The lowest per-viewer rate and its 1st percentile: every viewer must keep up, not the average one. */
export function rateFloor(perViewerPerS: number[]): { min: number; p1: number } {
  return { min: perViewerPerS.length === 0 ? 0 : Math.min(...perViewerPerS), p1: percentile(perViewerPerS, 1) };
}
