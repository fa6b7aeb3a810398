import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { CLOSE_REASONS } from '@poolscope/shared/vocabulary';
import { formatNumber } from '../../lib/format';
import { TROUBLE_REASONS } from '../../lib/palette';
import { useLive } from '../../lib/use-live';

/** Connection closes since start, one bar per reason: housekeeping vs trouble at a glance. */
export const CloseReasons = memo(function CloseReasons() {
  const { t } = useTranslation();
  const closed = useLive((s) => s.view?.totals.closed);
  const max = Math.max(1, ...CLOSE_REASONS.map((r) => closed?.[r] ?? 0));
  return (
    <div>
      <h3 className="subhead">{t('health.closesByReason')}</h3>
      <ul className="bars" aria-label={t('health.closesByReason')}>
        {CLOSE_REASONS.map((reason) => {
          const count = closed?.[reason] ?? 0;
          return (
            <li key={reason} className={TROUBLE_REASONS.has(reason) ? 'bar-trouble' : ''} data-testid={`closed-${reason}`}>
              <span className="bar-label" title={t(`closeReasonHint.${reason}`)}>
                {t(`closeReason.${reason}`)}
              </span>
              <span className="bar-track" aria-hidden="true">
                <span className="bar-fill" style={{ width: `${(count / max) * 100}%` }} />
              </span>
              <span className="bar-value">{formatNumber(count)}</span>
            </li>
          );
        })}
      </ul>
    </div>
  );
});
