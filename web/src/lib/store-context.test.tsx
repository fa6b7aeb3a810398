import { describe, expect, it, vi } from 'vitest';
import { act, render, screen } from '@testing-library/react';
import { makeComparingSnapshot } from '../test-support/compare-fixtures';
import { makeSnapshot } from '../test-support/fixtures';
import { renderWithStores } from '../test-support/render-with-stores';
import { useCompare } from './use-compare';
import { useLive } from './use-live';

/** The newest seq the tree's live store holds, and whether its compare store sees a comparison. */
function Probe({ name }: { name: string }) {
  const seq = useLive((s) => s.latest?.seq ?? 'none');
  const comparing = useCompare((s) => s.running);
  return <p data-testid={name}>{`${seq} ${comparing ? 'comparing' : 'alone'}`}</p>;
}

// Two tests in a row: the second would see the first's snapshot if both rendered over one store.
describe('each render reads stores of its own', () => {
  it('a test fills its store', () => {
    const { live } = renderWithStores(<Probe name="first" />);
    act(() => live.ingestSnapshot(makeSnapshot({ seq: 41, t: 1_700_000_000_000 })));
    expect(screen.getByTestId('first').textContent).toBe('41 alone');
  });

  it('the next test starts empty, whatever the one before wrote', () => {
    const { live } = renderWithStores(<Probe name="second" />);
    expect(screen.getByTestId('second').textContent).toBe('none alone');
    expect(live.samples.length).toBe(0);
    expect(live.charts.version('pool-state')).toBe(0);
  });

  it('two trees side by side do not share a store, a chart rotation or a comparison', () => {
    const one = renderWithStores(<Probe name="one" />);
    const two = renderWithStores(<Probe name="two" />);
    expect(one.live).not.toBe(two.live);
    one.live.charts.register('chart');
    const comparing = makeComparingSnapshot({ seq: 7, t: 1_700_000_000_000 });
    act(() => {
      one.compare.ingestSnapshot(comparing);
      one.live.ingestSnapshot(comparing);
    });
    expect(screen.getByTestId('one').textContent).toBe('7 comparing');
    expect(screen.getByTestId('two').textContent).toBe('none alone');
    expect(one.live.charts.version('chart')).toBeGreaterThan(0);
    expect(two.live.charts.version('chart')).toBe(0);
  });

  it('has no hidden shared store to fall back on: a component outside a provider fails', () => {
    // React reports the render error on the console before rethrowing it; the throw is what counts.
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(() => render(<Probe name="orphan" />)).toThrow(/no StoresProvider/);
    quiet.mockRestore();
  });
});
