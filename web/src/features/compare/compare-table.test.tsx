import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { makeSummaryRow } from '../../test-support/compare-fixtures';
import { i18n } from '../../i18n/i18n';
import { SummaryTable } from './compare-table';

afterEach(cleanup);

describe('SummaryTable', () => {
  it('marks the better value of a significant row and prints ~ where the difference is noise', () => {
    render(
      <SummaryTable
        windowS={30}
        rows={[
          makeSummaryRow({ metric: 'rttMs.p50', unit: 'ms', a: 0.4, b: 0.2, delta: -0.2, deltaPct: -50, significant: true, better: 'b' }),
          makeSummaryRow({
            metric: 'dialsPerSec',
            unit: '/s',
            a: 2,
            b: 2.1,
            delta: 0.1,
            deltaPct: 5,
            pValue: 0.6,
            significant: false,
            better: null,
          }),
        ]}
      />,
    );
    const table = screen.getByRole('table');
    const rtt = within(table).getByRole('row', { name: /Round trip p50/ });
    expect(
      within(rtt)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['0.40 ms', '✓ 0.20 ms', '−0.20 ms (−50 %)', 'B better']);
    expect(within(rtt).getByLabelText('better').closest('td')?.dataset.testid).toBe('compare-b-rttMs.p50');

    const dials = within(table).getByRole('row', { name: /Dials/ });
    expect(within(dials).queryByLabelText('better')).toBeNull();
    expect(within(dials).getByLabelText('within noise').textContent).toBe('~');
    expect(within(dials).getAllByRole('cell')[2]?.textContent).toBe('+0.1 /s (+5 %)');
  });

  it('folds away rows that are zero in both arms until asked', () => {
    render(
      <SummaryTable
        windowS={30}
        rows={[
          makeSummaryRow(),
          makeSummaryRow({
            metric: 'staleBorrowsPerSec',
            unit: '/s',
            a: 0,
            b: 0,
            delta: 0,
            deltaPct: null,
            pValue: 1,
            significant: false,
            better: null,
          }),
        ]}
      />,
    );
    expect(screen.queryByRole('row', { name: /Stale borrows/ })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Show 1 more row (zero in both arms)' }));
    expect(screen.getByRole('row', { name: /Stale borrows/ })).toBeTruthy();
    expect(screen.getByRole('button', { name: /Hide the rows/ }).getAttribute('aria-expanded')).toBe('true');
  });

  it('words the table in Chinese: metrics by id, requests keep their outcome code, an unknown id falls back to its label', async () => {
    await i18n.changeLanguage('zh-CN');
    render(
      <SummaryTable
        windowS={30}
        rows={[
          makeSummaryRow({ metric: 'rttMs.p50', unit: 'ms', a: 0.4, b: 0.2, delta: -0.2, deltaPct: -50, significant: true, better: 'b' }),
          makeSummaryRow({
            metric: 'requestsPerSec.acquire-timeout',
            unit: 'req/s',
            a: 3,
            b: 1,
            delta: -2,
            deltaPct: -66,
            significant: false,
            better: null,
          }),
          makeSummaryRow({ metric: 'brandNewPerSec', unit: '/s', a: 1, b: 2, delta: 1, deltaPct: 100, significant: false, better: null }),
        ]}
      />,
    );
    expect(screen.getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['指标', 'A', 'B', 'Δ（B − A）', '结论']);
    const rtt = screen.getByRole('row', { name: /往返时间 p50/ });
    expect(within(rtt).getAllByRole('cell')[3]?.textContent).toBe('B 更好');
    expect(within(rtt).getByLabelText('更好')).toBeTruthy();
    expect(screen.getByRole('row', { name: /acquire-timeout 请求/ })).toBeTruthy();
    expect(screen.getByRole('row', { name: /brandNewPerSec/ })).toBeTruthy();
    expect(screen.getAllByLabelText('在噪声范围内')).toHaveLength(2);
  });

  it('names the columns and the window, and shows a dash for an arm with no samples yet', () => {
    render(
      <SummaryTable
        windowS={45}
        rows={[
          makeSummaryRow({
            metric: 'openConnections',
            unit: 'connections',
            a: 50,
            b: null,
            delta: null,
            deltaPct: null,
            significant: false,
            better: null,
          }),
        ]}
      />,
    );
    expect(screen.getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['Metric', 'A', 'B', 'Δ (B − A)', 'Verdict']);
    expect(screen.getByText(/last 45 s/)).toBeTruthy();
    const row = screen.getByRole('row', { name: /Open connections/ });
    expect(
      within(row)
        .getAllByRole('cell')
        .map((c) => c.textContent)
        .slice(0, 3),
    ).toEqual(['50', '–', '–']);
  });
});
