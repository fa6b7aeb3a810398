import { describe, expect, it, vi } from 'vitest';
import { act, screen } from '@testing-library/react';
import { LESSONS } from '@poolscope/shared/lessons';
import { ReadOnlyContext } from '../../lib/read-only';
import { makeSnapshot } from '../../test-support/fixtures';
import { renderWithStores } from '../../test-support/render-with-stores';
import { LessonBar } from './lesson-bar';

const fetchLessons = vi.hoisted(() => vi.fn());
vi.mock('../../lib/commands', async (importOriginal) => ({ ...(await importOriginal<object>()), fetchLessons }));

const lesson = LESSONS[1]!;

describe('the lesson bar while a recording plays (read-only, no live socket)', () => {
  it('asks the lab for the lessons without a live socket and shows the recorded step, with no picker', async () => {
    fetchLessons.mockResolvedValue({ ok: true, data: LESSONS });
    const { live } = renderWithStores(
      <ReadOnlyContext.Provider value={true}>
        <LessonBar onPresent={() => undefined} />
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
    renderWithStores(
      <ReadOnlyContext.Provider value={true}>
        <LessonBar onPresent={() => undefined} />
      </ReadOnlyContext.Provider>,
    );
    expect(screen.queryByRole('region', { name: /lesson/i })).toBeNull();
  });
});
