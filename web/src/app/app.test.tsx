import { beforeAll, describe, expect, it } from 'vitest';
import { act, render, screen, within } from '@testing-library/react';
import { liveStore } from '../lib/live-store';
import { makeSnapshot } from '../test-support/fixtures';
import { App } from './app';

beforeAll(() => {
  // jsdom has no layout; the charts only need the observer to exist.
  globalThis.ResizeObserver ??= class { observe() {} unobserve() {} disconnect() {} } as unknown as typeof ResizeObserver;
});
const SLIDER_NAMES = ['Max open connections', 'Min idle connections', 'Acquire timeout', 'Idle timeout', 'Max lifetime', 'Heartbeat interval', 'Concurrency', 'Hold time'];

describe('App', () => {
  it('renders the product name as the page heading', () => {
    render(<App live={false} />);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Poolscope');
  });

  it('shows the key numbers of the latest snapshot as labelled text', () => {
    render(<App live={false} />);
    act(() => liveStore.ingestSnapshot(makeSnapshot({ seq: 1, t: 1_700_000_000_000 })));
    expect(screen.getByTestId('stat-open').textContent).toBe('4');
    expect(screen.getByTestId('stat-waiting').textContent).toBe('0');
    expect(screen.getByTestId('stat-health-checks-failed').textContent).toBe('0');
    expect(screen.getByTestId('health-method').textContent).toBe('ping');
  });

  it('names every slider exactly by its visible label from the schema', () => {
    render(<App live={false} />);
    act(() => liveStore.ingestSnapshot(makeSnapshot({ seq: 2, t: 1_700_000_000_100 })));
    const controls = screen.getByRole('region', { name: 'Controls' });
    for (const name of SLIDER_NAMES) {
      const slider = within(controls).getByRole('slider', { name });
      expect(slider.id).not.toBe('');
      expect(document.querySelector(`label[for="${slider.id}"]`)?.textContent).toBe(name);
    }
  });

  it('draws a tile per target with its fault switches', () => {
    render(<App live={false} />);
    act(() => liveStore.ingestSnapshot(makeSnapshot({ seq: 3, t: 1_700_000_000_200 })));
    const tile = screen.getByTestId('target-t2');
    expect(within(tile).getByRole('switch', { name: 'Down' }).getAttribute('aria-checked')).toBe('true');
    expect(within(tile).getByTestId('target-state-t2').textContent).toBe('down');
  });
});
