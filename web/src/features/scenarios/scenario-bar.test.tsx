import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, screen, waitFor } from '@testing-library/react';
import type { ScenarioSummary } from '@poolscope/shared/protocol';
import { createDashboardStores } from '../../lib/store-context';
import { renderWithStores } from '../../test-support/render-with-stores';
import { makeSnapshot } from '../../test-support/fixtures';
import { RunningScenarioLine, ScenarioBar } from './scenario-bar';
import { PERCENTILE_COLORS } from '../../lib/palette';

const SMALLER: ScenarioSummary = {
  id: 'smaller-pool',
  title: 'Smaller pool is faster',
  watch: 'Drag Max open connections down to 4 and watch round-trip time drop.',
  focus: { panel: 'throughput', metric: 'latency.rttMs.p50' },
};
const commands = vi.hoisted(() => ({ fetchScenarios: vi.fn(), applyScenario: vi.fn() }));
vi.mock('../../lib/commands', () => commands);

afterEach(() => {
  cleanup();
  vi.clearAllMocks();
});

describe('ScenarioBar', () => {
  it('shows the number "what to watch" names, live, while its scenario runs', async () => {
    commands.fetchScenarios.mockResolvedValue({ ok: true, data: [SMALLER] });
    const stores = createDashboardStores();
    const liveStore = stores.live;
    act(() => liveStore.setStatus('live'));
    renderWithStores(
      <>
        <ScenarioBar />
        <RunningScenarioLine />
      </>,
      stores,
    );
    await act(async () => {
      await Promise.resolve();
    });
    expect(screen.queryByTestId('scenario-metric')).toBeNull();
    const snapshot = makeSnapshot({ seq: 900, t: 1_800_000_000_000, scenarioId: 'smaller-pool' });
    act(() => liveStore.ingestSnapshot(snapshot));
    const metric = await screen.findByTestId('scenario-metric');
    expect(metric.getAttribute('data-metric')).toBe('latency.rttMs.p50');
    expect(metric.textContent).toBe(`Round trip p50: ${snapshot.latency.rttMs.p50.toFixed(2)} ms`);
    // Said once, in the line that stays at the top (not in the bar as well), and in a lesson not at all: the step leads.
    expect(screen.getAllByTestId(/scenario-(running-)?watch/)).toHaveLength(1);
    expect(metric.closest('.scenario-running-line')).not.toBeNull();
    act(() => liveStore.ingestSnapshot({ ...snapshot, seq: 901, t: snapshot.t + 100, lesson: { id: 'why-pools', step: 1 } }));
    expect(screen.getAllByTestId(/scenario-(running-)?watch/)).toHaveLength(1);
    expect(screen.getByTestId('scenario-metric').closest('.scenario-running-line')).toBeNull();
  });

  it('draws the terms of "what to watch" that name a chart series in that series\' colour', async () => {
    commands.fetchScenarios.mockResolvedValue({ ok: true, data: [SMALLER] });
    const stores = createDashboardStores();
    act(() => stores.live.setStatus('live'));
    renderWithStores(<ScenarioBar />, stores);
    const watch = await screen.findByTestId('scenario-watch');
    expect(watch.textContent).toContain('round-trip time');
    const term = watch.querySelector('[data-series="rtt.p50"]') as HTMLElement;
    expect(term.textContent).toBe('round trips');
    expect(rgb(term.style.textDecorationColor)).toBe(rgb(PERCENTILE_COLORS.p50));
    expect(rgb((term.querySelector('.series-swatch') as HTMLElement).style.backgroundColor)).toBe(rgb(PERCENTILE_COLORS.p50));
  });
});

describe('the scenarios asked for', () => {
  it('once by the components that mount together (the dashboard, its scenario bar and its running line)', async () => {
    let answer: (value: unknown) => void = () => undefined;
    commands.fetchScenarios.mockReturnValue(new Promise((resolve) => (answer = resolve)));
    vi.resetModules();
    // Fresh modules: no scenarios cached by the tests above, and a store context the fresh hook shares.
    const { useScenarios } = await import('./use-scenarios');
    const fresh = await import('../../test-support/render-with-stores');
    const { createDashboardStores: freshStores } = await import('../../lib/store-context');
    function Reader() {
      return <p>{useScenarios().scenarios.length}</p>;
    }
    const stores = freshStores();
    act(() => stores.live.setStatus('live'));
    fresh.renderWithStores(
      <>
        <Reader />
        <Reader />
        <Reader />
      </>,
      stores,
    );
    // Not in the task that draws the page (its first paint is the live numbers'), but right after it.
    expect(commands.fetchScenarios).not.toHaveBeenCalled();
    await waitFor(() => expect(commands.fetchScenarios).toHaveBeenCalledTimes(1));
    await act(async () => answer({ ok: true, data: [SMALLER] }));
    expect(commands.fetchScenarios).toHaveBeenCalledTimes(1);
    expect(screen.getAllByText('1')).toHaveLength(3);
  });
});

/** jsdom reports colours as rgb(); the palette writes hex. */
function rgb(color: string): string {
  const hex = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(color);
  return hex
    ? `rgb(${hex
        .slice(1)
        .map((h) => parseInt(h, 16))
        .join(', ')})`
    : color;
}
