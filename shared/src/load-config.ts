import { Type, type Static } from '@sinclair/typebox';

export const LOAD_MODES = ['closed', 'open'] as const;
export type LoadMode = (typeof LOAD_MODES)[number];

export const FRAMINGS = ['length-prefixed', 'none'] as const;
export type Framing = (typeof FRAMINGS)[number];

/** The load generator's knobs; same conventions as PoolConfigSchema. */
export const LoadConfigSchema = Type.Object(
  {
    running: Type.Boolean({ title: 'Load running', default: true, description: 'Start or stop generating requests.' }),
    mode: Type.Union(
      LOAD_MODES.map((m) => Type.Literal(m)),
      {
        title: 'Load mode',
        default: 'closed',
        description:
          'closed: Concurrency workers loop acquire-request-hold-release-think. open: Poisson arrivals at Arrival rate, each one request.',
      },
    ),
    concurrency: Type.Integer({
      title: 'Concurrency',
      minimum: 0,
      maximum: 2000,
      default: 8,
      'x-unit': 'workers',
      'x-step': 1,
      description: 'Closed-loop workers, each with at most one request in flight.',
    }),
    ratePerSec: Type.Number({
      title: 'Arrival rate',
      minimum: 0,
      maximum: 20_000,
      default: 100,
      'x-unit': 'req/s',
      'x-step': 1,
      description: 'Open-loop mean arrival rate (Poisson).',
    }),
    payloadBytes: Type.Integer({
      title: 'Payload size',
      minimum: 1,
      maximum: 262_144,
      default: 64,
      'x-unit': 'bytes',
      'x-step': 1,
      description: 'Bytes echoed per request (up to 256 KiB, enough to split across reads).',
    }),
    holdMs: Type.Integer({
      title: 'Hold time',
      minimum: 0,
      maximum: 60_000,
      default: 20,
      'x-unit': 'ms',
      'x-step': 1,
      description: 'How long a borrower keeps the connection after its reply, as if doing work.',
    }),
    holdJitterMs: Type.Integer({
      title: 'Hold jitter',
      minimum: 0,
      maximum: 60_000,
      default: 10,
      'x-unit': 'ms',
      'x-step': 1,
      description: 'Hold time varies uniformly by up to this much either way.',
    }),
    thinkMs: Type.Integer({
      title: 'Think time',
      minimum: 0,
      maximum: 60_000,
      default: 50,
      'x-unit': 'ms',
      'x-step': 1,
      description: 'Closed loop: pause between releasing and the next acquire.',
    }),
    requestTimeoutMs: Type.Integer({
      title: 'Request timeout',
      minimum: 10,
      maximum: 120_000,
      default: 5000,
      'x-unit': 'ms',
      'x-step': 10,
      description: 'A reply that takes longer ends the request as request-timeout and destroys the connection.',
    }),
    framing: Type.Union(
      FRAMINGS.map((f) => Type.Literal(f)),
      {
        title: 'Framing',
        default: 'length-prefixed',
        description:
          'length-prefixed: 4-byte length + id + payload. none: bare payload, first read taken as the reply (the sticky-packet bug).',
      },
    ),
    leakRate: Type.Number({
      title: 'Leak rate',
      minimum: 0,
      maximum: 1,
      default: 0,
      'x-unit': 'fraction',
      'x-step': 0.01,
      description: 'Fraction of borrowers that never release their connection.',
    }),
  },
  { additionalProperties: false },
);

export type LoadConfig = Static<typeof LoadConfigSchema>;

export const LoadConfigPatchSchema = Type.Partial(LoadConfigSchema, { additionalProperties: false });
export type LoadConfigPatch = Static<typeof LoadConfigPatchSchema>;
