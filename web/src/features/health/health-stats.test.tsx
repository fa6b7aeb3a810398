import { describe, expect, it } from 'vitest';
import { act, screen } from '@testing-library/react';
import { renderWithStores } from '../../test-support/render-with-stores';
import { makeSnapshot } from '../../test-support/fixtures';
import { HealthStats } from './health-stats';

describe('HealthStats', () => {
  it('shows a dash before the first snapshot, then each total with its tone once it is above zero', () => {
    const { live } = renderWithStores(<HealthStats />);
    expect(screen.getByTestId('stat-stale-borrows').textContent).toBe('–');
    const base = makeSnapshot({ seq: 1, t: 1_700_000_000_000 });
    act(() =>
      live.ingestSnapshot({ ...base, totals: { ...base.totals, healthChecksPassed: 12, staleBorrows: 3, dialFailures: 0, rejected: 2 } }),
    );
    expect(screen.getByTestId('health-checks-passed').textContent).toBe('12');
    expect(screen.getByTestId('stat-stale-borrows').textContent).toBe('3');
    const tileOf = (testId: string) => screen.getByTestId(testId).closest('.stat');
    expect(tileOf('stat-stale-borrows')?.className).toContain('tone-bad');
    expect(tileOf('stat-rejected')?.className).toContain('tone-warn');
    expect(tileOf('stat-dial-failures')?.className).not.toContain('tone-');
    expect(tileOf('health-checks-passed')?.className).not.toContain('tone-');
  });
});
