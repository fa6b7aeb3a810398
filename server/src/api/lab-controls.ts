import type { ClientToServerEvents } from '@poolscope/shared/protocol';
import { ARM_SCOPES, type ArmScope } from '@poolscope/shared/compare';
import type { Lab } from '../lab/lab';
import { LabError } from '../lab/lab-error';

/** Every control event a dashboard can send; `history:get` is a read and not among them. */
export const CONTROL_EVENTS = [
  'config:patch',
  'target:patch',
  'target:restart',
  'scenario:apply',
  'lesson:go',
  'lesson:leave',
  'compare:start',
  'compare:patch',
  'compare:stop',
  'compare:keep-b',
  'leaks:reclaim',
] as const satisfies readonly (keyof ClientToServerEvents)[];

export type ControlEvent = (typeof CONTROL_EVENTS)[number];

/** What a control does to the lab, from its payload; throws a LabError for a payload it cannot take (nothing applied). */
export type RunControl = (payload: unknown) => unknown;

/**
 * The lab's controls as one table, so a socket on the lab and a control forwarded by a relay run
 * exactly the same code. Who may run them (token, rate) is the caller's business.
 */
export function labControls(lab: Lab): Record<ControlEvent, RunControl> {
  return {
    'config:patch': (payload) => lab.patchConfig(asObject(payload)),
    'target:patch': (payload) => {
      const { id, patch, arm } = asObject(payload);
      return lab.patchTarget(asId(id), patch, asArm(arm));
    },
    'target:restart': (payload) => {
      const { id, arm } = asObject(payload);
      return lab.restartTarget(asId(id), asArm(arm));
    },
    'scenario:apply': (payload) => lab.applyScenario(asId(asObject(payload).id)),
    'lesson:go': (payload) => {
      const { id, step } = asObject(payload);
      return lab.goToLesson(asId(id), asStep(step));
    },
    'lesson:leave': (payload) => (asObject(payload), lab.leaveLesson()),
    'compare:start': (payload) => lab.compare.start(asObject(payload)),
    'compare:patch': (payload) => lab.compare.patch(asObject(payload)),
    'compare:stop': (payload) => (asObject(payload), lab.compare.stop()),
    'compare:keep-b': (payload) => (asObject(payload), lab.compare.keepB()),
    'leaks:reclaim': (payload) => (asObject(payload), { reclaimed: lab.reclaimLeaks() }),
  };
}

export function isControlEvent(event: unknown): event is ControlEvent {
  return (CONTROL_EVENTS as readonly unknown[]).includes(event);
}

function asObject(payload: unknown): Record<string, unknown> {
  if (payload === null || typeof payload !== 'object' || Array.isArray(payload)) {
    throw new LabError('INVALID_REQUEST', 'expected an object payload', 400, [{ path: '/', message: 'expected an object' }]);
  }
  return payload as Record<string, unknown>;
}

function asId(id: unknown): string {
  if (typeof id !== 'string' || id.length === 0 || id.length > 64) {
    throw new LabError('INVALID_REQUEST', 'expected { id: string }', 400, [{ path: '/id', message: 'expected a non-empty string' }]);
  }
  return id;
}

function asStep(step: unknown): number {
  if (typeof step !== 'number' || !Number.isInteger(step) || step < 1) {
    throw new LabError('INVALID_REQUEST', 'expected { id: string, step: integer from 1 }', 400, [
      { path: '/step', message: 'expected an integer from 1' },
    ]);
  }
  return step;
}

function asArm(arm: unknown): ArmScope {
  if (arm === undefined) return 'both';
  if (!(ARM_SCOPES as readonly unknown[]).includes(arm)) {
    throw new LabError('INVALID_REQUEST', 'arm must be "a", "b" or "both"', 400, [
      { path: '/arm', message: 'expected "a", "b" or "both"' },
    ]);
  }
  return arm as ArmScope;
}
