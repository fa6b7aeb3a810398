import { describe, expect, it } from 'vitest';
import { countSentences, lessonProblems, lessonStateAt } from './lesson-checks';
import { LESSONS } from './lessons';
import type { Lesson } from './lesson-schema';
import { parseSeriesTerms, plainText, unknownSeriesTerms } from './series-terms';

const clone = (lesson: Lesson): Lesson => structuredClone(lesson);
const first = LESSONS[0] as Lesson;

describe('the shipped lessons', () => {
  it('are at least four, with unique ids, each valid: known panels, metrics and knobs, 4 to 8 steps, every state accepted', () => {
    expect(LESSONS.length).toBeGreaterThanOrEqual(4);
    expect(new Set(LESSONS.map((l) => l.id)).size).toBe(LESSONS.length);
    for (const lesson of LESSONS) expect({ id: lesson.id, problems: lessonProblems(lesson) }).toEqual({ id: lesson.id, problems: [] });
  });
});

describe('lessonProblems', () => {
  it('rejects a step that focuses an unknown panel, naming where', () => {
    const bad = clone(first);
    (bad.steps[1] as { focus: { panel: string } }).focus.panel = 'latency-chart';
    expect(lessonProblems(bad)).toEqual([{ path: '/steps/1/focus/panel', message: 'unknown panel latency-chart' }]);
  });

  it('rejects an unknown metric and an unknown knob', () => {
    const bad = clone(first);
    (bad.steps[0] as { focus: { metric: string } }).focus.metric = 'rates.happiness';
    bad.steps[2]!.knob = 'maxConnections2';
    expect(lessonProblems(bad).map((d) => d.path)).toEqual(['/steps/0/focus/metric', '/steps/2/knob']);
  });

  it('rejects a text missing in one language, and a watch text of more than three sentences', () => {
    const missing = clone(first) as unknown as { steps: { title: Record<string, string> }[] };
    delete missing.steps[0]!.title['zh-CN'];
    expect(lessonProblems(missing).length).toBeGreaterThan(0);
    const wordy = clone(first);
    wordy.steps[0]!.watch.en = 'One. Two. Three. Four.';
    expect(lessonProblems(wordy)).toEqual([{ path: '/steps/0/watch/en', message: 'say what to watch in 1 to 3 sentences, not 4' }]);
  });

  it('rejects a step whose cumulative state the lab would refuse (min idle above max idle)', () => {
    const bad = clone(first);
    bad.steps[2]!.pool = { maxIdle: 2, minIdle: 5 };
    expect(lessonProblems(bad)).toContainEqual(expect.objectContaining({ path: '/steps/2/pool/minIdle' }));
  });

  it('rejects a bad comparison patch: an unknown knob, a value out of range, a B the lab would refuse, a patch that changes nothing', () => {
    const withCompare = (compare: unknown) => {
      const bad = clone(first);
      (bad.steps[1] as { compare?: unknown }).compare = compare;
      return lessonProblems(bad);
    };
    expect(withCompare({ pool: { maxOpen: 4 } })).toEqual([]);
    expect(withCompare({ pool: { maxOpenn: 4 } }).map((d) => d.path)).toContain('/steps/1/compare/pool/maxOpenn');
    expect(withCompare({ pool: { maxOpen: -1 } }).map((d) => d.path)).toContain('/steps/1/compare/pool/maxOpen');
    expect(withCompare({ targets: { stall: true } }).map((d) => d.path)).toContain('/steps/1/compare/targets');
    expect(withCompare({ pool: { minIdle: 9, maxIdle: 2 } })).toContainEqual(
      expect.objectContaining({ path: '/steps/1/compare/pool/minIdle' }),
    );
    expect(withCompare({})).toEqual([{ path: '/steps/1/compare', message: 'a comparison names at least one knob where B differs from A' }]);
  });

  it('rejects a term tied to a series no chart draws, in either language', () => {
    const bad = clone(first);
    bad.steps[0]!.watch['zh-CN'] = '看[[rtt.p42|往返时间]]。';
    expect(lessonProblems(bad)).toEqual([{ path: '/steps/0/watch/zh-CN', message: 'unknown chart series rtt.p42' }]);
    bad.steps[0]!.watch['zh-CN'] = '看[[rtt.p50|往返时间]]。';
    expect(lessonProblems(bad)).toEqual([]);
  });

  it('rejects fewer than four steps', () => {
    const short = clone(first);
    short.steps = short.steps.slice(0, 3);
    expect(lessonProblems(short)).toEqual([{ path: '/steps', message: 'a lesson has 4 to 8 steps, this one 3' }]);
  });
});

describe('lessonStateAt', () => {
  it('is cumulative: step 3 is the defaults with the patches of steps 1, 2 and 3 applied in order', () => {
    const lesson = LESSONS.find((l) => l.id === 'why-pools')!;
    const state = lessonStateAt(lesson, 3);
    expect(state.ok && state.value.pool).toMatchObject({ maxIdle: 2, minIdle: 0 });
    expect(state.ok && state.value.load).toMatchObject({ concurrency: 8, thinkMs: 10, running: true });
  });

  it('restarts targets only on the step that says so, not on the steps after it', () => {
    const lesson = LESSONS.find((l) => l.id === 'dead-connections')!;
    expect(lessonStateAt(lesson, 1).ok && (lessonStateAt(lesson, 1) as { value: { restartTargets: boolean } }).value.restartTargets).toBe(
      true,
    );
    const second = lessonStateAt(lesson, 2);
    expect(second.ok && second.value.restartTargets).toBe(false);
  });

  it("gives a step its own comparison only: B is the step's state with the patch, and the step after it compares nothing", () => {
    const lesson = LESSONS.find((l) => l.id === 'pool-runs-dry')!;
    const last = lessonStateAt(lesson, 5);
    if (!last.ok) throw new Error('shipped lesson must be valid');
    expect(last.value.compare?.patch).toEqual({ pool: { maxOpen: 50, maxIdle: 50 } });
    expect(last.value.compare?.b).toEqual({ pool: { ...last.value.pool, maxOpen: 50, maxIdle: 50 }, load: last.value.load });
    const before = lessonStateAt(lesson, 4);
    expect(before.ok && before.value.compare).toBeNull();
  });

  it('refuses a step past the end', () => {
    expect(lessonStateAt(first, first.steps.length + 1).ok).toBe(false);
  });
});

describe('series terms', () => {
  it('split a text into words and terms tied to a series, and read plainly without the markup', () => {
    expect(parseSeriesTerms('A [[rtt.p50|round trip]] falls.')).toEqual([
      { text: 'A ' },
      { text: 'round trip', series: 'rtt.p50' },
      { text: ' falls.' },
    ]);
    expect(plainText('A [[rtt.p50|round trip]] falls.')).toBe('A round trip falls.');
    expect(unknownSeriesTerms('[[rtt.p50|x]] [[nope|y]] [[broken')).toEqual(['nope', '(unclosed [[…]])']);
  });
});

describe('countSentences', () => {
  it('counts English and Chinese sentences, and does not split on a decimal point', () => {
    expect(countSentences('Leak rate 0.05 is set. Watch it.')).toBe(2);
    expect(countSentences('连接池耗尽。等待数上升！')).toBe(2);
    expect(countSentences('One sentence')).toBe(1);
  });
});
