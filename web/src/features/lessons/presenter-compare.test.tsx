import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, screen } from '@testing-library/react';
import { findLesson } from '@poolscope/shared/lessons';
import { createDashboardStores } from '../../lib/store-context';
import { renderWithStores } from '../../test-support/render-with-stores';
import { makeComparingSnapshot } from '../../test-support/compare-fixtures';
import { PresenterCompare } from './presenter-compare';

afterEach(() => cleanup());

describe('PresenterCompare', () => {
  const step = findLesson('pool-runs-dry')!.steps.find((s) => s.compare)!;

  it('names what differs between A and B with both values, and the focused metric for each arm', () => {
    const snapshot = makeComparingSnapshot({ seq: 5000, t: 1_800_000_000_000 });
    const stores = createDashboardStores();
    act(() => {
      stores.live.ingestSnapshot(snapshot);
      stores.compare.ingestSnapshot(snapshot);
    });
    renderWithStores(<PresenterCompare step={step} />, stores);
    expect(screen.getByTestId('presenter-compare-maxOpen').textContent).toBe(`Max open connections${snapshot.config.pool.maxOpen}4`);
    expect(screen.getByTestId('presenter-compare-b').textContent).toBe(`${snapshot.compare!.b.latency.rttMs.p50.toFixed(2)} ms`);
  });

  it('draws nothing for a step that does not compare', () => {
    const plain = findLesson('pool-runs-dry')!.steps[0]!;
    const { container } = renderWithStores(<PresenterCompare step={plain} />);
    expect(container.textContent).toBe('');
  });
});
