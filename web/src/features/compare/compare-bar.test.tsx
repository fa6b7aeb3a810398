import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import type { CompareState } from '@poolscope/shared/compare';
import { DEFAULT_LOAD_CONFIG, DEFAULT_POOL_CONFIG } from '@poolscope/shared/config-rules';
import { createDashboardStores } from '../../lib/store-context';
import { renderWithStores } from '../../test-support/render-with-stores';
import { makeComparingSnapshot } from '../../test-support/compare-fixtures';
import { makeSnapshot } from '../../test-support/fixtures';
import { i18n } from '../../i18n/i18n';
import { ReadOnlyContext } from '../../lib/read-only';
import { CompareBar } from './compare-bar';

const a = { pool: { ...DEFAULT_POOL_CONFIG }, load: { ...DEFAULT_LOAD_CONFIG } };
const stopped: CompareState = { running: false, a, b: null, diff: [], seed: null, startedAt: null, sharedTargetIds: [] };
const commands = vi.hoisted(() => ({ startCompare: vi.fn(), stopCompare: vi.fn(), keepB: vi.fn() }));
vi.mock('../../lib/commands', () => commands);

afterEach(() => {
  cleanup();
  vi.clearAllMocks();
});

describe('CompareBar', () => {
  it('starts B = A, then offers Keep B and Stop with focus moved to the button that replaced Start', async () => {
    commands.startCompare.mockResolvedValue({ ok: true, data: { ...stopped, running: true, b: a, seed: 1, startedAt: 0 } });
    const { compare: compareStore } = renderWithStores(<CompareBar />);
    const start = screen.getByRole('button', { name: 'Start comparison' });
    start.focus();
    await act(async () => {
      fireEvent.click(start);
    });
    expect(commands.startCompare).toHaveBeenCalledWith();
    act(() => compareStore.ingestSnapshot(makeComparingSnapshot()));
    expect(document.activeElement?.textContent).toBe('Stop comparison');
    expect(screen.getByTestId('compare-diff').textContent).toContain('B: maxOpen 4');

    commands.keepB.mockResolvedValue({ ok: true, data: stopped });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Keep B' }));
    });
    expect(commands.keepB).toHaveBeenCalledTimes(1);
    act(() => compareStore.ingestSnapshot(makeSnapshot({ seq: 9, t: 1_700_000_000_500 })));
    expect(screen.getByRole('button', { name: 'Start comparison' })).toBeTruthy();
  });

  it('offers no Start, Keep B or Stop when read-only (a recording played back): they would act on the live lab', () => {
    const { compare: compareStore } = renderWithStores(
      <ReadOnlyContext.Provider value={true}>
        <CompareBar />
      </ReadOnlyContext.Provider>,
    );
    expect(screen.queryByRole('button', { name: 'Start comparison' })).toBeNull();
    act(() => compareStore.ingestSnapshot(makeComparingSnapshot()));
    expect(screen.getByTestId('compare-diff').textContent).toContain('B: maxOpen 4');
    expect(screen.queryByRole('button', { name: 'Keep B' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Stop comparison' })).toBeNull();
  });

  it('speaks Chinese: the buttons, and the knobs that differ worded in the dashboard with the knob as code', async () => {
    await i18n.changeLanguage('zh-CN');
    const { compare: compareStore } = renderWithStores(<CompareBar />);
    expect(screen.getByRole('button', { name: '开始对比' })).toBeTruthy();
    act(() => compareStore.ingestSnapshot(makeComparingSnapshot()));
    expect(screen.getByRole('button', { name: '保留 B' })).toBeTruthy();
    expect(screen.getByRole('region', { name: '对比' }).textContent).toContain('对比中');
    const diff = screen.getByTestId('compare-diff');
    expect(diff.textContent).toContain('B：maxOpen 4（A：10）');
    expect(diff.querySelector('code')?.textContent).toBe('maxOpen');
  });

  it("says which external targets both arms share, and shows a refused control's message", async () => {
    const s = makeComparingSnapshot();
    const stores = createDashboardStores();
    act(() => stores.compare.ingestSnapshot({ ...s, compare: s.compare && { ...s.compare, sharedTargetIds: ['ext1'] } }));
    renderWithStores(<CompareBar />, stores);
    expect(screen.getByTestId('compare-shared').textContent).toMatch(/Shared by both arms: ext1/);
    commands.stopCompare.mockResolvedValue({ ok: false, error: { code: 'RATE_LIMITED', message: 'slow down', details: [] } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Stop comparison' }));
    });
    expect(screen.getByRole('alert').textContent).toBe('slow down');
  });
});
