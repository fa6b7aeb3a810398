import { Type, type Static } from '@sinclair/typebox';

/** Knobs of an embedded echo target, all changeable while it runs. */
export const TargetKnobsSchema = Type.Object(
  {
    latencyMs: Type.Integer({
      title: 'Latency',
      minimum: 0,
      maximum: 60_000,
      default: 2,
      'x-unit': 'ms',
      'x-step': 1,
      description: 'Delay before each echo.',
    }),
    jitterMs: Type.Integer({
      title: 'Jitter',
      minimum: 0,
      maximum: 60_000,
      default: 1,
      'x-unit': 'ms',
      'x-step': 1,
      description: 'Latency varies uniformly by up to this much either way.',
    }),
    workers: Type.Integer({
      title: 'Workers',
      minimum: 0,
      maximum: 10_000,
      default: 0,
      'x-unit': 'workers',
      'x-step': 1,
      description: 'At most this many requests served at once; the rest queue (a worker-pool server). 0 = unlimited.',
    }),
    maxConnections: Type.Integer({
      title: 'Max connections',
      minimum: 0,
      maximum: 100_000,
      default: 0,
      'x-unit': 'connections',
      'x-step': 1,
      description:
        'Semaphore on accepted connections: an excess connection is accepted then closed at once (counted as refused). 0 = unlimited.',
    }),
    idleCloseMs: Type.Integer({
      title: 'Idle close',
      minimum: 0,
      maximum: 3_600_000,
      default: 0,
      'x-unit': 'ms',
      'x-step': 100,
      description: 'Close a connection that has been silent this long (what heartbeats beat). 0 = never.',
    }),
    down: Type.Boolean({
      title: 'Down',
      default: false,
      description: 'Listener closed: new connections are refused; open ones are dropped.',
    }),
    stall: Type.Boolean({ title: 'Stall', default: false, description: 'Accept and read, never answer.' }),
    reset: Type.Boolean({ title: 'Reset', default: false, description: 'Reset (RST) every connection, open and new.' }),
    dropRate: Type.Number({
      title: 'Drop rate',
      minimum: 0,
      maximum: 1,
      default: 0,
      'x-unit': 'fraction',
      'x-step': 0.01,
      description: "Probability that a request's connection is destroyed mid-request.",
    }),
    garbleRate: Type.Number({
      title: 'Garble rate',
      minimum: 0,
      maximum: 1,
      default: 0,
      'x-unit': 'fraction',
      'x-step': 0.01,
      description: 'Probability that a reply comes back with corrupted bytes.',
    }),
  },
  { additionalProperties: false },
);

export type TargetKnobs = Static<typeof TargetKnobsSchema>;

export const TargetKnobsPatchSchema = Type.Partial(TargetKnobsSchema, { additionalProperties: false });
export type TargetKnobsPatch = Static<typeof TargetKnobsPatchSchema>;
