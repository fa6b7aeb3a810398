import { useTranslation } from 'react-i18next';
import { REQUEST_OUTCOMES } from '@poolscope/shared/vocabulary';
import { LiveStat } from '../../components/live-stat';
import type { LiveStore } from '../../lib/live-store';
import { formatMs, formatNumber } from '../../lib/format';

const positive = (tone: 'warn' | 'bad') => (v: number) => (v > 0 ? tone : undefined);
const requestRate = (s: LiveStore) => {
  const r = s.view?.rates.requests;
  return r ? REQUEST_OUTCOMES.reduce((sum, o) => sum + (r[o] ?? 0), 0) : undefined;
};

/** The numbers a class watches first, as labelled text (one <dl>), updated every tick. */
export function KpiStrip() {
  const { t } = useTranslation();
  return (
    <dl className="kpis" aria-label={t('kpi.label')} data-view="key-numbers">
      <LiveStat label={t('kpi.open')} testId="stat-open" select={(s) => s.view?.pool.open} format={formatNumber} />
      <LiveStat label={t('kpi.active')} testId="stat-active" select={(s) => s.view?.pool.active} format={formatNumber} />
      <LiveStat label={t('kpi.idle')} testId="stat-idle" select={(s) => s.view?.pool.idle} format={formatNumber} />
      <LiveStat label={t('kpi.waiting')} testId="stat-waiting" select={(s) => s.view?.pool.waiting} format={formatNumber} toneFor={positive('warn')}
        hint={t('kpi.waitingHint')} />
      <LiveStat label={t('kpi.acquires')} testId="stat-acquire-rate" select={(s) => s.view?.rates.acquires} format={formatNumber} unit="/s" />
      <LiveStat label={t('kpi.waitP99')} testId="stat-wait-p99" select={(s) => s.view?.latency.acquireWaitMs.p99} format={formatMs} />
      <LiveStat label={t('kpi.requests')} testId="stat-request-rate" select={requestRate} format={formatNumber} unit="/s" />
      <LiveStat label={t('kpi.acquireTimeouts')} testId="stat-acquire-timeouts" select={(s) => s.view?.totals.acquireTimeouts} format={formatNumber} toneFor={positive('bad')}
        hint={t('kpi.acquireTimeoutsHint')} />
      <LiveStat label={t('kpi.healthChecksFailed')} testId="stat-health-checks-failed" select={(s) => s.view?.totals.healthChecksFailed} format={formatNumber} toneFor={positive('bad')}
        hint={t('kpi.totalHint')} />
    </dl>
  );
}
