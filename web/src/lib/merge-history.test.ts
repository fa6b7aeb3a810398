import { describe, expect, it } from 'vitest';
import { mergeHistory } from './merge-history';

const at = (source: string) => (t: number) => ({ t, source });
const live = at('live');
const past = at('history');

describe('mergeHistory', () => {
  it('puts the past before the first live sample, skipping history the live samples cover', () => {
    const merged = mergeHistory([live(5000), live(5100), live(5200)], [past(2000), past(3000), past(4000), past(5000)], 1000);
    expect(merged).toEqual([past(2000), past(3000), past(4000), live(5000), live(5100), live(5200)]);
  });

  it('fills a gap while disconnected and nothing where live samples are dense', () => {
    const merged = mergeHistory(
      [live(0), live(100), live(200), live(6000), live(6100)],
      [past(0), past(1000), past(2000), past(3000), past(4000), past(5000), past(6000)],
      1000,
    );
    expect(merged.map((s) => `${s.source}@${s.t}`)).toEqual([
      'live@0',
      'live@100',
      'live@200',
      'history@2000',
      'history@3000',
      'history@4000',
      'history@5000',
      'live@6000',
      'live@6100',
    ]);
  });

  it('keeps time order and every live sample when there is no history, or only history', () => {
    expect(mergeHistory([live(1), live(2)], [], 1000)).toEqual([live(1), live(2)]);
    expect(mergeHistory([], [past(1000), past(2000)], 1000)).toEqual([past(1000), past(2000)]);
  });
});
