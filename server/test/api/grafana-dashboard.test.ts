import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestLab, type TestLab } from '../test-support/test-lab';
import { waitFor } from '../../src/test-support/wait-for';

interface Target {
  expr: string;
  datasource: { uid: string };
}
interface Panel {
  title: string;
  datasource: { uid: string };
  targets: Target[];
}
interface Dashboard {
  uid: string;
  __inputs: { name: string; type: string; pluginId: string }[];
  panels: Panel[];
}

const dashboard = JSON.parse(
  readFileSync(fileURLToPath(new URL('../../../docs/grafana/poolscope.json', import.meta.url)), 'utf8'),
) as Dashboard;
const exprs = dashboard.panels.flatMap((panel) => panel.targets.map((target) => ({ panel: panel.title, expr: target.expr })));

/** Sample name → the label names it carries, from Prometheus text. */
function exposedSamples(text: string): Map<string, Set<string>> {
  const samples = new Map<string, Set<string>>();
  for (const line of text.split('\n')) {
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{([^}]*)\})?\s/.exec(line);
    if (!match) continue;
    const labels = samples.get(match[1]!) ?? new Set<string>();
    for (const pair of (match[3] ?? '').split(',').filter(Boolean)) labels.add(pair.split('=')[0]!.trim());
    samples.set(match[1]!, labels);
  }
  return samples;
}

describe('docs/grafana/poolscope.json', () => {
  let t: TestLab;
  let exposed: Map<string, Set<string>>;
  beforeAll(async () => {
    t = await startTestLab();
    await t.app.inject({ method: 'PATCH', url: '/api/config', payload: { load: { running: true } } });
    // Labelled series (closes by reason, per target) appear once something happened.
    await waitFor(() => t.lab.snapshot().totals.acquires > 0, { timeoutMs: 30000, what: 'some acquires' });
    // A target that goes down makes the pool's redials fail, so the dial-failure series (by code) exists too.
    const target = t.lab.snapshot().targets[0]!;
    await t.app.inject({ method: 'PATCH', url: `/api/targets/${target.id}`, payload: { down: true } });
    await waitFor(() => t.lab.snapshot().totals.dialFailures > 0, { timeoutMs: 30000, what: 'a failed dial' });
    exposed = exposedSamples((await t.app.inject({ method: 'GET', url: '/metrics' })).body);
  });
  afterAll(async () => {
    await t.close();
  });

  it('imports as is: a ${DS_PROMETHEUS} datasource input, a fixed uid, and every panel and query on that input', () => {
    expect(dashboard.__inputs).toEqual([expect.objectContaining({ name: 'DS_PROMETHEUS', type: 'datasource', pluginId: 'prometheus' })]);
    expect(dashboard.uid).toBe('poolscope-lab');
    for (const panel of dashboard.panels) {
      expect(panel.datasource.uid).toBe('${DS_PROMETHEUS}');
      for (const target of panel.targets) expect(target.datasource.uid).toBe('${DS_PROMETHEUS}');
    }
  });

  it('queries only metrics that /metrics exposes', () => {
    const queried = new Set(exprs.flatMap(({ expr }) => expr.match(/\bpoolscope_[a-zA-Z0-9_]+/g) ?? []));
    expect(queried.size).toBeGreaterThan(10);
    const missing = [...queried].filter((name) => !exposed.has(name));
    expect(missing).toEqual([]);
  });

  it('groups only by labels the queried metrics carry', () => {
    for (const { panel, expr } of exprs) {
      const metrics = expr.match(/\bpoolscope_[a-zA-Z0-9_]+/g) ?? [];
      const labels = new Set(metrics.flatMap((name) => [...(exposed.get(name) ?? [])]));
      for (const clause of expr.matchAll(/by \(([^)]*)\)/g)) {
        for (const label of clause[1]!.split(',').map((l) => l.trim()))
          expect([panel, label, labels.has(label)]).toEqual([panel, label, true]);
      }
    }
  });

  it('covers pool state, wait percentiles from the histogram, timeouts, dials, health checks, closes by reason and targets', () => {
    const all = exprs.map((e) => e.expr).join('\n');
    expect(all).toMatch(/histogram_quantile\(0\.99, sum by \(le\) \(rate\(poolscope_pool_acquire_wait_seconds_bucket/);
    for (const name of [
      'poolscope_pool_connections{',
      'poolscope_pool_acquire_timeouts_total',
      'poolscope_pool_dials_total',
      'poolscope_pool_health_checks_total',
      'poolscope_pool_connections_closed_total',
      'poolscope_target_open_connections',
    ]) {
      expect(all).toContain(name);
    }
  });
});
