import type { CloseReason } from './vocabulary';

/** Things that happen between snapshots, batched to the browser once a tick. */
export type LabEvent =
  | { t: number; type: 'connection-opened'; connectionId: number; targetId: string; dialMs: number }
  | { t: number; type: 'connection-closed'; connectionId: number; targetId: string; reason: CloseReason; ageMs: number; uses: number }
  | { t: number; type: 'dial-failed'; targetId: string; code: string; message: string; backoffMs: number }
  | { t: number; type: 'health-check-failed'; connectionId: number; targetId: string; method: string; reason: string }
  | { t: number; type: 'stale-borrow'; connectionId: number; targetId: string; error: string }
  | { t: number; type: 'acquire-timed-out'; waitedMs: number; message: string }
  | { t: number; type: 'leak-suspected'; connectionId: number; targetId: string; heldMs: number }
  | { t: number; type: 'leak-released'; connectionId: number; targetId: string; heldMs: number }
  | { t: number; type: 'reconfigured'; scope: 'pool' | 'load' | 'target'; changed: Record<string, unknown>; targetId?: string }
  | { t: number; type: 'scenario-applied'; scenarioId: string; title: string }
  | { t: number; type: 'target-added' | 'target-removed' | 'target-restarted'; targetId: string; address: string };

export type LabEventType = LabEvent['type'];
