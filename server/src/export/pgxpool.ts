import type { PoolConfig } from '@poolscope/shared/pool-config';
import { ImportParseError } from './import-parse-error';
import { ImportPatch } from './import-patch';
import { KnobNotes } from './knob-notes';
import { maxOpenOrLargest, noUnlimitedMessage, type PoolLibrary } from './pool-library';
import { clip } from './text-formats';
import { goDurationExpr, goDurationString, parseGoDuration } from './units';

const TITLE = 'pgxpool';
const CONN_STRING_BASE = 'postgres://user:password@localhost:5432/db';

/**
 * The lab retires a connection at lifetime minus up to 10 %; pgx at MaxConnLifetime plus up to
 * MaxConnLifetimeJitter. 90 % plus up to 10 % is the same window.
 */
/** The lab retires a connection between (1 − jitter) × lifetime and lifetime; pgx between lifetime and lifetime + jitter. */
export const lifetimeSplit = (lifetimeMs: number, jitterPct = 10) => {
  const baseMs = Math.round(lifetimeMs * (1 - jitterPct / 100));
  return { baseMs, jitterMs: lifetimeMs - baseMs };
};

/** A connection string with pool_* parameters, then Go for what only pgxpool.Config takes. */
export const pgxpool: PoolLibrary = {
  id: 'pgxpool',
  title: TITLE,
  format: 'connection-string+go',
  exportPool(c: PoolConfig) {
    const notes = new KnobNotes(TITLE);
    const params: [string, string][] = [
      ['pool_max_conns', String(maxOpenOrLargest(c.maxOpen))],
      ['pool_min_idle_conns', String(c.minIdle)],
    ];
    if (c.maxOpen === 0) notes.approximate('maxOpen', noUnlimitedMessage(TITLE, 'pool_max_conns'));
    else notes.exact('maxOpen', 'pool_max_conns (MaxConns): the cap on connections, idle or acquired.');
    notes.exact(
      'minIdle',
      'pool_min_idle_conns (MinIdleConns, pgx 5.7.3+; older pgx passes an unknown pool_ parameter to the server, ' +
        'which refuses it): refilled on each health check tick or soon after a close.',
    );
    notes.none('maxIdle', 'pgxpool keeps every released connection until pool_max_conn_idle_time.');
    notes.none('maxWaiters', "pgxpool's waiters are unbounded.");
    notes.approximate(
      'acquireTimeoutMs',
      `pgxpool has no acquire timeout: pass a context with a deadline to Acquire (it covers ` + `the wait and any connect).`,
    );
    const connectSeconds = Math.ceil(c.dialTimeoutMs / 1000);
    params.push(['connect_timeout', String(connectSeconds)]);
    notes.add(
      'dialTimeoutMs',
      c.dialTimeoutMs % 1000 === 0 ? 'exact' : 'approximate',
      `connect_timeout is whole seconds (${connectSeconds}); ConnConfig.ConnectTimeout takes a Duration if you need ` +
        `${c.dialTimeoutMs} ms.`,
    );
    if (c.idleTimeoutMs > 0) params.push(['pool_max_conn_idle_time', goDurationString(c.idleTimeoutMs)]);
    notes.approximate(
      'idleTimeoutMs',
      c.idleTimeoutMs === 0
        ? 'pool_max_conn_idle_time left out: pgx has no "never" and uses 30 min.'
        : 'pool_max_conn_idle_time (MaxConnIdleTime): checked each pool_health_check_period, above MinConns.',
    );
    if (c.maxLifetimeMs > 0) {
      const { baseMs, jitterMs } = lifetimeSplit(c.maxLifetimeMs, c.maxLifetimeJitterPct);
      params.push(['pool_max_conn_lifetime', goDurationString(baseMs)], ['pool_max_conn_lifetime_jitter', goDurationString(jitterMs)]);
      notes.exact(
        'maxLifetimeMs',
        `pool_max_conn_lifetime ${100 - c.maxLifetimeJitterPct} % plus pool_max_conn_lifetime_jitter ` +
          `${c.maxLifetimeJitterPct} %: the same window as the lab's lifetime less up to ${c.maxLifetimeJitterPct} %.`,
      );
      notes.exact('maxLifetimeJitterPct', 'pool_max_conn_lifetime_jitter (MaxConnLifetimeJitter) carries the jitter share.');
    } else {
      notes.approximate(
        'maxLifetimeMs',
        "Left out: pgx's default is 1 h; a 0 lifetime has made acquires fail since pgx 5.10 " + '(jackc/pgx #2574).',
      );
    }
    if (c.heartbeatIntervalMs > 0) params.push(['pool_health_check_period', goDurationString(c.heartbeatIntervalMs)]);
    notes.approximate(
      'heartbeatIntervalMs',
      'pool_health_check_period (HealthCheckPeriod, default 1 min) drives the ' +
        'idle/lifetime/min checks but does not ping idle connections.',
    );
    notes.add(
      'healthCheckMethod',
      c.healthCheckMethod === 'ping' ? 'exact' : 'approximate',
      'pgx pings (an empty round trip) ' + 'on acquire when ShouldPing says so.',
    );
    notes.exact(
      'validateAfterIdleMs',
      `ShouldPing: ping on acquire only after ${c.validateAfterIdleMs} ms idle (pgx 5.7.6+; ` + `its default is 1 s).`,
    );
    notes.exact(
      'healthCheckTimeoutMs',
      'PingTimeout (pgx 5.8.0+; pgx after Aug 2026 also reads pool_ping_timeout from the string): ' +
        'a ping that takes longer fails and the connection is destroyed.',
    );
    notes.none('idleOrder', 'pgxpool reuses connections roughly LIFO (a stack); waiters are served in order.');
    notes.none('watchIdle', 'pgx notices a dead idle connection only on the next ping or use.');
    notes.approximate('keepAlive', "pgx relies on Go's dialer defaults (TCP keepalive on, 15 s); set ConnConfig.DialFunc to change them.");
    notes.none('leakDetectionThresholdMs', 'pgxpool has no leak detection (AcquireTracer/ReleaseTracer can build one).');
    notes.none('shutdownGraceMs', 'pool.Close() waits for every acquired connection to be released, without a bound.');

    const connString = `${CONN_STRING_BASE}?${params.map(([k, v]) => `${k}=${v}`).join('&')}`;
    const go = [
      `config, err := pgxpool.ParseConfig("${connString}")`,
      'if err != nil { return err }',
      `config.ShouldPing = func(ctx context.Context, p pgxpool.ShouldPingParams) bool { return p.IdleDuration > ` +
        `${goDurationExpr(c.validateAfterIdleMs)} }`,
      `config.PingTimeout = ${goDurationExpr(c.healthCheckTimeoutMs)}`,
      'pool, err := pgxpool.NewWithConfig(ctx, config)',
      `// Acquire with a deadline: ctx, cancel := context.WithTimeout(ctx, ${goDurationExpr(c.acquireTimeoutMs)})`,
    ];
    return { text: `${connString}\n\n${go.join('\n')}\n`, notes: notes.finish() };
  },
  importText(text: string) {
    const patch = new ImportPatch();
    let found = false;
    text.split(/\r?\n/).forEach((raw, index) => {
      const line = index + 1;
      const urlMatch = /(postgres(?:ql)?:\/\/[^\s"'`]+)/.exec(raw);
      if (urlMatch) {
        found = true;
        importConnString(patch, urlMatch[1]!, line);
        return;
      }
      const assignment =
        /^\s*\w+\.(PingTimeout|MaxConns|MinIdleConns|MaxConnIdleTime|MaxConnLifetime|HealthCheckPeriod)\s*=\s*(.+?)\s*$/.exec(raw);
      if (assignment) {
        found = true;
        importAssignment(patch, assignment[1]!, assignment[2]!, line);
      }
    });
    if (!found) throw new ImportParseError(1, 'no postgres:// connection string or config.Field = value line found');
    return patch.result();
  },
};

function importConnString(patch: ImportPatch, connString: string, line: number): void {
  let url: URL;
  try {
    url = new URL(connString);
  } catch {
    throw new ImportParseError(line, `not a valid connection string: ${clip(connString)}`);
  }
  const duration = (key: string, value: string) => {
    const ms = parseGoDuration(value);
    if (ms === null) throw new ImportParseError(line, `${key} must be a Go duration like 30s or 1h30m, got "${clip(value)}"`);
    return ms;
  };
  const count = (key: string, value: string) => {
    if (!/^\d+$/.test(value)) throw new ImportParseError(line, `${key} must be a whole number, got "${clip(value)}"`);
    return Number(value);
  };
  const lifetime = url.searchParams.get('pool_max_conn_lifetime');
  const jitter = url.searchParams.get('pool_max_conn_lifetime_jitter');
  for (const [key, value] of url.searchParams) {
    switch (key) {
      case 'pool_max_conns':
        patch.number('maxOpen', count(key, value), 'exact', 'pool_max_conns → maxOpen.');
        patch.number('maxIdle', count(key, value), 'approximate', 'pgxpool keeps every released connection: maxIdle = pool_max_conns.');
        break;
      case 'pool_min_idle_conns':
        patch.number('minIdle', count(key, value), 'exact', 'pool_min_idle_conns → minIdle.');
        break;
      case 'pool_min_conns':
        patch.note('minIdle', 'approximate', "pool_min_conns is a floor on all connections; the lab's " + 'minIdle counts idle ones.');
        break;
      case 'connect_timeout':
        patch.number('dialTimeoutMs', count(key, value) * 1000, 'exact', 'connect_timeout (s) → ' + 'dialTimeoutMs.');
        break;
      case 'pool_max_conn_idle_time':
        patch.number('idleTimeoutMs', duration(key, value), 'approximate', 'pool_max_conn_idle_time → idleTimeoutMs.');
        break;
      case 'pool_health_check_period':
        patch.number(
          'heartbeatIntervalMs',
          duration(key, value),
          'approximate',
          'pool_health_check_period → ' + 'heartbeatIntervalMs (pgx does not ping on it).',
        );
        break;
      case 'pool_ping_timeout':
        patch.number('healthCheckTimeoutMs', duration(key, value), 'exact', 'pool_ping_timeout → ' + 'healthCheckTimeoutMs.');
        break;
      case 'pool_max_conn_lifetime':
      case 'pool_max_conn_lifetime_jitter':
        break;
      default:
        patch.note(key, 'none', `${key} has no lab knob; ignored.`);
    }
  }
  if (lifetime !== null) {
    const total = duration('pool_max_conn_lifetime', lifetime) + (jitter === null ? 0 : duration('pool_max_conn_lifetime_jitter', jitter));
    if (jitter !== null && total > 0) {
      const pct = Math.min(50, Math.round((duration('pool_max_conn_lifetime_jitter', jitter) / total) * 100));
      patch.number(
        'maxLifetimeJitterPct',
        pct,
        'exact',
        'pool_max_conn_lifetime_jitter as a share of the whole lifetime → maxLifetimeJitterPct.',
      );
    }
    patch.number(
      'maxLifetimeMs',
      total,
      jitter === null ? 'approximate' : 'exact',
      'pool_max_conn_lifetime + ' + 'pool_max_conn_lifetime_jitter → maxLifetimeMs.',
    );
  }
}

function importAssignment(patch: ImportPatch, field: string, expr: string, line: number): void {
  const ms = parseGoDurationExpr(expr);
  if (field === 'MaxConns' || field === 'MinIdleConns') {
    if (!/^\d+$/.test(expr)) throw new ImportParseError(line, `${field} must be a whole number, got "${clip(expr)}"`);
    patch.number(
      field === 'MaxConns' ? 'maxOpen' : 'minIdle',
      Number(expr),
      'exact',
      `${field} → ` + `${field === 'MaxConns' ? 'maxOpen' : 'minIdle'}.`,
    );
    return;
  }
  if (ms === null) throw new ImportParseError(line, `${field} must be a duration like 500 * time.Millisecond, got "${clip(expr)}"`);
  if (field === 'PingTimeout') patch.number('healthCheckTimeoutMs', ms, 'exact', 'PingTimeout → healthCheckTimeoutMs.');
  else if (field === 'MaxConnIdleTime') patch.number('idleTimeoutMs', ms, 'approximate', 'MaxConnIdleTime → idleTimeoutMs.');
  else if (field === 'MaxConnLifetime') patch.number('maxLifetimeMs', ms, 'approximate', 'MaxConnLifetime → maxLifetimeMs.');
  else patch.number('heartbeatIntervalMs', ms, 'approximate', 'HealthCheckPeriod → heartbeatIntervalMs.');
}

const GO_UNIT_MS: Record<string, number> = { Millisecond: 1, Second: 1000, Minute: 60_000, Hour: 3_600_000 };

/** `500 * time.Millisecond`, `time.Second`, `0`; null for anything else. */
export function parseGoDurationExpr(expr: string): number | null {
  const text = expr.replace(/\/\/.*$/, '').trim();
  if (text === '0') return 0;
  const match = /^(?:(\d+)\s*\*\s*)?time\.(Millisecond|Second|Minute|Hour)$/.exec(text);
  if (!match) return null;
  return Number(match[1] ?? 1) * GO_UNIT_MS[match[2]!]!;
}
