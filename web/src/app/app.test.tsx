import { describe, expect, it } from 'vitest';
import { act, fireEvent, screen, within } from '@testing-library/react';
import { i18n } from '../i18n/i18n';
import { LANGUAGE_KEY } from '../i18n/language';
import { renderWithStores } from '../test-support/render-with-stores';
import { makeSnapshot } from '../test-support/fixtures';
import { App } from './app';

const SLIDER_NAMES = [
  'Max open connections',
  'Min idle connections',
  'Acquire timeout',
  'Idle timeout',
  'Max lifetime',
  'Heartbeat interval',
  'Concurrency',
  'Hold time',
];

describe('App', () => {
  it('renders the product name as the page heading', () => {
    renderWithStores(<App live={false} />);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Poolscope');
  });

  it('shows the key numbers of the latest snapshot as labelled text', async () => {
    const { live: liveStore } = renderWithStores(<App live={false} />);
    act(() => liveStore.ingestSnapshot(makeSnapshot({ seq: 1, t: 1_700_000_000_000 })));
    expect(screen.getByTestId('stat-open').textContent).toBe('4');
    expect(screen.getByTestId('stat-waiting').textContent).toBe('0');
    expect(screen.getByTestId('stat-health-checks-failed').textContent).toBe('0');
    // The lower panels follow once the numbers are painted (lib/numbers-first.ts).
    expect((await screen.findByTestId('health-method')).textContent).toBe('ping');
  });

  it('names every slider exactly by its visible label from the schema', async () => {
    const { live: liveStore } = renderWithStores(<App live={false} />);
    act(() => liveStore.ingestSnapshot(makeSnapshot({ seq: 2, t: 1_700_000_000_100 })));
    const controls = await screen.findByRole('region', { name: 'Controls' });
    for (const name of SLIDER_NAMES) {
      const slider = within(controls).getByRole('slider', { name });
      expect(slider.id).not.toBe('');
      expect(document.querySelector(`label[for="${slider.id}"]`)?.textContent).toBe(name);
    }
  });

  it('draws a tile per target with its fault switches', async () => {
    const { live: liveStore } = renderWithStores(<App live={false} />);
    act(() => liveStore.ingestSnapshot(makeSnapshot({ seq: 3, t: 1_700_000_000_200 })));
    const tile = await screen.findByTestId('target-t2');
    expect(within(tile).getByRole('switch', { name: 'Down' }).getAttribute('aria-checked')).toBe('true');
    expect(within(tile).getByTestId('target-state-t2').textContent).toBe('down');
  });

  it('reads in Simplified Chinese once 中文 is chosen in the header, and remembers the choice', async () => {
    const { live: liveStore } = renderWithStores(<App live={false} />);
    act(() => liveStore.ingestSnapshot(makeSnapshot({ seq: 4, t: 1_700_000_000_300 })));
    await screen.findByRole('region', { name: 'Controls' });
    const language = screen.getByRole('combobox', { name: 'Language · 语言' });
    act(() => {
      fireEvent.change(language, { target: { value: 'zh-CN' } });
    });
    expect(localStorage.getItem(LANGUAGE_KEY)).toBe('zh-CN');
    expect(document.documentElement.lang).toBe('zh-CN');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Poolscope');
    const controls = screen.getByRole('region', { name: '控制' });
    expect(within(controls).getByRole('slider', { name: '最大连接数' })).toBeTruthy();
    expect(within(controls).getByRole('slider', { name: '获取超时' })).toBeTruthy();
    expect(screen.getByRole('heading', { level: 2, name: '连接池状态' })).toBeTruthy();
    expect(screen.getByRole('button', { name: '运行场景' })).toBeTruthy();
    const tile = screen.getByTestId('target-t2');
    expect(within(tile).getByRole('switch', { name: '宕机' }).getAttribute('aria-checked')).toBe('true');
    expect(within(tile).getByTestId('target-state-t2').textContent).toBe('宕机');
    expect(screen.getByTestId('closed-idle-timeout').textContent).toContain('空闲超时');
    localStorage.removeItem(LANGUAGE_KEY);
    act(() => {
      void i18n.changeLanguage('en');
    });
  });
});
