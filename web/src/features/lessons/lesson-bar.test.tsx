import { describe, expect, it, vi } from 'vitest';
import { act, screen, waitFor } from '@testing-library/react';
import { LESSONS } from '@poolscope/shared/lessons';
import { ReadOnlyContext } from '../../lib/read-only';
import { makeSnapshot } from '../../test-support/fixtures';
import { renderWithStores } from '../../test-support/render-with-stores';
import { LessonBar, LessonStepLine } from './lesson-bar';

const fetchLessons = vi.hoisted(() => vi.fn());
vi.mock('../../lib/commands', async (importOriginal) => ({ ...(await importOriginal<object>()), fetchLessons }));

const lesson = LESSONS[1]!;

describe('the lesson bar while a recording plays (read-only, no live socket)', () => {
  it('asks the lab for the lessons without a live socket and shows the recorded step, with no picker', async () => {
    fetchLessons.mockResolvedValue({ ok: true, data: LESSONS });
    const { live } = renderWithStores(
      <ReadOnlyContext.Provider value={true}>
        <LessonBar onPresent={() => undefined} />
        <LessonStepLine />
      </ReadOnlyContext.Provider>,
    );
    expect(live.status).not.toBe('live');
    act(() => live.ingestSnapshot(makeSnapshot({ seq: 1, t: 1000, lesson: { id: lesson.id, step: 2 } })));
    expect((await screen.findByTestId('lesson-step')).textContent).toContain(lesson.steps[1]!.title.en);
    expect(screen.queryByRole('combobox')).toBeNull();
    expect(fetchLessons).toHaveBeenCalled();
  });

  it('draws nothing when no lesson was running (no empty box)', () => {
    fetchLessons.mockResolvedValue({ ok: true, data: LESSONS });
    const { container } = renderWithStores(
      <ReadOnlyContext.Provider value={true}>
        <LessonBar onPresent={() => undefined} />
        <LessonStepLine />
      </ReadOnlyContext.Provider>,
    );
    expect(screen.queryByRole('region', { name: /lesson/i })).toBeNull();
    expect(container.innerHTML).toBe('');
  });
});

describe('the lessons asked for', () => {
  it('once by the components that mount together', async () => {
    fetchLessons.mockClear();
    let answer: (value: unknown) => void = () => undefined;
    fetchLessons.mockReturnValue(new Promise((resolve) => (answer = resolve)));
    vi.resetModules();
    // Fresh modules: no lessons cached by the tests above, and a store context the fresh hook shares.
    const { useLessons } = await import('./use-lessons');
    const fresh = await import('../../test-support/render-with-stores');
    function Reader() {
      return <p>{useLessons().lessons.length}</p>;
    }
    fresh.renderWithStores(
      <>
        <Reader />
        <Reader />
      </>,
    );
    // Not in the task that draws the page (its first paint is the live numbers'), but right after it.
    expect(fetchLessons).not.toHaveBeenCalled();
    await waitFor(() => expect(fetchLessons).toHaveBeenCalledTimes(1));
    await act(async () => answer({ ok: true, data: LESSONS }));
    expect(fetchLessons).toHaveBeenCalledTimes(1);
    expect(screen.getAllByText(String(LESSONS.length))).toHaveLength(2);
  });
});
