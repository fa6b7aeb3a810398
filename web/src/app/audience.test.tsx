import { describe, expect, it } from 'vitest';
import { act, screen } from '@testing-library/react';
import { createDashboardStores } from '../lib/store-context';
import { renderWithStores } from '../test-support/render-with-stores';
import { makeSnapshot } from '../test-support/fixtures';
import { isAudienceView, audienceUrl } from '../features/share/audience-link';
import { ReadOnlyContext } from '../lib/read-only';
import { Audience } from './audience';
import { PANELS } from './panels';

/** Words of the buttons that change the lab in the full dashboard's panels. */
const LAB_COMMANDS = /reclaim|restart|remove|add|apply|run|reset/i;

describe('the audience view', () => {
  it('is asked for by ?audience=1 and linked on the address the presenter used', () => {
    expect(isAudienceView('?audience=1')).toBe(true);
    expect(isAudienceView('?token=x')).toBe(false);
    expect(audienceUrl({ origin: 'http://192.168.1.20:3000' })).toBe('http://192.168.1.20:3000/?audience=1');
  });

  it("shows the live numbers and offers no controls: no slider, switch, select or control button (the language is the reader's own choice)", () => {
    const { live: liveStore } = renderWithStores(<Audience />);
    act(() => liveStore.ingestSnapshot(makeSnapshot({ seq: 50, t: 1_700_000_005_000, scenarioId: 'baseline' })));
    expect(screen.getByTestId('stat-open').textContent).toBe('4');
    expect(screen.queryAllByRole('slider')).toHaveLength(0);
    expect(screen.queryAllByRole('switch')).toHaveLength(0);
    expect(screen.queryAllByRole('combobox').map((c) => c.closest('.language-select') !== null)).toEqual([true]);
    expect(screen.queryByRole('region', { name: 'Controls' })).toBeNull();
    expect(screen.getByTestId('audience-scenario').textContent).toContain('baseline');
    // The theme toggle is the only button: it changes this phone's page, not the lab.
    const buttons = screen.queryAllByRole('button').map((button) => button.textContent ?? '');
    expect(buttons).toHaveLength(1);
    expect(buttons[0]).toMatch(/Light|Dark/);
  });
});

describe('every panel a lesson can focus, read-only', () => {
  it('offers nothing that changes the lab: no switch, slider, select, form or lab command button', () => {
    const stores = createDashboardStores();
    act(() => stores.live.ingestSnapshot(makeSnapshot({ seq: 60, t: 1_700_000_006_000 })));
    for (const [panel, draw] of Object.entries(PANELS)) {
      const { unmount } = renderWithStores(<ReadOnlyContext.Provider value={true}>{draw()}</ReadOnlyContext.Provider>, stores);
      expect(screen.queryAllByRole('switch'), panel).toHaveLength(0);
      expect(screen.queryAllByRole('slider'), panel).toHaveLength(0);
      expect(screen.queryAllByRole('combobox'), panel).toHaveLength(0);
      expect(screen.queryAllByRole('textbox'), panel).toHaveLength(0);
      const buttons = screen.queryAllByRole('button').map((button) => button.textContent ?? '');
      expect(
        buttons.filter((text) => LAB_COMMANDS.test(text)),
        panel,
      ).toEqual([]);
      unmount();
    }
  });
});
