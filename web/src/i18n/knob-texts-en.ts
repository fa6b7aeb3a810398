// Generated from the shared schemas by src/i18n/knob-texts.test.ts (`npx vitest run src/i18n/knob-texts.test.ts -u`):
// the schemas stay the one source of the English knob texts, and the first load carries no schema library.

export const KNOB_TEXTS_EN: Readonly<Record<string, { title: string; description: string }>> = {
  maxOpen: {
    title: 'Max open connections',
    description:
      'Hard cap on open connections (connecting, idle, validating and active). 0 = unlimited, like a bare channel pool (up to the lab socket budget, from the fd limit).',
  },
  maxIdle: {
    title: 'Max idle connections',
    description:
      'Idle connections kept for reuse; a release beyond this closes the connection (reason excess-idle). Effectively capped at Max open.',
  },
  minIdle: {
    title: 'Min idle connections',
    description: 'Connections dialled ahead of demand at start and refilled when idle ones close. Must not exceed Max idle or Max open.',
  },
  maxWaiters: {
    title: 'Max waiters',
    description: 'Bound on the wait queue; an acquire beyond it fails at once with POOL_QUEUE_FULL. 0 = unbounded.',
  },
  acquireTimeoutMs: {
    title: 'Acquire timeout',
    description: 'How long an acquire may wait for a connection before failing with POOL_ACQUIRE_TIMEOUT.',
  },
  dialTimeoutMs: {
    title: 'Dial timeout',
    description: 'How long a TCP connect may take before it counts as a dial failure.',
  },
  dialBackoffBaseMs: {
    title: 'Dial backoff base',
    description: 'First delay after a failed dial to a target; doubles per consecutive failure, with full jitter.',
  },
  dialBackoffMaxMs: {
    title: 'Dial backoff cap',
    description: 'Upper bound on the backoff delay between dials to a failing target.',
  },
  idleTimeoutMs: {
    title: 'Idle timeout',
    description: 'Idle connections older than this are closed by the reaper (reason idle-timeout), down to Min idle. 0 = never.',
  },
  maxLifetimeMs: {
    title: 'Max lifetime',
    description:
      'Connections are retired after this long, less a random part of up to Lifetime jitter, so they do not all expire at once. 0 = forever.',
  },
  maxLifetimeJitterPct: {
    title: 'Lifetime jitter',
    description:
      "Each connection's lifetime is shortened by a random share of Max lifetime up to this (HikariCP: up to 25 % since late 2024). 0 = every connection dialled together expires together.",
  },
  healthCheckMethod: {
    title: 'Health-check method',
    description:
      'ping: framed echo round trip. probe: socket state only, no bytes. naive-probe: the classic Go isHealthy bug (EOF counts as healthy). none: no checks.',
  },
  validateAfterIdleMs: {
    title: 'Validate after idle',
    description:
      'Check a connection on borrow only when it has been idle at least this long (0 = check every borrow, a connection handed straight to a waiter or freshly dialled included).',
  },
  heartbeatIntervalMs: {
    title: 'Heartbeat interval',
    description: "Idle connections are checked this often, which also keeps them alive past a target's idle close. 0 = off.",
  },
  healthCheckTimeoutMs: {
    title: 'Health-check timeout',
    description: 'A check that takes longer fails (a stalled peer).',
  },
  watchIdle: {
    title: 'Watch idle sockets',
    description:
      'Notice a remote close of an idle connection at once. Off: the pool learns of it only when a check or a borrower touches it, as in Go.',
  },
  idleOrder: {
    title: 'Idle order',
    description: 'lifo reuses the most recently released connection (hot set stays small); fifo spreads use over all idle connections.',
  },
  keepAlive: {
    title: 'TCP keepalive',
    description: 'SO_KEEPALIVE on pooled sockets.',
  },
  noDelay: {
    title: 'TCP no delay',
    description: "Disable Nagle's algorithm on pooled sockets.",
  },
  leakDetectionThresholdMs: {
    title: 'Leak detection threshold',
    description: 'A loan held longer than this is flagged as a leak suspect (HikariCP leakDetectionThreshold). 0 = off.',
  },
  shutdownGraceMs: {
    title: 'Shutdown grace',
    description: 'On close, how long outstanding loans may take to come back before their sockets are closed anyway.',
  },
  maxFrameBytes: {
    title: 'Max frame size',
    description: 'A reply declaring a longer frame is rejected (WIRE_FRAME_TOO_LARGE) instead of buffered.',
  },
  running: {
    title: 'Load running',
    description: 'Start or stop generating requests.',
  },
  mode: {
    title: 'Load mode',
    description:
      'closed: Concurrency workers loop acquire-request-hold-release-think. open: Poisson arrivals at Arrival rate, each one request.',
  },
  concurrency: {
    title: 'Concurrency',
    description: 'Closed-loop workers, each with at most one request in flight.',
  },
  ratePerSec: {
    title: 'Arrival rate',
    description: 'Open-loop mean arrival rate (Poisson).',
  },
  payloadBytes: {
    title: 'Payload size',
    description: 'Bytes echoed per request (up to 256 KiB, enough to split across reads).',
  },
  holdMs: {
    title: 'Hold time',
    description: 'How long a borrower keeps the connection after its reply, as if doing work.',
  },
  holdJitterMs: {
    title: 'Hold jitter',
    description: 'Hold time varies uniformly by up to this much either way.',
  },
  thinkMs: {
    title: 'Think time',
    description: 'Closed loop: pause between releasing and the next acquire.',
  },
  requestTimeoutMs: {
    title: 'Request timeout',
    description: 'A reply that takes longer ends the request as request-timeout and destroys the connection.',
  },
  framing: {
    title: 'Framing',
    description:
      'length-prefixed: 4-byte length + id + payload. none: bare payload, first read taken as the reply (the sticky-packet bug).',
  },
  leakRate: {
    title: 'Leak rate',
    description: 'Fraction of borrowers that never release their connection.',
  },
  latencyMs: {
    title: 'Latency',
    description: 'Delay before each echo.',
  },
  jitterMs: {
    title: 'Jitter',
    description: 'Latency varies uniformly by up to this much either way.',
  },
  workers: {
    title: 'Workers',
    description: 'At most this many requests served at once; the rest queue (a worker-pool server). 0 = unlimited.',
  },
  maxConnections: {
    title: 'Max connections',
    description:
      'Semaphore on accepted connections: an excess connection is accepted then closed at once (counted as refused). 0 = unlimited.',
  },
  idleCloseMs: {
    title: 'Idle close',
    description: 'Close a connection that has been silent this long (what heartbeats beat). 0 = never.',
  },
  down: {
    title: 'Down',
    description: 'Listener closed: new connections are refused; open ones are dropped.',
  },
  stall: {
    title: 'Stall',
    description: 'Accept and read, never answer.',
  },
  reset: {
    title: 'Reset',
    description: 'Reset (RST) every connection, open and new.',
  },
  dropRate: {
    title: 'Drop rate',
    description: "Probability that a request's connection is destroyed mid-request.",
  },
  garbleRate: {
    title: 'Garble rate',
    description: 'Probability that a reply comes back with corrupted bytes.',
  },
};
