import type { ChildProcess } from 'node:child_process';
import { nextMessage } from './fork-ts';

/**
 * Talks to the light viewers' process (helpers/viewers.ts): how many are connected, and how many
 * snapshot frames and characters they received over a window.
 */
export async function setViewers(child: ChildProcess, count: number): Promise<void> {
  child.send({ type: 'viewers', count });
  const reply = await nextMessage<{ type: string; connected?: number; error?: string }>(child, 'viewers-ready', 60_000);
  if (reply.error || reply.connected !== count) throw new Error(`viewers: ${reply.error ?? `${reply.connected} of ${count} connected`}`);
}

export async function countFrames(child: ChildProcess, windowMs: number): Promise<{ frames: number; chars: number }> {
  child.send({ type: 'count', ms: windowMs });
  return nextMessage<{ type: string; frames: number; chars: number }>(child, 'counted', windowMs + 10_000);
}
