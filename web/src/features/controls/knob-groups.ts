import { LOAD_KNOBS, POOL_KNOBS, type Knob } from '../../lib/knobs';

export interface KnobGroup {
  id: string;
  title: string;
  scope: 'pool' | 'load';
  knobs: Knob[];
  open: boolean;
}

const POOL_GROUPS: { id: string; title: string; names: string[]; open: boolean }[] = [
  { id: 'pool-size', title: 'Pool size', names: ['maxOpen', 'maxIdle', 'minIdle', 'maxWaiters'], open: true },
  {
    id: 'pool-timeouts',
    title: 'Timeouts and lifetimes',
    names: [
      'acquireTimeoutMs',
      'idleTimeoutMs',
      'maxLifetimeMs',
      'maxLifetimeJitterPct',
      'dialTimeoutMs',
      'dialBackoffBaseMs',
      'dialBackoffMaxMs',
    ],
    open: true,
  },
  {
    id: 'pool-health',
    title: 'Health checks',
    names: ['healthCheckMethod', 'validateAfterIdleMs', 'heartbeatIntervalMs', 'healthCheckTimeoutMs', 'watchIdle'],
    open: false,
  },
  {
    id: 'pool-sockets',
    title: 'Sockets, leaks and shutdown',
    names: ['idleOrder', 'keepAlive', 'noDelay', 'leakDetectionThresholdMs', 'shutdownGraceMs', 'maxFrameBytes'],
    open: false,
  },
];

/** Pool knobs in teaching order; any knob the schema gains later lands in "More" rather than vanishing. */
export function knobGroups(): KnobGroup[] {
  const placed = new Set(POOL_GROUPS.flatMap((g) => g.names));
  const pick = (names: string[]) => names.map((n) => POOL_KNOBS.find((k) => k.name === n)).filter((k): k is Knob => k !== undefined);
  const groups: KnobGroup[] = [
    { id: 'load', title: 'Load', scope: 'load', knobs: [...LOAD_KNOBS], open: true },
    ...POOL_GROUPS.map((g) => ({ id: g.id, title: g.title, scope: 'pool' as const, knobs: pick(g.names), open: g.open })),
  ];
  const rest = POOL_KNOBS.filter((k) => !placed.has(k.name));
  if (rest.length > 0) groups.push({ id: 'pool-more', title: 'More pool knobs', scope: 'pool', knobs: rest, open: false });
  return groups;
}

export function defaultsOf(knobs: readonly Knob[]): Record<string, unknown> {
  return Object.fromEntries(knobs.map((k) => [k.name, k.defaultValue]));
}
