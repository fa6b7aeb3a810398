import { afterEach, describe, expect, it } from 'vitest';
import { i18n } from '../../i18n/i18n';
import { markerLabel } from './marker-label';

afterEach(async () => { await i18n.changeLanguage('en'); });

describe('markerLabel', () => {
  it('words the server\'s marker labels by their codes in Chinese', async () => {
    await i18n.changeLanguage('zh-CN');
    const t = i18n.t;
    expect(markerLabel(t, { kind: 'scenario', label: 'Pool exhaustion' })).toBe('连接池耗尽');
    expect(markerLabel(t, { kind: 'config', label: 'maxOpen 10→4, holdMs 20→100' })).toBe('最大连接数 10→4，占用时间 20→100');
    expect(markerLabel(t, { kind: 'fault', label: 't1: down false→true' })).toBe('t1: 宕机 false→true');
    expect(markerLabel(t, { kind: 'fault', label: 't2: restarted (+2)' })).toBe('t2：已重启 (+2)');
    expect(markerLabel(t, { kind: 'fault', label: 'reclaimed 3 leaked connections' })).toBe('回收了 3 个泄漏的连接');
  });

  it('words the comparison\'s markers in Chinese: start with the knobs that differ, B\'s changes, stop and keep', async () => {
    await i18n.changeLanguage('zh-CN');
    const t = i18n.t;
    expect(markerLabel(t, { kind: 'config', label: 'compare started: B: maxOpen 4 (A: 10), B: holdMs 50 (A: 20)' }))
      .toBe('开始对比：B：最大连接数 4（A：10），B：占用时间 50（A：20）');
    expect(markerLabel(t, { kind: 'config', label: 'compare started (A/A)' })).toBe('开始对比（A/A）');
    expect(markerLabel(t, { kind: 'config', label: 'B: maxOpen 10→4' })).toBe('B：最大连接数 10→4');
    expect(markerLabel(t, { kind: 'config', label: 'compare stopped' })).toBe('停止对比');
    expect(markerLabel(t, { kind: 'config', label: 'kept B (+1)' })).toBe('保留 B (+1)');
  });

  it('keeps a label it does not know, and reads English as the server wrote it', () => {
    expect(markerLabel(i18n.t, { kind: 'scenario', label: 'A scenario from a newer server' })).toBe('A scenario from a newer server');
    expect(markerLabel(i18n.t, { kind: 'fault', label: 'reclaimed 1 leaked connection' })).toBe('reclaimed 1 leaked connection');
  });
});
