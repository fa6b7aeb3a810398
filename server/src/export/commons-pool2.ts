import type { PoolConfig } from '@poolscope/shared/pool-config';
import { KnobNotes } from './knob-notes';
import type { PoolLibrary } from './pool-library';

const TITLE = 'Commons Pool 2';
const duration = (ms: number) => `Duration.ofMillis(${ms})`;

/** Java: GenericObjectPoolConfig setters (Commons Pool 2.12+: the Duration forms; the *Millis setters are deprecated). */
export const commonsPool2: PoolLibrary = {
  id: 'commons-pool2',
  title: TITLE,
  format: 'java',
  exportPool(c: PoolConfig) {
    const notes = new KnobNotes(TITLE);
    const evicting = c.idleTimeoutMs > 0 || c.heartbeatIntervalMs > 0;
    const runEveryMs = c.heartbeatIntervalMs > 0 ? c.heartbeatIntervalMs : Math.min(1000, c.idleTimeoutMs);
    const lines = [
      'GenericObjectPoolConfig<Conn> config = new GenericObjectPoolConfig<>();',
      `config.setMaxTotal(${c.maxOpen === 0 ? -1 : c.maxOpen});`,
      `config.setMaxIdle(${c.maxIdle});`,
      `config.setMinIdle(${c.minIdle});`,
      `config.setBlockWhenExhausted(true);`,
      `config.setMaxWait(${duration(c.acquireTimeoutMs)});`,
      `config.setLifo(${c.idleOrder === 'lifo'});`,
      `config.setTestOnBorrow(${c.healthCheckMethod !== 'none'});`,
      ...(evicting
        ? [
            `config.setTimeBetweenEvictionRuns(${duration(runEveryMs)});`,
            `config.setNumTestsPerEvictionRun(${c.maxOpen === 0 ? -1 : c.maxOpen});`,
            ...(c.idleTimeoutMs > 0 ? [`config.setSoftMinEvictableIdleDuration(${duration(c.idleTimeoutMs)});`] : []),
            `config.setTestWhileIdle(${c.heartbeatIntervalMs > 0});`,
          ]
        : []),
      ...(c.leakDetectionThresholdMs > 0
        ? [
            'AbandonedConfig abandoned = new AbandonedConfig();',
            `abandoned.setRemoveAbandonedTimeout(${duration(c.leakDetectionThresholdMs)});`,
            'abandoned.setLogAbandoned(true);',
            'abandoned.setRemoveAbandonedOnMaintenance(false); // the lab only flags a leak; true would also reclaim it',
          ]
        : []),
    ];
    notes.exact('maxOpen', "setMaxTotal (negative = unlimited, the lab's 0).");
    notes.exact('maxIdle', 'setMaxIdle: a return beyond it destroys the object.');
    notes.approximate('minIdle', 'setMinIdle: kept by the evictor only (call preparePool() to fill it at start).');
    notes.none('maxWaiters', 'Waiters are unbounded; setBlockWhenExhausted(false) would mean none.');
    notes.exact('acquireTimeoutMs', 'setMaxWait: how long borrowObject() blocks.');
    notes.none('dialTimeoutMs', "The factory's makeObject() must bound its own connect.");
    notes.add(
      'idleTimeoutMs',
      c.idleTimeoutMs === 0 ? 'exact' : 'approximate',
      c.idleTimeoutMs === 0
        ? 'No idle eviction, as in the lab.'
        : 'setSoftMinEvictableIdleDuration (stops at minIdle) with the evictor on: checked each eviction run, so up to one run late.',
    );
    notes.none('maxLifetimeMs', 'Commons Pool 2 has no lifetime limit (DBCP2 adds maxConnLifetime).');
    notes.approximate('healthCheckMethod', "setTestOnBorrow runs the factory's validateObject(); write the round trip there.");
    notes.approximate('validateAfterIdleMs', 'testOnBorrow checks every borrow (like 0).');
    notes.none('healthCheckTimeoutMs', 'validateObject() must bound itself.');
    notes.add(
      'heartbeatIntervalMs',
      c.heartbeatIntervalMs === 0 ? 'exact' : 'approximate',
      c.heartbeatIntervalMs === 0
        ? 'No idle testing, as in the lab.'
        : 'setTestWhileIdle with setTimeBetweenEvictionRuns: each run tests numTestsPerEvictionRun idle objects (set to all).',
    );
    notes.exact('idleOrder', 'setLifo: true reuses the most recently returned object, false the oldest.');
    notes.add(
      'leakDetectionThresholdMs',
      c.leakDetectionThresholdMs === 0 ? 'exact' : 'approximate',
      c.leakDetectionThresholdMs === 0
        ? "No AbandonedConfig, as in the lab's 0."
        : "AbandonedConfig.setRemoveAbandonedTimeout with logAbandoned: logs the borrower's stack; enabling removeAbandoned* " +
            'would also reclaim.',
    );
    return { text: `${lines.join('\n')}\n`, notes: notes.finish() };
  },
};
