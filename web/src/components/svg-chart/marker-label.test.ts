import { afterEach, describe, expect, it } from 'vitest';
import { i18n } from '../../i18n/i18n';
import { markerLabel } from './marker-label';

afterEach(async () => {
  await i18n.changeLanguage('en');
});

describe('markerLabel', () => {
  it("words the server's marker labels by their codes in Chinese", async () => {
    await i18n.changeLanguage('zh-CN');
    const t = i18n.t;
    expect(markerLabel(t, { kind: 'scenario', label: 'Pool exhaustion' })).toBe('连接池耗尽');
    expect(markerLabel(t, { kind: 'config', label: 'maxOpen 10→4, holdMs 20→100' })).toBe('最大连接数 10→4，占用时间 20→100');
    expect(markerLabel(t, { kind: 'fault', label: 't1: down false→true' })).toBe('t1: 宕机 false→true');
    expect(markerLabel(t, { kind: 'fault', label: 't2: restarted (+2)' })).toBe('t2：已重启 (+2)');
    expect(markerLabel(t, { kind: 'fault', label: 'reclaimed 3 leaked connections' })).toBe('回收了 3 个泄漏的连接');
  });

  it("words the comparison's markers in Chinese: start with the knobs that differ, B's changes, stop and keep", async () => {
    await i18n.changeLanguage('zh-CN');
    const t = i18n.t;
    expect(markerLabel(t, { kind: 'config', label: 'compare started: B: maxOpen 4 (A: 10), B: holdMs 50 (A: 20)' })).toBe(
      '开始对比：B：最大连接数 4（A：10），B：占用时间 50（A：20）',
    );
    expect(markerLabel(t, { kind: 'config', label: 'compare started (A/A)' })).toBe('开始对比（A/A）');
    expect(markerLabel(t, { kind: 'config', label: 'B: maxOpen 10→4' })).toBe('B：最大连接数 10→4');
    expect(markerLabel(t, { kind: 'config', label: 'compare stopped' })).toBe('停止对比');
    expect(markerLabel(t, { kind: 'config', label: 'kept B (+1)' })).toBe('保留 B (+1)');
  });

  it('words a marker from its code and params when it has them: lesson steps, booleans, target faults, comparisons', async () => {
    await i18n.changeLanguage('zh-CN');
    const t = i18n.t;
    expect(
      markerLabel(t, {
        kind: 'scenario',
        label: 'Why pools exist: step 2/5',
        code: 'lesson-step',
        params: { lessonId: 'why-pools', step: 2, count: 5 },
      }),
    ).toBe('为什么需要连接池：第 2/5 步');
    expect(
      markerLabel(t, {
        kind: 'scenario',
        label: 'Why pools exist: step 2/5 (+1)',
        code: 'lesson-step',
        params: { lessonId: 'why-pools', step: 2, count: 5 },
      }),
    ).toBe('为什么需要连接池：第 2/5 步 (+1)');
    expect(
      markerLabel(t, {
        kind: 'config',
        label: 'watchIdle true→false, maxOpen 10→4',
        code: 'config-changed',
        params: { scope: 'pool' },
        changes: [
          { knob: 'watchIdle', from: true, to: false },
          { knob: 'maxOpen', from: 10, to: 4 },
        ],
      }),
    ).toBe('监视空闲套接字 开→关，最大连接数 10→4');
    expect(
      markerLabel(t, {
        kind: 'fault',
        label: 't1: stall false→true',
        code: 'target-changed',
        params: { targetId: 't1' },
        changes: [{ knob: 'stall', from: false, to: true }],
      }),
    ).toMatch(/^t1：\p{Script=Han}+ 关→开$/u);
    expect(
      markerLabel(t, {
        kind: 'config',
        label: 'compare started: B: maxIdle 0 (A: 10)',
        code: 'compare-started',
        changes: [{ knob: 'maxIdle', from: 10, to: 0 }],
      }),
    ).toBe(`开始对比：B：${t('knobs.maxIdle.title')} 0（A：10）`);
    expect(
      markerLabel(t, { kind: 'scenario', label: 'Pool exhaustion', code: 'scenario-applied', params: { scenarioId: 'exhaustion' } }),
    ).toBe('连接池耗尽');
    expect(markerLabel(t, { kind: 'fault', label: 'reclaimed 1 leaked connection', code: 'leaks-reclaimed', params: { count: 1 } })).toBe(
      '回收了 1 个泄漏的连接',
    );
  });

  it('keeps a label it does not know, and reads English as the server wrote it', () => {
    expect(markerLabel(i18n.t, { kind: 'scenario', label: 'A scenario from a newer server' })).toBe('A scenario from a newer server');
    expect(markerLabel(i18n.t, { kind: 'fault', label: 'reclaimed 1 leaked connection' })).toBe('reclaimed 1 leaked connection');
  });
});
