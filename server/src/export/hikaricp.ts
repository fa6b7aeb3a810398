import type { PoolConfig } from '@poolscope/shared/pool-config';
import { ImportParseError } from './import-parse-error';
import { ImportPatch, labMaximum } from './import-patch';
import { KnobNotes } from './knob-notes';
import { maxOpenOrLargest, noUnlimitedMessage, type PoolLibrary } from './pool-library';
import { parseProperties, requireNumber } from './text-formats';
import { humanMs } from './units';

const TITLE = 'HikariCP';

// HikariConfig.validateNumerics() rewrites these silently (a log line at most): HikariCP 6.x.
const TIMEOUT_FLOOR_MS = 250;
const IDLE_FLOOR_MS = 10_000;
const LIFETIME_FLOOR_MS = 30_000;
const KEEPALIVE_FLOOR_MS = 30_000;
const LEAK_FLOOR_MS = 2000;
const ALIVE_BYPASS_WINDOW_MS = 500;

/** `.properties` for `new HikariConfig(Properties)`: one property per knob that HikariCP has. */
export const hikaricp: PoolLibrary = {
  id: 'hikaricp',
  title: TITLE,
  format: 'properties',
  exportPool(c: PoolConfig) {
    const notes = new KnobNotes(TITLE);
    const props: [string, number][] = [];
    const maximumPoolSize = maxOpenOrLargest(c.maxOpen);
    props.push(['maximumPoolSize', maximumPoolSize]);
    if (c.maxOpen === 0) notes.approximate('maxOpen', noUnlimitedMessage(TITLE, 'maximumPoolSize'));
    else notes.exact('maxOpen', 'maximumPoolSize: the cap on all connections, in use or idle.');
    props.push(['minimumIdle', c.minIdle]);
    notes.exact('minIdle', 'minimumIdle: the housekeeper (every 30 s) and each close refill idle connections up to it.');
    notes.none('maxIdle', 'HikariCP keeps every returned connection; the pool shrinks toward minimumIdle only through idleTimeout.');
    notes.none('maxWaiters', 'HikariCP has no bound on waiting threads; each waits up to connectionTimeout.');

    props.push(['connectionTimeout', Math.max(TIMEOUT_FLOOR_MS, c.acquireTimeoutMs)]);
    if (c.acquireTimeoutMs < TIMEOUT_FLOOR_MS) {
      notes.approximate(
        'acquireTimeoutMs',
        `${c.acquireTimeoutMs} ms is under HikariCP's ${TIMEOUT_FLOOR_MS} ms floor: ` +
          `setConnectionTimeout() throws for it ` +
          `(and a value that reaches validate() another way becomes 30000 ms), so the export writes ${TIMEOUT_FLOOR_MS}.`,
      );
    } else {
      notes.exact(
        'acquireTimeoutMs',
        'connectionTimeout: how long getConnection() waits (it also bounds creating a connection ' + 'on that path).',
      );
    }
    notes.approximate(
      'dialTimeoutMs',
      `HikariCP has no dial timeout of its own: it sets the driver's loginTimeout to max(1 s, ` +
        `connectionTimeout + 0.5 s). Give the JDBC driver its connect timeout (pgjdbc: dataSource.connectTimeout, in seconds: ` +
        `${Math.ceil(c.dialTimeoutMs / 1000)}).`,
    );

    props.push(['idleTimeout', c.idleTimeoutMs]);
    notes.add('idleTimeoutMs', ...idleTimeoutNote(c));
    props.push(['maxLifetime', c.maxLifetimeMs]);
    if (c.maxLifetimeMs > 0 && c.maxLifetimeMs < LIFETIME_FLOOR_MS) {
      notes.approximate(
        'maxLifetimeMs',
        `maxLifetime ${humanMs(c.maxLifetimeMs)} is under HikariCP's 30 s floor: HikariCP will ` +
          `use 30 min instead. Export with a scale, or raise it.`,
      );
    } else {
      notes.approximate(
        'maxLifetimeMs',
        'maxLifetime (0 = forever, as in the lab): HikariCP subtracts its own variance (up to ' +
          `2.5 % in 6.0, 25 % since late 2024) where the lab subtracts up to ${c.maxLifetimeJitterPct} %, and never retires a connection in use.`,
      );
    }
    notes.approximate(
      'maxLifetimeJitterPct',
      "HikariCP's lifetime variance is fixed (system property lifeTimeVarianceFactor since late 2024), " + 'not a pool property.',
    );
    props.push(['validationTimeout', Math.max(TIMEOUT_FLOOR_MS, c.healthCheckTimeoutMs)]);
    if (c.healthCheckTimeoutMs < TIMEOUT_FLOOR_MS) {
      notes.approximate(
        'healthCheckTimeoutMs',
        `${c.healthCheckTimeoutMs} ms is under HikariCP's ${TIMEOUT_FLOOR_MS} ms floor: ` +
          `setValidationTimeout() throws for it ` +
          `(validate() would make it 5000 ms), so the export writes ${TIMEOUT_FLOOR_MS}.`,
      );
    } else {
      notes.exact(
        'healthCheckTimeoutMs',
        'validationTimeout: how long an isValid() (or connectionTestQuery) check may take; ' + 'keep it under connectionTimeout.',
      );
    }
    notes.add('heartbeatIntervalMs', ...keepaliveNote(c));
    if (c.heartbeatIntervalMs > 0) props.push(['keepaliveTime', c.heartbeatIntervalMs]);
    notes.add(
      'validateAfterIdleMs',
      c.validateAfterIdleMs === ALIVE_BYPASS_WINDOW_MS ? 'exact' : 'approximate',
      `HikariCP validates on borrow when the connection has been idle over ${ALIVE_BYPASS_WINDOW_MS} ms; that window is the JVM ` +
        `system property ` +
        `-Dcom.zaxxer.hikari.aliveBypassWindowMs=${c.validateAfterIdleMs}, not a pool property.`,
    );
    notes.add(
      'healthCheckMethod',
      c.healthCheckMethod === 'ping' ? 'exact' : 'approximate',
      c.healthCheckMethod === 'ping'
        ? 'HikariCP checks with Connection.isValid() (a round trip), or connectionTestQuery for old drivers.'
        : `HikariCP always checks with a round trip (isValid()); it has no ${c.healthCheckMethod} mode.`,
    );
    notes.none('idleOrder', 'Fixed: a thread reuses the connection it last used, then scans the shared list; waiters are served fairly.');
    notes.none('watchIdle', 'HikariCP notices a dead idle connection only when a borrow validates it or keepaliveTime checks it.');
    notes.none(
      'keepAlive',
      "SO_KEEPALIVE is the JDBC driver's setting (pgjdbc: dataSource.tcpKeepAlive=true); HikariCP's " + 'README asks for it.',
    );
    if (c.leakDetectionThresholdMs > 0) props.push(['leakDetectionThreshold', c.leakDetectionThresholdMs]);
    notes.add('leakDetectionThresholdMs', ...leakNote(c));
    notes.none(
      'shutdownGraceMs',
      'HikariDataSource.close() evicts idle connections and closes in-use ones as they return; the ' + 'wait is not configurable.',
    );

    const text =
      [
        '# Poolscope export for HikariCP: new HikariConfig(properties); add jdbcUrl, username, password.',
        ...props.map(([key, value]) => `${key}=${value}`),
      ].join('\n') + '\n';
    return { text, notes: notes.finish() };
  },
  importText(text: string) {
    const patch = new ImportPatch();
    const seen = new Map<string, number>();
    for (const { key, value, line } of parseProperties(text)) {
      const name = key.replace(/^hikari\./, '');
      if (!(name in IMPORTERS)) {
        patch.note(name, 'none', `line ${line}: ${name} has no lab knob; ignored.`);
        continue;
      }
      seen.set(name, requireNumber(value, name, line));
    }
    if (seen.size === 0 && patch.result().notes.length === 0) throw new ImportParseError(1, 'no properties found');
    for (const [name, value] of seen) IMPORTERS[name]!(patch, value);
    return patch.result();
  },
};

/** maxLifetime as HikariCP will hold it: validateNumerics() checks the others against this. */
const effectiveLifetimeMs = (c: PoolConfig) => (c.maxLifetimeMs !== 0 && c.maxLifetimeMs < LIFETIME_FLOOR_MS ? 1_800_000 : c.maxLifetimeMs);

/** The same checks, in the same order, as HikariConfig.validateNumerics(). */
function idleTimeoutNote(c: PoolConfig): ['exact' | 'approximate', string] {
  const lifetime = effectiveLifetimeMs(c);
  const fixedSize = c.minIdle >= maxOpenOrLargest(c.maxOpen);
  if (c.idleTimeoutMs === 0) return ['exact', 'idleTimeout 0: idle connections are never retired, as in the lab.'];
  if (fixedSize)
    return [
      'approximate',
      'minimumIdle = maximumPoolSize makes a fixed-size pool: HikariCP ignores idleTimeout ' +
        '(the lab would close idle ones above minIdle).',
    ];
  if (c.idleTimeoutMs + 1000 > lifetime && lifetime > 0) {
    return ['approximate', 'idleTimeout within 1 s of (or over) maxLifetime: HikariCP disables idleTimeout (0) and relies on maxLifetime.'];
  }
  if (c.idleTimeoutMs < IDLE_FLOOR_MS) {
    return [
      'approximate',
      `idleTimeout ${humanMs(c.idleTimeoutMs)} is under HikariCP's 10 s floor: HikariCP will use 10 min ` +
        `instead. Export with a scale, or raise it.`,
    ];
  }
  return [
    'approximate',
    'idleTimeout: checked by the housekeeper every 30 s, so a connection may idle up to ~30 s longer; only ' + 'above minimumIdle.',
  ];
}

function keepaliveNote(c: PoolConfig): ['exact' | 'approximate' | 'none', string] {
  if (c.heartbeatIntervalMs === 0)
    return [
      'exact',
      "keepaliveTime left out: 0 was HikariCP's default before 6.x (later " +
        'versions default to 2 min; set keepaliveTime=0 to match the lab).',
    ];
  if (c.heartbeatIntervalMs < KEEPALIVE_FLOOR_MS) {
    return [
      'approximate',
      `keepaliveTime ${humanMs(c.heartbeatIntervalMs)} is under HikariCP's 30 s floor: HikariCP will ` +
        `disable keepalive. Export with a scale, or raise it.`,
    ];
  }
  if (effectiveLifetimeMs(c) > 0 && c.heartbeatIntervalMs >= effectiveLifetimeMs(c)) {
    return ['approximate', 'keepaliveTime ≥ maxLifetime: HikariCP will disable keepalive.'];
  }
  return ['exact', 'keepaliveTime: each idle connection is checked this often (HikariCP 4.0.1+; minus up to 10 % variance).'];
}

function leakNote(c: PoolConfig): ['exact' | 'approximate', string] {
  const t = c.leakDetectionThresholdMs;
  if (t === 0) return ['exact', 'leakDetectionThreshold 0 (off), as in the lab.'];
  if (t < LEAK_FLOOR_MS)
    return ['approximate', `leakDetectionThreshold ${t} ms is under HikariCP's 2 s floor: HikariCP will ` + `disable leak detection.`];
  if (effectiveLifetimeMs(c) > 0 && t > effectiveLifetimeMs(c))
    return ['approximate', 'leakDetectionThreshold > maxLifetime: ' + 'HikariCP will disable leak detection.'];
  return [
    'exact',
    "leakDetectionThreshold: a loan held longer logs a warning with the borrower's stack; like the lab, nothing " + 'is reclaimed.',
  ];
}

type Importer = (patch: ImportPatch, value: number) => void;

const IMPORTERS: Record<string, Importer> = {
  maximumPoolSize: (p, v) => {
    p.number('maxOpen', v, 'exact', 'maximumPoolSize → maxOpen.');
    p.number('maxIdle', v, 'approximate', 'HikariCP keeps every returned connection: maxIdle = maximumPoolSize.');
  },
  minimumIdle: (p, v) => {
    p.number('minIdle', v, 'exact', 'minimumIdle → minIdle.');
  },
  connectionTimeout: (p, v) => {
    if (v === 0)
      p.number(
        'acquireTimeoutMs',
        labMaximum('acquireTimeoutMs'),
        'approximate',
        'connectionTimeout 0 waits ' + 'forever; the lab has no forever, so its largest value.',
      );
    else if (v < TIMEOUT_FLOOR_MS)
      p.number(
        'acquireTimeoutMs',
        v,
        'approximate',
        `connectionTimeout ${v} ms: HikariCP refuses ` + `values under ${TIMEOUT_FLOOR_MS} ms.`,
      );
    else p.number('acquireTimeoutMs', v, 'exact', 'connectionTimeout → acquireTimeoutMs.');
  },
  idleTimeout: (p, v) => {
    if (v > 0 && v < IDLE_FLOOR_MS)
      p.number('idleTimeoutMs', 600_000, 'approximate', `idleTimeout ${v} ms is under HikariCP's ` + `floor; it runs with 10 min.`);
    else
      p.number(
        'idleTimeoutMs',
        v,
        'approximate',
        "idleTimeout → idleTimeoutMs (HikariCP checks every 30 s; the lab's " + 'reaper is prompter).',
      );
  },
  maxLifetime: (p, v) => {
    if (v > 0 && v < LIFETIME_FLOOR_MS)
      p.number('maxLifetimeMs', 1_800_000, 'approximate', `maxLifetime ${v} ms is under ` + `HikariCP's floor; it runs with 30 min.`);
    else p.number('maxLifetimeMs', v, 'approximate', "maxLifetime → maxLifetimeMs (the lab's jitter is up to 10 %, HikariCP's its own).");
  },
  validationTimeout: (p, v) => {
    p.number('healthCheckTimeoutMs', v, 'exact', 'validationTimeout → healthCheckTimeoutMs.');
  },
  keepaliveTime: (p, v) => {
    if (v > 0 && v < KEEPALIVE_FLOOR_MS)
      p.number('heartbeatIntervalMs', 0, 'approximate', `keepaliveTime ${v} ms is under ` + `HikariCP's floor; HikariCP disables it.`);
    else p.number('heartbeatIntervalMs', v, 'exact', 'keepaliveTime → heartbeatIntervalMs.');
  },
  leakDetectionThreshold: (p, v) => {
    if (v > 0 && v < LEAK_FLOOR_MS)
      p.number(
        'leakDetectionThresholdMs',
        0,
        'approximate',
        `leakDetectionThreshold ${v} ms is ` + `under HikariCP's floor; HikariCP disables it.`,
      );
    else p.number('leakDetectionThresholdMs', v, 'exact', 'leakDetectionThreshold → leakDetectionThresholdMs.');
  },
};
