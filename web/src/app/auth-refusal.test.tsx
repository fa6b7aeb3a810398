import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, screen } from '@testing-library/react';
import { renderWithStores } from '../test-support/render-with-stores';
import { App } from './app';

afterEach(() => vi.unstubAllGlobals());

describe('a command the lab refuses for want of the token', () => {
  it('makes the dashboard ask for the control token (commands tell the app, the app tells its store)', async () => {
    const refused = { code: 'UNAUTHORIZED', message: 'The control token is missing or wrong.', details: [] };
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(JSON.stringify(refused), { status: 401 })),
    );
    const { live } = renderWithStores(<App live={false} />);
    expect(screen.queryByRole('form', { name: 'Control token needed' })).toBeNull();
    // Once the lab is reachable the dashboard asks for the scenario list over REST: refused here.
    act(() => live.setStatus('live'));
    expect(await screen.findByRole('form', { name: 'Control token needed' })).toBeTruthy();
    expect(live.needsToken).toBe(true);
  });
});
