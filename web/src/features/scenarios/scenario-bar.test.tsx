import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, screen } from '@testing-library/react';
import type { ScenarioSummary } from '@poolscope/shared/protocol';
import { createDashboardStores } from '../../lib/store-context';
import { renderWithStores } from '../../test-support/render-with-stores';
import { makeSnapshot } from '../../test-support/fixtures';
import { ScenarioBar } from './scenario-bar';

const SMALLER: ScenarioSummary = {
  id: 'smaller-pool', title: 'Smaller pool is faster', watch: 'Drag Max open connections down to 4 and watch round-trip time drop.',
  focus: { panel: 'throughput', metric: 'latency.rttMs.p50' },
};
const commands = vi.hoisted(() => ({ fetchScenarios: vi.fn(), applyScenario: vi.fn() }));
vi.mock('../../lib/commands', () => commands);

afterEach(() => { cleanup(); vi.clearAllMocks(); });

describe('ScenarioBar', () => {
  it('shows the number "what to watch" names, live, while its scenario runs', async () => {
    commands.fetchScenarios.mockResolvedValue({ ok: true, data: [SMALLER] });
    const stores = createDashboardStores();
    const liveStore = stores.live;
    act(() => liveStore.setStatus('live'));
    renderWithStores(<ScenarioBar />, stores);
    await act(async () => { await Promise.resolve(); });
    expect(screen.queryByTestId('scenario-metric')).toBeNull();
    const snapshot = makeSnapshot({ seq: 900, t: 1_800_000_000_000, scenarioId: 'smaller-pool' });
    act(() => liveStore.ingestSnapshot(snapshot));
    const metric = await screen.findByTestId('scenario-metric');
    expect(metric.getAttribute('data-metric')).toBe('latency.rttMs.p50');
    expect(metric.textContent).toBe(`Round trip p50: ${snapshot.latency.rttMs.p50.toFixed(2)} ms`);
  });
});
