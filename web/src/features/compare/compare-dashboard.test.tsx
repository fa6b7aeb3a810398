import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { App } from '../../app/app';
import type { DashboardStores } from '../../lib/store-context';
import { renderWithStores } from '../../test-support/render-with-stores';
import { makeComparingSnapshot } from '../../test-support/compare-fixtures';
import { makeSnapshot } from '../../test-support/fixtures';

afterEach(cleanup);

function ingest({ live: liveStore, compare: compareStore }: DashboardStores, snapshot: ReturnType<typeof makeSnapshot>): void {
  act(() => {
    compareStore.ingestSnapshot(snapshot);
    liveStore.ingestSnapshot(snapshot);
  });
}

describe('the dashboard while comparing', () => {
  it("shows A | B key numbers, the table and the knobs that differ; the arm switch puts B's values on the same sliders", async () => {
    const stores = renderWithStores(<App live={false} />);
    const liveStore = stores.live;
    ingest(stores, makeSnapshot({ seq: 1, t: 1_700_000_000_000 }));
    // The lower panels and the knobs follow once the first numbers are painted (lib/numbers-first.ts).
    await screen.findByRole('region', { name: 'Controls' });
    expect(screen.queryByRole('radio', { name: 'Edit B' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Start comparison' })).toBeTruthy();

    ingest(stores, makeComparingSnapshot({ seq: 2, t: 1_700_000_000_100 }, 7));
    expect(screen.getByTestId('stat-open').textContent).toBe('4');
    expect(screen.getByTestId('stat-open-b').textContent).toBe('7');
    expect(screen.getByTestId('compare-table')).toBeTruthy();
    expect(screen.getByTestId('compare-diff').textContent).toContain('B: maxOpen 4 (A: 10)');
    expect(screen.getByRole('button', { name: 'Keep B' })).toBeTruthy();
    act(() => liveStore.charts.refreshAll({ includeHidden: true }));
    expect(screen.getByRole('list', { name: 'Connections to t1, arm A' })).toBeTruthy();
    expect(screen.getByRole('list', { name: 'Connections to t1, arm B' })).toBeTruthy();
    expect(screen.getByRole('list', { name: 'Connection lifetimes on t2, arm B' })).toBeTruthy();

    const slider = () => screen.getByRole('slider', { name: 'Max open connections' }) as HTMLInputElement;
    const editA = screen.getByRole('radio', { name: 'Edit A' }) as HTMLInputElement;
    expect(editA.checked).toBe(true);
    expect(slider().value).toBe('10');
    expect(screen.getByTestId('knob-diff-maxOpen').textContent).toContain('A 10 · B 4');

    fireEvent.click(screen.getByRole('radio', { name: 'Edit B' }));
    expect(slider().value).toBe('4');
    expect(within(screen.getByRole('region', { name: 'Controls' })).getByText(/Editing arm B/)).toBeTruthy();

    // The comparison stops: the strip goes back to one arm and the switch to A.
    ingest(stores, makeSnapshot({ seq: 3, t: 1_700_000_000_200 }));
    expect(screen.queryByTestId('stat-open-b')).toBeNull();
    expect(screen.queryByRole('radio', { name: 'Edit B' })).toBeNull();
    expect(slider().value).toBe('10');
  });
});
