import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, render, screen } from '@testing-library/react';
import { findLesson } from '@poolscope/shared/lessons';
import { compareStore } from '../../lib/compare-store';
import { liveStore } from '../../lib/live-store';
import { makeComparingSnapshot } from '../../test-support/compare-fixtures';
import { makeSnapshot } from '../../test-support/fixtures';
import { PresenterCompare } from './presenter-compare';

afterEach(() => {
  cleanup();
  act(() => compareStore.ingestSnapshot(makeSnapshot({ seq: 99_999, t: 1_900_000_000_000 })));
});

describe('PresenterCompare', () => {
  const step = findLesson('pool-runs-dry')!.steps.find((s) => s.compare)!;

  it('names what differs between A and B with both values, and the focused metric for each arm', () => {
    const snapshot = makeComparingSnapshot({ seq: 5000, t: 1_800_000_000_000 });
    act(() => {
      liveStore.ingestSnapshot(snapshot);
      compareStore.ingestSnapshot(snapshot);
    });
    render(<PresenterCompare step={step} />);
    expect(screen.getByTestId('presenter-compare-maxOpen').textContent).toBe(`Max open connections${snapshot.config.pool.maxOpen}4`);
    expect(screen.getByTestId('presenter-compare-b').textContent).toBe(`${snapshot.compare!.b.latency.rttMs.p50.toFixed(2)} ms`);
  });

  it('draws nothing for a step that does not compare', () => {
    const plain = findLesson('pool-runs-dry')!.steps[0]!;
    const { container } = render(<PresenterCompare step={plain} />);
    expect(container.textContent).toBe('');
  });
});
