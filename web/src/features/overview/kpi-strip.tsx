import { useTranslation } from 'react-i18next';
import { REQUEST_OUTCOMES } from '@poolscope/shared/vocabulary';
import { LiveStat } from '../../components/live-stat';
import { formatMs, formatNumber } from '../../lib/format';
import { useCompare } from '../../lib/use-compare';
import { ArmStat, type ArmNumbers } from '../../components/compare/arm-stat';

const positive = (tone: 'warn' | 'bad') => (v: number) => (v > 0 ? tone : undefined);
const requestRate = (s: ArmNumbers) => REQUEST_OUTCOMES.reduce((sum, o) => sum + (s.rates.requests[o] ?? 0), 0);

interface Kpi {
  /** i18n keys: the strip words them in the page's language. */
  label: string;
  testId: string;
  select: (s: ArmNumbers) => number;
  format: (value: number | undefined) => string;
  unit?: string;
  toneFor?: (value: number) => 'good' | 'warn' | 'bad' | undefined;
  hint?: string;
}

const KPIS: readonly Kpi[] = [
  { label: 'kpi.open', testId: 'stat-open', select: (s) => s.pool.open, format: formatNumber },
  { label: 'kpi.active', testId: 'stat-active', select: (s) => s.pool.active, format: formatNumber },
  { label: 'kpi.idle', testId: 'stat-idle', select: (s) => s.pool.idle, format: formatNumber },
  {
    label: 'kpi.waiting',
    testId: 'stat-waiting',
    select: (s) => s.pool.waiting,
    format: formatNumber,
    toneFor: positive('warn'),
    hint: 'kpi.waitingHint',
  },
  { label: 'kpi.acquires', testId: 'stat-acquire-rate', select: (s) => s.rates.acquires, format: formatNumber, unit: '/s' },
  { label: 'kpi.waitP99', testId: 'stat-wait-p99', select: (s) => s.latency.acquireWaitMs.p99, format: formatMs },
  { label: 'kpi.requests', testId: 'stat-request-rate', select: requestRate, format: formatNumber, unit: '/s' },
  {
    label: 'kpi.acquireTimeouts',
    testId: 'stat-acquire-timeouts',
    select: (s) => s.totals.acquireTimeouts,
    format: formatNumber,
    toneFor: positive('bad'),
    hint: 'kpi.acquireTimeoutsHint',
  },
  {
    label: 'kpi.healthChecksFailed',
    testId: 'stat-health-checks-failed',
    select: (s) => s.totals.healthChecksFailed,
    format: formatNumber,
    toneFor: positive('bad'),
    hint: 'kpi.totalHint',
  },
];

/** The numbers a class watches first, as labelled text (one <dl>), updated every tick; "A | B" while comparing. */
export function KpiStrip() {
  const { t } = useTranslation();
  const comparing = useCompare((s) => s.view !== null);
  return (
    <dl
      className={`kpis${comparing ? ' kpis-arms' : ''}`}
      aria-label={comparing ? t('kpi.labelComparing') : t('kpi.label')}
      data-view="key-numbers"
    >
      {KPIS.map(({ select, label, hint, ...k }) =>
        comparing ? (
          <ArmStat
            key={k.testId}
            label={t(label)}
            testId={k.testId}
            select={select}
            format={k.format}
            unit={k.unit}
            hint={hint ? t(hint) : undefined}
          />
        ) : (
          <LiveStat
            key={k.testId}
            {...k}
            label={t(label)}
            {...(hint ? { hint: t(hint) } : {})}
            select={(s) => (s.view ? select(s.view) : undefined)}
          />
        ),
      )}
    </dl>
  );
}
