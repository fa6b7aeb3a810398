import { describe, expect, it } from 'vitest';
import { act, fireEvent, screen } from '@testing-library/react';
import { renderWithStores } from '../test-support/render-with-stores';
import { makeSnapshot } from '../test-support/fixtures';
import { makeComparingSnapshot } from '../test-support/compare-fixtures';
import { TimeChart, type SeriesDef } from './time-chart';

const SERIES: readonly SeriesDef[] = [
  { key: 'active', name: 'Active', get: (s) => s.pool.active, agg: 'mean', kind: 'area', stackId: 'pool', color: 'red' },
  { key: 'idle', name: 'Idle', get: (s) => s.pool.idle, agg: 'mean', kind: 'area', stackId: 'pool', color: 'blue' },
  { key: 'waiting', name: 'Waiting', get: (s) => s.pool.waiting, agg: 'max', kind: 'line', color: 'black' },
  { key: 'maxOpen', name: 'Max open', get: (s) => s.pool.maxOpen, agg: 'last', kind: 'line', color: 'gray', dashed: true, step: true },
];

const T0 = 1_800_000_000_000;

describe('TimeChart', () => {
  it('stacks areas, draws the reference line dashed, labels markers, and reads values by keyboard', () => {
    const { live: liveStore } = renderWithStores(<TimeChart chartId="test-chart" title="Pool state" series={SERIES} />);
    act(() => {
      for (let i = 0; i < 30; i += 1) {
        liveStore.ingestSnapshot(
          makeSnapshot({
            seq: i + 1,
            t: T0 + i * 100,
            markers: i === 20 ? [{ id: 7, t: T0 + 2000, kind: 'config', label: 'maxOpen 10 → 8' }] : [],
          }),
        );
      }
      liveStore.charts.refreshAll();
    });
    const chart = screen.getByRole('img', { name: /Pool state/ });
    const lines = [...chart.querySelectorAll('path.chart-line')];
    // Two area edges (waiting is zero throughout, so not drawn) and the dashed maxOpen step line.
    expect(lines).toHaveLength(3);
    expect(lines.at(-1)?.getAttribute('stroke-dasharray')).toBe('6 4');
    expect(lines.at(-1)?.getAttribute('d')).toMatch(/^M[\d.]+,[\d.]+(H[\d.]+V[\d.]+)+$/);
    expect(screen.getByText('Waiting').className).toContain('legend-idle');
    expect(chart.querySelector('.marker-label')?.textContent).toBe('maxOpen 10 → 8');

    fireEvent.focus(chart);
    fireEvent.keyDown(chart, { key: 'Home' });
    const tooltip = screen.getByRole('status');
    expect(tooltip.textContent).toContain('Active: 2');
    expect(tooltip.textContent).toContain('Max open: 10');
  });

  it("overlays arm B dashed in each series' colour while comparing, with the arms named in the legend", () => {
    const { live: liveStore, compare: compareStore } = renderWithStores(
      <TimeChart chartId="compare-chart" title="Pool B" series={SERIES} />,
    );
    act(() => {
      for (let i = 0; i < 30; i += 1) {
        const s = makeComparingSnapshot({ seq: 100 + i, t: T0 + 10_000 + i * 100 });
        compareStore.ingestSnapshot(s);
        liveStore.ingestSnapshot(s);
      }
      liveStore.charts.refreshAll();
    });
    const chart = screen.getByRole('img', { name: /Pool B/ });
    const bLines = [...chart.querySelectorAll('path.chart-line-b')];
    // B's two stack edges (active, idle) dashed, and its maxOpen reference line dotted.
    expect(bLines.map((l) => [l.getAttribute('stroke'), l.getAttribute('stroke-dasharray')])).toEqual([
      ['red', '6 4'],
      ['blue', '6 4'],
      ['gray', '1.5 3'],
    ]);
    expect(screen.getByText('A: solid')).toBeTruthy();
    expect(screen.getByText('B: dashed')).toBeTruthy();
    fireEvent.focus(chart);
    fireEvent.keyDown(chart, { key: 'End' });
    expect(screen.getByRole('status').textContent).toContain('Max open (B): 4');
  });
});
