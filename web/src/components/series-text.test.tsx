import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render } from '@testing-library/react';
import { CHART_SERIES, unknownSeriesTerms } from '@poolscope/shared/series-terms';
import { en } from '../i18n/en';
import { zhCN } from '../i18n/zh-CN';
import { SERIES_COLORS } from '../lib/series-colors';
import { STATE_COLORS, WAITING_COLOR } from '../lib/palette';
import { SeriesText } from './series-text';

afterEach(cleanup);

describe('SeriesText', () => {
  it("draws a marked term with its series' colour (swatch and underline) and leaves the rest as plain words", () => {
    const { container } = render(
      <p>
        <SeriesText text="[[pool-state.waiting|等待数]]上升，[[pool-state.active|active]] stays." />
      </p>,
    );
    expect(container.textContent).toBe('等待数上升，active stays.');
    const waiting = container.querySelector('[data-series="pool-state.waiting"]') as HTMLElement;
    expect(waiting.textContent).toBe('等待数');
    expect(waiting.style.textDecorationColor).not.toBe('');
    expect(SERIES_COLORS['pool-state.waiting']).toBe(WAITING_COLOR);
    const swatch = container.querySelector('[data-series="pool-state.active"] .series-swatch') as HTMLElement;
    expect(swatch.style.backgroundColor).toBe('rgb(0, 114, 178)');
    expect(STATE_COLORS.active.toLowerCase()).toBe('#0072b2');
  });

  it('shows a term tied to an unknown series as plain words', () => {
    const { container } = render(
      <p>
        <SeriesText text="a [[rtt.p42|round trip]] b" />
      </p>,
    );
    expect(container.textContent).toBe('a round trip b');
    expect(container.querySelector('.series-term')).toBeNull();
  });

  it('has a colour for every charted series, and the scenario texts in both languages name only charted series', () => {
    expect(Object.keys(SERIES_COLORS).sort()).toEqual([...CHART_SERIES].sort());
    for (const [language, texts] of [
      ['en', en],
      ['zh-CN', zhCN],
    ] as const) {
      for (const [id, scenario] of Object.entries(texts.scenarios)) {
        expect({ language, id, unknown: unknownSeriesTerms(scenario.watch) }).toEqual({ language, id, unknown: [] });
      }
    }
  });
});
