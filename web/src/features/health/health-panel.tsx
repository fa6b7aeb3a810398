import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { Panel } from '../../components/panel';
import { TimeChart, type SeriesDef } from '../../components/lazy-time-chart';
import { OKABE_ITO } from '../../lib/palette';
import { CloseReasons } from './close-reasons';
import { HealthMethod } from './health-method';
import { HealthStats } from './health-stats';
import { LeakTable } from './leak-table';

const ratesOf = (t: TFunction): readonly SeriesDef[] => [
  {
    key: 'hcFailed',
    name: t('health.hcFailed'),
    get: (s) => s.rates.healthChecksFailed,
    agg: 'mean',
    kind: 'line',
    color: OKABE_ITO.purple,
  },
  { key: 'stale', name: t('health.stale'), get: (s) => s.rates.staleBorrows, agg: 'mean', kind: 'line', color: OKABE_ITO.yellow },
  { key: 'dial', name: t('health.dial'), get: (s) => s.rates.dialFailures, agg: 'mean', kind: 'line', color: OKABE_ITO.orange },
  {
    key: 'timeouts',
    name: t('health.timeouts'),
    get: (s) => s.rates.acquireTimeouts,
    agg: 'mean',
    kind: 'line',
    color: OKABE_ITO.vermillion,
  },
  { key: 'rejected', name: t('health.rejected'), get: (s) => s.rates.rejected, agg: 'mean', kind: 'line', color: OKABE_ITO.sky },
];

export function HealthPanel() {
  const { t } = useTranslation();
  const rates = useMemo(() => ratesOf(t), [t]);
  return (
    <Panel id="health" title={t('health.title')} lede={t('health.lede')}>
      <HealthStats />
      <div className="health-grid">
        <div>
          <HealthMethod />
          <TimeChart chartId="health" title={t('health.errorsPerSecond')} series={rates} height={180} yUnit={t('units.perSecond')} />
        </div>
        <CloseReasons />
      </div>
      <LeakTable />
    </Panel>
  );
}
