import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { Stat } from '../../components/stat';
import { formatNumber } from '../../lib/format';
import { useLive } from '../../lib/use-live';

/** Totals since the lab started, each with its rate per second. */
const DialCodes = memo(function DialCodes() {
  const { t } = useTranslation();
  const byCode = useLive((s) => s.view?.totals.dialFailuresByCode);
  const entries = Object.entries(byCode ?? {})
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1]);
  if (entries.length === 0) return null;
  return (
    <p className="small dial-codes">
      <span className="muted">{t('health.dialByCode')}</span>{' '}
      {entries.map(([code, n]) => (
        <span key={code} className="pill" translate="no">
          {code} {formatNumber(n)}
        </span>
      ))}
    </p>
  );
});

export const HealthStats = memo(function HealthStats() {
  const { t } = useTranslation();
  const passed = useLive((s) => s.view?.totals.healthChecksPassed);
  const failed = useLive((s) => s.view?.totals.healthChecksFailed ?? 0);
  const stale = useLive((s) => s.view?.totals.staleBorrows ?? 0);
  const dialFailures = useLive((s) => s.view?.totals.dialFailures ?? 0);
  const timeouts = useLive((s) => s.view?.totals.acquireTimeouts ?? 0);
  const rejected = useLive((s) => s.view?.totals.rejected ?? 0);
  return (
    <>
      <dl className="stat-grid" aria-label={t('health.totals')}>
        <Stat label={t('health.checksPassed')} value={formatNumber(passed)} testId="health-checks-passed" />
        <Stat
          label={t('health.checksFailed')}
          value={formatNumber(failed)}
          testId="health-checks-failed"
          tone={failed > 0 ? 'bad' : undefined}
        />
        <Stat
          label={t('health.stale')}
          value={formatNumber(stale)}
          testId="stat-stale-borrows"
          tone={stale > 0 ? 'bad' : undefined}
          hint={t('health.staleHint')}
        />
        <Stat
          label={t('health.dial')}
          value={formatNumber(dialFailures)}
          testId="stat-dial-failures"
          tone={dialFailures > 0 ? 'warn' : undefined}
        />
        <Stat
          label={t('health.timeouts')}
          value={formatNumber(timeouts)}
          testId="health-acquire-timeouts"
          tone={timeouts > 0 ? 'bad' : undefined}
        />
        <Stat
          label={t('health.rejected')}
          value={formatNumber(rejected)}
          testId="stat-rejected"
          tone={rejected > 0 ? 'warn' : undefined}
          hint={t('health.rejectedHint')}
        />
      </dl>
      <DialCodes />
    </>
  );
});
