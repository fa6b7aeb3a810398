import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, screen } from '@testing-library/react';
import { renderWithStores } from '../../test-support/render-with-stores';
import { makeSnapshot } from '../../test-support/fixtures';
import { ConnectionStatus } from './connection-status';

afterEach(cleanup);

describe('ConnectionStatus', () => {
  it('says Live on a live link with data, and that a recording is one while it plays (not a stalled lab)', () => {
    const { live, rerender } = renderWithStores(<ConnectionStatus />);
    expect(screen.getByTestId('connection-status').textContent).toBe('Connecting…');
    act(() => {
      live.setStatus('live');
      live.ingestSnapshot(makeSnapshot({ seq: 1, t: 1000 }));
    });
    expect(screen.getByTestId('connection-status').textContent).toBe('Live');
    rerender(<ConnectionStatus replaying />);
    expect(screen.getByTestId('connection-status').textContent).toBe('Recording, not live');
  });
});
