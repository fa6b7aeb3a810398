import { memo } from 'react';
import { CLOSE_REASONS } from '@poolscope/shared/vocabulary';
import { formatNumber } from '../../lib/format';
import { TROUBLE_REASONS } from '../../lib/palette';
import { useLive } from '../../lib/use-live';

const EXPLAIN: Record<string, string> = {
  'idle-timeout': 'idle longer than Idle timeout',
  'max-lifetime': 'older than Max lifetime',
  'health-check': 'failed a health check',
  'remote-closed': 'the target closed it',
  error: 'socket error',
  shrink: 'pool shrank (Max open lowered)',
  'excess-idle': 'more idle than Max idle',
  'pool-closed': 'pool shut down',
  'leak-reclaimed': 'leaked loan reclaimed',
  'bad-reply': 'reply did not match the request',
  'unexpected-bytes': 'the target sent more than Max frame size unasked',
};

/** Connection closes since start, one bar per reason: housekeeping vs trouble at a glance. */
export const CloseReasons = memo(function CloseReasons() {
  const closed = useLive((s) => s.view?.totals.closed);
  const max = Math.max(1, ...CLOSE_REASONS.map((r) => closed?.[r] ?? 0));
  return (
    <div>
      <h3 className="subhead">Connection closes by reason</h3>
      <ul className="bars" aria-label="Connection closes by reason">
        {CLOSE_REASONS.map((reason) => {
          const count = closed?.[reason] ?? 0;
          return (
            <li key={reason} className={TROUBLE_REASONS.has(reason) ? 'bar-trouble' : ''} data-testid={`closed-${reason}`}>
              <span className="bar-label" title={EXPLAIN[reason]}>{reason}</span>
              <span className="bar-track" aria-hidden="true"><span className="bar-fill" style={{ width: `${(count / max) * 100}%` }} /></span>
              <span className="bar-value">{formatNumber(count)}</span>
            </li>
          );
        })}
      </ul>
    </div>
  );
});
