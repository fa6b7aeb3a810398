import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { Ack } from '@poolscope/shared/protocol';
import { POOL_KNOBS, type Knob } from '../lib/knobs';
import { KnobSlider } from './knob-slider';

const maxOpen = POOL_KNOBS.find((k) => k.name === 'maxOpen') as Extract<Knob, { kind: 'number' }>;

describe('KnobSlider', () => {
  it('is named exactly by its visible label from the schema', () => {
    render(<KnobSlider knob={maxOpen} value={10} onCommit={vi.fn()} />);
    const slider = screen.getByRole('slider', { name: 'Max open connections' });
    expect(slider.getAttribute('min')).toBe('0');
    expect(slider.getAttribute('max')).toBe('100'); // working range: ten times the default
    expect((slider as HTMLInputElement).value).toBe('10');
  });

  it('sends nothing while dragging and sends the value once on release', async () => {
    const onCommit = vi.fn(async (): Promise<Ack<unknown>> => ({ ok: true, data: {} }));
    render(<KnobSlider knob={maxOpen} value={10} onCommit={onCommit} />);
    const slider = screen.getByRole('slider', { name: 'Max open connections' });
    fireEvent.change(slider, { target: { value: '8' } });
    fireEvent.change(slider, { target: { value: '7' } });
    expect(onCommit).not.toHaveBeenCalled();
    fireEvent.pointerUp(slider);
    await waitFor(() => expect(onCommit).toHaveBeenCalledTimes(1));
    expect(onCommit).toHaveBeenCalledWith(7);
  });

  it('shows a refused value inline and returns to the server value', async () => {
    const onCommit = vi.fn(async (): Promise<Ack<unknown>> => ({
      ok: false,
      error: {
        code: 'INVALID_CONFIG',
        message: 'Invalid pool config',
        details: [{ path: '/minIdle', message: 'Min idle connections (2) must not exceed Max open connections (1)' }],
      },
    }));
    render(<KnobSlider knob={maxOpen} value={10} onCommit={onCommit} />);
    const slider = screen.getByRole('slider', { name: 'Max open connections' }) as HTMLInputElement;
    fireEvent.change(slider, { target: { value: '1' } });
    fireEvent.keyUp(slider, { key: 'ArrowLeft' });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('must not exceed Max open connections');
    expect(slider.value).toBe('10');
    expect(slider.getAttribute('aria-invalid')).toBe('true');
  });

  it('applies a typed number on Enter', async () => {
    const onCommit = vi.fn(async (): Promise<Ack<unknown>> => ({ ok: true, data: {} }));
    render(<KnobSlider knob={maxOpen} value={10} onCommit={onCommit} />);
    const box = screen.getByRole('spinbutton', { name: 'Max open connections (connections)' });
    fireEvent.change(box, { target: { value: '25' } });
    fireEvent.keyDown(box, { key: 'Enter' });
    await waitFor(() => expect(onCommit).toHaveBeenCalledWith(25));
  });

  it('does not send a release that did not change the value', () => {
    const onCommit = vi.fn();
    render(<KnobSlider knob={maxOpen} value={10} onCommit={onCommit} />);
    fireEvent.keyUp(screen.getByRole('slider', { name: 'Max open connections' }), { key: 'Tab' });
    expect(onCommit).not.toHaveBeenCalled();
  });
});

describe('KnobSlider while a change is in flight', () => {
  it('sends the newest value after the in-flight one is acked (fast key presses)', async () => {
    const resolvers: ((ack: Ack<unknown>) => void)[] = [];
    const onCommit = vi.fn(() => new Promise<Ack<unknown>>((resolve) => resolvers.push(resolve)));
    render(<KnobSlider knob={maxOpen} value={10} onCommit={onCommit} />);
    const slider = screen.getByRole('slider', { name: 'Max open connections' });
    fireEvent.change(slider, { target: { value: '9' } });
    fireEvent.keyUp(slider, { key: 'ArrowLeft' });
    fireEvent.change(slider, { target: { value: '8' } });
    fireEvent.keyUp(slider, { key: 'ArrowLeft' });
    fireEvent.change(slider, { target: { value: '7' } });
    fireEvent.keyUp(slider, { key: 'ArrowLeft' });
    expect(onCommit).toHaveBeenCalledTimes(1);
    resolvers[0]?.({ ok: true, data: {} });
    await waitFor(() => expect(onCommit).toHaveBeenCalledTimes(2));
    expect(onCommit).toHaveBeenLastCalledWith(7);
  });
});
