import { describe, expect, it, vi } from 'vitest';
import type { IntervalHistogram } from 'node:perf_hooks';
import { startTestLab } from '../test-support/test-lab';

const monitors = vi.hoisted(() => [] as IntervalHistogram[]);
// The real monitor, only remembered, so the test can ask it whether it still runs.
vi.mock('node:perf_hooks', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:perf_hooks')>();
  return {
    ...real,
    monitorEventLoopDelay: (options?: Parameters<typeof real.monitorEventLoopDelay>[0]) => {
      const monitor = real.monitorEventLoopDelay(options);
      monitors.push(monitor);
      return monitor;
    },
  };
});

describe('/metrics event-loop delay monitor', () => {
  it('runs while the app is open and is disabled when the app closes', async () => {
    const t = await startTestLab({ load: { running: false } });
    expect(monitors).toHaveLength(1);
    const [monitor] = monitors;
    // enable() answers false when the monitor already runs; disable() false when it is already stopped.
    expect(monitor!.enable()).toBe(false);
    await t.close();
    expect(monitor!.disable()).toBe(false);
  });
});
