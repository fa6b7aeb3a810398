import { Type, type Static } from '@sinclair/typebox';

/**
 * The pool's knobs: one schema that the engine validates against, the REST docs describe
 * and the dashboard builds its sliders from. `title` is the slider's visible label,
 * `x-unit` its unit, `x-step` its step.
 */
const ms = (title: string, min: number, max: number, defaultMs: number, description: string) =>
  Type.Integer({ title, minimum: min, maximum: max, default: defaultMs, description, 'x-unit': 'ms', 'x-step': stepFor(max) });

function stepFor(max: number): number {
  if (max >= 600_000) return 1000;
  if (max >= 60_000) return 100;
  if (max >= 10_000) return 10;
  return 1;
}

export const HEALTH_CHECK_METHODS = ['ping', 'probe', 'naive-probe', 'none'] as const;
export type HealthCheckMethod = (typeof HEALTH_CHECK_METHODS)[number];

export const IDLE_ORDERS = ['lifo', 'fifo'] as const;
export type IdleOrder = (typeof IDLE_ORDERS)[number];

export const PoolConfigSchema = Type.Object(
  {
    maxOpen: Type.Integer({
      title: 'Max open connections',
      minimum: 0,
      maximum: 5000,
      default: 10,
      'x-unit': 'connections',
      'x-step': 1,
      description:
        'Hard cap on open connections (connecting, idle, validating and active). 0 = unlimited, like a bare channel pool (up to the lab socket budget, from the fd limit).',
    }),
    maxIdle: Type.Integer({
      title: 'Max idle connections',
      minimum: 0,
      maximum: 5000,
      default: 10,
      'x-unit': 'connections',
      'x-step': 1,
      description:
        'Idle connections kept for reuse; a release beyond this closes the connection (reason excess-idle). Effectively capped at Max open.',
    }),
    minIdle: Type.Integer({
      title: 'Min idle connections',
      minimum: 0,
      maximum: 5000,
      default: 2,
      'x-unit': 'connections',
      'x-step': 1,
      description: 'Connections dialled ahead of demand at start and refilled when idle ones close. Must not exceed Max idle or Max open.',
    }),
    maxWaiters: Type.Integer({
      title: 'Max waiters',
      minimum: 0,
      maximum: 100_000,
      default: 1000,
      'x-unit': 'waiters',
      'x-step': 1,
      description: 'Bound on the wait queue; an acquire beyond it fails at once with POOL_QUEUE_FULL. 0 = unbounded.',
    }),
    acquireTimeoutMs: ms(
      'Acquire timeout',
      1,
      60_000,
      2000,
      'How long an acquire may wait for a connection before failing with POOL_ACQUIRE_TIMEOUT.',
    ),
    dialTimeoutMs: ms('Dial timeout', 10, 30_000, 1000, 'How long a TCP connect may take before it counts as a dial failure.'),
    dialBackoffBaseMs: ms(
      'Dial backoff base',
      0,
      10_000,
      100,
      'First delay after a failed dial to a target; doubles per consecutive failure, with full jitter.',
    ),
    dialBackoffMaxMs: ms('Dial backoff cap', 0, 60_000, 5000, 'Upper bound on the backoff delay between dials to a failing target.'),
    idleTimeoutMs: ms(
      'Idle timeout',
      0,
      600_000,
      30_000,
      'Idle connections older than this are closed by the reaper (reason idle-timeout), down to Min idle. 0 = never.',
    ),
    maxLifetimeMs: ms(
      'Max lifetime',
      0,
      3_600_000,
      300_000,
      'Connections are retired after this long, less a random part of up to Lifetime jitter, so they do not all expire at once. 0 = forever.',
    ),
    maxLifetimeJitterPct: Type.Integer({
      title: 'Lifetime jitter',
      minimum: 0,
      maximum: 50,
      default: 10,
      'x-unit': '%',
      'x-step': 1,
      description:
        "Each connection's lifetime is shortened by a random share of Max lifetime up to this (HikariCP: up to 25 % since late 2024). 0 = every connection dialled together expires together.",
    }),
    healthCheckMethod: Type.Union(
      HEALTH_CHECK_METHODS.map((m) => Type.Literal(m)),
      {
        title: 'Health-check method',
        default: 'ping',
        description:
          'ping: framed echo round trip. probe: socket state only, no bytes. naive-probe: the classic Go isHealthy bug (EOF counts as healthy). none: no checks.',
      },
    ),
    validateAfterIdleMs: ms(
      'Validate after idle',
      0,
      600_000,
      500,
      'Check a connection on borrow only when it has been idle at least this long (0 = check every borrow, a connection handed straight to a waiter or freshly dialled included).',
    ),
    heartbeatIntervalMs: ms(
      'Heartbeat interval',
      0,
      600_000,
      5000,
      "Idle connections are checked this often, which also keeps them alive past a target's idle close. 0 = off.",
    ),
    healthCheckTimeoutMs: ms('Health-check timeout', 10, 30_000, 500, 'A check that takes longer fails (a stalled peer).'),
    watchIdle: Type.Boolean({
      title: 'Watch idle sockets',
      default: true,
      description:
        'Notice a remote close of an idle connection at once. Off: the pool learns of it only when a check or a borrower touches it, as in Go.',
    }),
    idleOrder: Type.Union(
      IDLE_ORDERS.map((o) => Type.Literal(o)),
      {
        title: 'Idle order',
        default: 'lifo',
        description: 'lifo reuses the most recently released connection (hot set stays small); fifo spreads use over all idle connections.',
      },
    ),
    keepAlive: Type.Boolean({ title: 'TCP keepalive', default: true, description: 'SO_KEEPALIVE on pooled sockets.' }),
    noDelay: Type.Boolean({ title: 'TCP no delay', default: true, description: "Disable Nagle's algorithm on pooled sockets." }),
    leakDetectionThresholdMs: ms(
      'Leak detection threshold',
      0,
      600_000,
      0,
      'A loan held longer than this is flagged as a leak suspect (HikariCP leakDetectionThreshold). 0 = off.',
    ),
    shutdownGraceMs: ms(
      'Shutdown grace',
      0,
      60_000,
      5000,
      'On close, how long outstanding loans may take to come back before their sockets are closed anyway.',
    ),
    maxFrameBytes: Type.Integer({
      title: 'Max frame size',
      minimum: 1024,
      maximum: 16 * 1024 * 1024,
      default: 1024 * 1024,
      'x-unit': 'bytes',
      'x-step': 1024,
      description: 'A reply declaring a longer frame is rejected (WIRE_FRAME_TOO_LARGE) instead of buffered.',
    }),
  },
  { additionalProperties: false },
);

export type PoolConfig = Static<typeof PoolConfigSchema>;

export const PoolConfigPatchSchema = Type.Partial(PoolConfigSchema, { additionalProperties: false });
export type PoolConfigPatch = Static<typeof PoolConfigPatchSchema>;
