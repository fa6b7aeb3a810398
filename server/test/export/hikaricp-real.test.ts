import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PoolConfig } from '@poolscope/shared/pool-config';
import { exportConfig } from '../../src/export/library-registry';
import { DEFAULT_POOL, VARIED_POOL } from './lab-configs';

// Debian's HikariCP (libhikaricp-java 2.7.9) with slf4j, compiled against by a JDK: scripts/ensure-system-packages.mjs
// installs them for `npm test`. Without them this file is skipped only where they cannot be installed (not root, not CI).
const JARS = ['/usr/share/java/HikariCP.jar', '/usr/share/java/slf4j-api.jar', '/usr/share/java/slf4j-nop.jar'];
const present = existsSync('/usr/bin/javac') && JARS.every((jar) => existsSync(jar));
const mustRun = present || process.env.CI !== undefined || process.getuid?.() === 0;
const SOURCE = fileURLToPath(new URL('../test-support/hikari/HikariCheck.java', import.meta.url));

interface HikariValues {
  maximumPoolSize: number;
  minimumIdle: number;
  connectionTimeout: number;
  idleTimeout: number;
  maxLifetime: number;
  validationTimeout: number;
  leakDetectionThreshold: number;
}

describe.runIf(mustRun)('HikariCP loads the exported properties (new HikariConfig(props), then validate())', () => {
  let dir: string;
  const classpath = () => [dir, ...JARS].join(':');
  beforeAll(() => {
    if (!present)
      throw new Error(
        'HikariCP test tools missing: run `node scripts/ensure-system-packages.mjs` as root ' +
          '(default-jdk-headless, libhikaricp-java, libslf4j-java)',
      );
    dir = mkdtempSync(join(tmpdir(), 'poolscope-hikari-'));
    execFileSync('javac', ['-cp', JARS.join(':'), '-d', dir, SOURCE]);
  });
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** HikariCP 2.7.9 predates keepaliveTime (4.0.1) and rejects unknown properties, so that one line is left out here. */
  const load = (pool: PoolConfig, scale = 1): HikariValues => {
    const text = exportConfig('hikaricp', { pool }, { scale })
      .text.split('\n')
      .filter((line) => !line.startsWith('keepaliveTime='))
      .join('\n');
    const file = join(dir, `export-${Math.random().toString(36).slice(2)}.properties`);
    writeFileSync(file, text);
    return JSON.parse(execFileSync('java', ['-cp', classpath(), 'HikariCheck', file], { encoding: 'utf8' })) as HikariValues;
  };

  it.each([
    ['the lab defaults', DEFAULT_POOL],
    ['a varied config', VARIED_POOL],
  ])("%s: HikariCP holds the lab's values", (_name, lab) => {
    const held = load(lab);
    expect(held).toEqual({
      maximumPoolSize: lab.maxOpen,
      minimumIdle: lab.minIdle,
      connectionTimeout: lab.acquireTimeoutMs,
      idleTimeout: lab.idleTimeoutMs,
      maxLifetime: lab.maxLifetimeMs,
      validationTimeout: lab.healthCheckTimeoutMs,
      leakDetectionThreshold: lab.leakDetectionThresholdMs,
    });
  });

  it('lab-sized timings load but are rewritten by HikariCP exactly as the notes warn; scaled ones survive', () => {
    const lab: PoolConfig = {
      ...DEFAULT_POOL,
      minIdle: 0,
      idleTimeoutMs: 2000,
      maxLifetimeMs: 10_000,
      acquireTimeoutMs: 100,
      healthCheckTimeoutMs: 50,
      leakDetectionThresholdMs: 1500,
    };
    const notes = exportConfig('hikaricp', { pool: lab }).notes;
    const held = load(lab);
    expect(held.idleTimeout).toBe(600_000);
    expect(notes.find((n) => n.knob === 'idleTimeoutMs')!.message).toContain('10 min instead');
    expect(held.maxLifetime).toBe(1_800_000);
    expect(notes.find((n) => n.knob === 'maxLifetimeMs')!.message).toContain('30 min instead');
    expect(held.connectionTimeout).toBe(250);
    expect(held.validationTimeout).toBe(250);
    expect(held.leakDetectionThreshold).toBe(0);
    expect(notes.find((n) => n.knob === 'leakDetectionThresholdMs')!.message).toContain('disable leak detection');
    const scaled = load(lab, 60);
    expect(scaled.idleTimeout).toBe(120_000);
    expect(scaled.maxLifetime).toBe(600_000);
    expect(scaled.leakDetectionThreshold).toBe(90_000);
  });
});
