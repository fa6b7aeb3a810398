import { describe, expect, it } from 'vitest';
import { act, fireEvent, screen, within } from '@testing-library/react';
import { renderWithStores } from '../../test-support/render-with-stores';
import { EventLog } from './event-log';
import { describeEvent } from './describe-event';
import { makeSnapshot } from '../../test-support/fixtures';
import { i18n } from '../../i18n/i18n';

describe('EventLog', () => {
  it('lists notable events newest first and hides connection churn until asked', () => {
    const { live: liveStore } = renderWithStores(<EventLog />);
    act(() =>
      liveStore.ingestEvents([
        { t: 1, type: 'connection-opened', connectionId: 1, targetId: 't1', dialMs: 0.4 },
        { t: 2, type: 'acquire-timed-out', waitedMs: 500, message: 'timed out; last dial error: ECONNREFUSED' },
        { t: 3, type: 'stale-borrow', connectionId: 4, targetId: 't2', error: 'EPIPE' },
      ]),
    );
    const items = within(screen.getByRole('list', { name: 'Lab events, newest first' })).getAllByRole('listitem');
    expect(items.map((li) => li.textContent)).toEqual([
      expect.stringContaining('Stale borrow: #4 on t2'),
      expect.stringContaining('Acquire timed out after 500 ms: timed out; last dial error: ECONNREFUSED'),
    ]);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Show opens and closes' }));
    expect(screen.getByText(/#1 opened to t1/)).toBeTruthy();
  });
});

describe('describeEvent', () => {
  it('names the reason a connection closed and marks trouble', () => {
    const line = describeEvent(
      { t: 0, type: 'connection-closed', connectionId: 9, targetId: 't1', reason: 'health-check', ageMs: 2000, uses: 7 },
      i18n.t,
    );
    expect(line).toEqual({ text: '#9 on t1 closed: health-check, after 2.00 s and 7 uses', tone: 'warn' });
  });

  it('words the close reason and scenario by code in Chinese and keeps server text apart as a detail', async () => {
    await i18n.changeLanguage('zh-CN');
    const closed = describeEvent(
      { t: 0, type: 'connection-closed', connectionId: 9, targetId: 't1', reason: 'health-check', ageMs: 2000, uses: 7 },
      i18n.t,
    );
    expect(closed.text).toBe('t1 上的 #9 已关闭：健康检查失败，存活 2.00 s，使用 7 次');
    const timedOut = describeEvent(
      { t: 0, type: 'acquire-timed-out', waitedMs: 500, message: 'timed out; last dial error: ECONNREFUSED' },
      i18n.t,
    );
    expect(timedOut).toEqual({ text: '等待 500 ms 后获取超时：', tone: 'bad', detail: 'timed out; last dial error: ECONNREFUSED' });
    expect(describeEvent({ t: 0, type: 'scenario-applied', scenarioId: 'slow-leak', title: 'The slow leak' }, i18n.t).text).toBe(
      '场景已启动：缓慢泄漏',
    );
    const changed = describeEvent({ t: 0, type: 'reconfigured', scope: 'pool', changed: { maxOpen: 4, watchIdle: false } }, i18n.t);
    expect(changed.text).toBe('连接池配置已更改：最大连接数 4，监视空闲套接字 关');
  });
});

describe('EventLog, when the lab left events out', () => {
  it('says how many events the stream did not carry', () => {
    const { live: liveStore } = renderWithStores(<EventLog />);
    expect(screen.queryByRole('status')).toBeNull();
    act(() => liveStore.ingestSnapshot(makeSnapshot({ seq: 1, eventsDropped: 120 })));
    expect(screen.getByRole('status').textContent).toMatch(/^120 events not shown/);
  });
});
