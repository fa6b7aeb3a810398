import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { Stat } from '../../components/stat';
import { formatNumber } from '../../lib/format';
import { useLive } from '../../lib/use-live';
import type { Counters } from '@poolscope/shared/snapshot';

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

/** One total of the lab's health: a count that shows its tone as soon as it is above zero. */
interface HealthTotal {
  labelKey: 'health.checksPassed' | 'health.checksFailed' | 'health.stale' | 'health.dial' | 'health.timeouts' | 'health.rejected';
  testId: string;
  read: (totals: Counters) => number;
  toneAboveZero?: 'warn' | 'bad';
  hintKey?: 'health.staleHint' | 'health.rejectedHint';
}

const HEALTH_TOTALS: readonly HealthTotal[] = [
  { labelKey: 'health.checksPassed', testId: 'health-checks-passed', read: (c) => c.healthChecksPassed },
  { labelKey: 'health.checksFailed', testId: 'health-checks-failed', read: (c) => c.healthChecksFailed, toneAboveZero: 'bad' },
  {
    labelKey: 'health.stale',
    testId: 'stat-stale-borrows',
    read: (c) => c.staleBorrows,
    toneAboveZero: 'bad',
    hintKey: 'health.staleHint',
  },
  { labelKey: 'health.dial', testId: 'stat-dial-failures', read: (c) => c.dialFailures, toneAboveZero: 'warn' },
  { labelKey: 'health.timeouts', testId: 'health-acquire-timeouts', read: (c) => c.acquireTimeouts, toneAboveZero: 'bad' },
  {
    labelKey: 'health.rejected',
    testId: 'stat-rejected',
    read: (c) => c.rejected,
    toneAboveZero: 'warn',
    hintKey: 'health.rejectedHint',
  },
];

/** Each total reads its own number, so a snapshot re-renders only the totals that changed. */
const HealthTotalStat = memo(function HealthTotalStat({ total }: { total: HealthTotal }) {
  const { t } = useTranslation();
  const n = useLive((s) => (s.view ? total.read(s.view.totals) : undefined));
  return (
    <Stat
      label={t(total.labelKey)}
      value={formatNumber(n)}
      testId={total.testId}
      tone={n !== undefined && n > 0 ? total.toneAboveZero : undefined}
      hint={total.hintKey ? t(total.hintKey) : undefined}
    />
  );
});

export const HealthStats = memo(function HealthStats() {
  const { t } = useTranslation();
  return (
    <>
      <dl className="stat-grid" aria-label={t('health.totals')}>
        {HEALTH_TOTALS.map((total) => (
          <HealthTotalStat key={total.testId} total={total} />
        ))}
      </dl>
      <DialCodes />
    </>
  );
});
