import { Type, type TSchema } from '@sinclair/typebox';
import { LoadConfigSchema } from './load-config';
import { HEALTH_CHECK_METHODS, PoolConfigSchema } from './pool-config';
import { MARKER_CODES, MARKER_KINDS } from './snapshot';
import type { CompareSnapshot } from './compare';
import { TargetKnobsSchema } from './target-config';
import { CLOSE_REASONS, CONNECTION_STATES, REQUEST_OUTCOMES, TARGET_STATES } from './vocabulary';

/**
 * The snapshot's shape as TypeBox, for the OpenAPI page (GET /api/snapshot, the target routes).
 * The types in snapshot.ts stay the source the code is written against; snapshot-schema.test.ts
 * proves the two say the same (each assignable to the other), and the server's route test checks
 * a live snapshot against this schema, so neither can drift silently.
 */
const strict = <T extends Record<string, TSchema>>(properties: T, description?: string) =>
  Type.Object(properties, { additionalProperties: false, ...(description ? { description } : {}) });
const union = <K extends readonly string[]>(names: K) => Type.Union(names.map((name: K[number]) => Type.Literal(name)));
const countsBy = <K extends readonly string[]>(names: K) =>
  strict(Object.fromEntries(names.map((name) => [name, Type.Number()])) as Record<K[number], ReturnType<typeof Type.Number>>);

const PercentilesSchema = strict({
  p50: Type.Number(),
  p90: Type.Number(),
  p99: Type.Number(),
  max: Type.Number(),
  mean: Type.Number(),
  count: Type.Number(),
});

export const PoolGaugesSchema = strict({
  open: Type.Number(),
  idle: Type.Number(),
  active: Type.Number(),
  connecting: Type.Number(),
  validating: Type.Number(),
  closing: Type.Number(),
  waiting: Type.Number(),
  maxOpen: Type.Number(),
  minIdle: Type.Number(),
  maxIdle: Type.Number(),
  oldestWaitMs: Type.Number(),
  leakSuspects: Type.Number(),
  socketBudget: Type.Number({ description: 'Sockets the pool may hold at once, from the fd limit (0 = no budget)' }),
});

const counterFields = {
  acquires: Type.Number(),
  acquiresWaited: Type.Number(),
  acquireTimeouts: Type.Number(),
  rejected: Type.Number(),
  dials: Type.Number(),
  dialFailures: Type.Number(),
  healthChecksPassed: Type.Number(),
  healthChecksFailed: Type.Number(),
  staleBorrows: Type.Number(),
  requestsStarted: Type.Number(),
  closed: countsBy(CLOSE_REASONS),
  requests: countsBy(REQUEST_OUTCOMES),
};

export const CountersSchema = strict(counterFields, 'Monotonic counters since the lab started; `rates` has the same keys per second');

export const TotalsSchema = strict({
  ...counterFields,
  requestsInFlight: Type.Number(),
  dialFailuresByCode: Type.Record(Type.String(), Type.Number()),
  healthChecksByMethod: strict(
    Object.fromEntries(HEALTH_CHECK_METHODS.map((m) => [m, strict({ passed: Type.Number(), failed: Type.Number() })])) as Record<
      (typeof HEALTH_CHECK_METHODS)[number],
      ReturnType<typeof strict<{ passed: ReturnType<typeof Type.Number>; failed: ReturnType<typeof Type.Number> }>>
    >,
  ),
});

export const LatencySummarySchema = strict({
  acquireWaitMs: PercentilesSchema,
  rttMs: PercentilesSchema,
  dialMs: PercentilesSchema,
  holdMs: PercentilesSchema,
  healthCheckMs: PercentilesSchema,
  lifespanMs: PercentilesSchema,
});

const HistogramBucketSchema = strict({ upToMs: Type.Number(), count: Type.Number() });

const TargetServerCountersSchema = strict({
  connectionsOpen: Type.Number(),
  connectionsAccepted: Type.Number(),
  connectionsRefused: Type.Number(),
  requestsServed: Type.Number(),
  requestsQueued: Type.Number(),
  bytesIn: Type.Number(),
  bytesOut: Type.Number(),
});

export const TargetSnapshotSchema = strict(
  {
    id: Type.String(),
    address: Type.String(),
    embedded: Type.Boolean(),
    state: union(TARGET_STATES),
    open: Type.Number(),
    healthChecksFailed: Type.Number(),
    dialFailures: Type.Number(),
    requestsPerSec: Type.Number(),
    lastError: Type.Union([Type.String(), Type.Null()]),
    knobs: Type.Union([TargetKnobsSchema, Type.Null()], { description: 'Embedded targets only' }),
    server: Type.Union([TargetServerCountersSchema, Type.Null()], { description: 'Counted by an embedded target itself' }),
  },
  'A target: its state and counters as the pool sees it, and for an embedded one its knobs and its own counters',
);

const ConnectionSnapshotSchema = strict({
  id: Type.Number(),
  targetId: Type.String(),
  state: union(CONNECTION_STATES),
  ageMs: Type.Number(),
  idleMs: Type.Number(),
  uses: Type.Number(),
});

const ClosedConnectionSnapshotSchema = strict({
  id: Type.Number(),
  targetId: Type.String(),
  reason: union(CLOSE_REASONS),
  closedAt: Type.Number(),
  ageMs: Type.Number(),
  uses: Type.Number(),
});

const LeakSuspectSnapshotSchema = strict({
  connectionId: Type.Number(),
  targetId: Type.String(),
  heldMs: Type.Number(),
  borrowedAt: Type.Number(),
});

const KnobValueSchema = Type.Union([Type.String(), Type.Number(), Type.Boolean()]);
const MarkerSchema = strict({
  id: Type.Number(),
  t: Type.Number(),
  kind: union(MARKER_KINDS),
  label: Type.String(),
  code: Type.Optional(union(MARKER_CODES)),
  params: Type.Optional(Type.Record(Type.String(), Type.Union([Type.String(), Type.Number()]))),
  changes: Type.Optional(Type.Array(strict({ knob: Type.String(), from: Type.Optional(KnobValueSchema), to: KnobValueSchema }))),
});

export const SnapshotSchema = strict(
  {
    seq: Type.Number(),
    t: Type.Number({ description: 'Wall-clock milliseconds since the epoch when the snapshot was taken' }),
    pool: PoolGaugesSchema,
    totals: TotalsSchema,
    rates: CountersSchema,
    latency: LatencySummarySchema,
    waitHistogram: Type.Array(HistogramBucketSchema),
    targets: Type.Array(TargetSnapshotSchema),
    connections: Type.Array(ConnectionSnapshotSchema, { description: 'Capped; connectionCounts covers every connection' }),
    connectionCounts: strict({
      total: Type.Number(),
      listed: Type.Number(),
      byTargetAndState: Type.Record(Type.String(), Type.Partial(countsBy(CONNECTION_STATES))),
    }),
    recentlyClosed: Type.Array(ClosedConnectionSnapshotSchema),
    leakSuspects: Type.Array(LeakSuspectSnapshotSchema),
    markers: Type.Array(MarkerSchema),
    config: strict({ pool: PoolConfigSchema, load: LoadConfigSchema }),
    scenarioId: Type.Union([Type.String(), Type.Null()]),
    lesson: Type.Union([strict({ id: Type.String(), step: Type.Integer({ minimum: 1 }) }), Type.Null()], {
      description: 'The lesson step every dashboard follows',
    }),
    // Arm B has the same shapes as A's fields above; described in docs/API.md (Compare) rather than repeated here.
    compare: Type.Union([
      Type.Unsafe<CompareSnapshot>(Type.Object({}, { description: 'Arm B and the comparison state (shared/src/compare.ts)' })),
      Type.Null(),
    ]),
    eventsDropped: Type.Number({ description: 'Events left out of the stream since start (past 500 a tick)' }),
    viewers: Type.Number({ description: "Dashboards connected to the lab's own Socket.IO endpoint" }),
    relayViewers: Type.Number({ description: 'Viewers on relays, as the relays last reported them through Redis' }),
  },
  'One sample of the lab, the same object the Socket.IO stream sends as `snapshot`',
);
