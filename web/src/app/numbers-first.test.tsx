import { describe, expect, it } from 'vitest';
import { act, screen, waitFor } from '@testing-library/react';
import { renderWithStores } from '../test-support/render-with-stores';
import { makeSnapshot } from '../test-support/fixtures';
import { WaitPanel } from '../features/charts/wait-panel';
import { Audience } from './audience';

// Issue 19: a phone spends its first seconds on the numbers; the chart chunks come after them.
describe('numbers first, then the charts', () => {
  it('holds the time chart and the histogram as placeholders while a snapshot is in but the numbers are not yet shown', () => {
    const { live } = renderWithStores(<WaitPanel />);
    act(() => live.ingestSnapshot(makeSnapshot({ seq: 1, t: 1_700_000_000_000 })));
    expect(screen.queryByRole('figure', { name: 'Wait time histogram, last 10 seconds' })).toBeNull();
    expect(document.querySelectorAll('figure.chart[aria-busy="true"]')).toHaveLength(2);

    act(() => live.markNumbersShown());
    expect(screen.getByRole('figure', { name: 'Wait time histogram, last 10 seconds' })).toBeTruthy();
    expect(document.querySelectorAll('figure.chart[aria-busy="true"]')).toHaveLength(0);
  });

  it('a view marks the numbers shown once it has drawn them from a snapshot, not before', async () => {
    const { live } = renderWithStores(<Audience />);
    expect(live.numbersShown).toBe(false);
    act(() => live.ingestSnapshot(makeSnapshot({ seq: 1, t: 1_700_000_000_000 })));
    expect(screen.getByTestId('stat-open').textContent).toBe('4');
    await waitFor(() => expect(live.numbersShown).toBe(true), { timeout: 10_000 });
    expect(await screen.findByRole('figure', { name: 'Wait time histogram, last 10 seconds' })).toBeTruthy();
  });
});
