import { memo, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { Panel } from '../../components/panel';
import { Stat } from '../../components/stat';
import { TimeChart, type SeriesDef } from '../../components/lazy-time-chart';
import { OKABE_ITO, STATE_COLORS } from '../../lib/palette';
import { formatMs, formatNumber } from '../../lib/format';
import { useLive } from '../../lib/use-live';

/** L = λ × W: connections in use = acquires per second × mean seconds each is held. */
export function predictedActive(acquiresPerSec: number, meanHoldMs: number): number {
  return acquiresPerSec * (meanHoldMs / 1000);
}

const seriesOf = (t: TFunction): readonly SeriesDef[] => [
  {
    key: 'predicted',
    name: t('littles.predicted'),
    get: (s) => predictedActive(s.rates.acquires, s.latency.holdMs.mean),
    agg: 'mean',
    kind: 'line',
    color: OKABE_ITO.orange,
    dashed: true,
  },
  { key: 'active', name: t('littles.measured'), get: (s) => s.pool.active, agg: 'mean', kind: 'line', color: STATE_COLORS.active },
];

const Equation = memo(function Equation() {
  const { t } = useTranslation();
  const rate = useLive((s) => s.view?.rates.acquires ?? 0);
  const holdMs = useLive((s) => s.view?.latency.holdMs.mean ?? 0);
  const active = useLive((s) => s.view?.pool.active ?? 0);
  const predicted = predictedActive(rate, holdMs);
  return (
    <div className="littles">
      <p
        className="equation"
        aria-label={t('littles.equation', {
          rate: formatNumber(rate),
          hold: formatMs(holdMs),
          predicted: formatNumber(predicted),
          active: formatNumber(active),
        })}
      >
        <span className="eq-term">
          <span className="eq-value">{formatNumber(rate)}</span>
          <span className="eq-label">{t('littles.rate')}</span>
        </span>
        <span className="eq-op">×</span>
        <span className="eq-term">
          <span className="eq-value">{formatMs(holdMs)}</span>
          <span className="eq-label">{t('littles.hold')}</span>
        </span>
        <span className="eq-op">=</span>
        <span className="eq-term eq-result">
          <span className="eq-value" data-testid="littles-predicted">
            {formatNumber(predicted)}
          </span>
          <span className="eq-label">{t('littles.inUse')}</span>
        </span>
      </p>
      <dl className="readouts">
        <Stat label={t('littles.measured')} value={formatNumber(active)} testId="littles-measured" />
      </dl>
    </div>
  );
});

export function LittlesLawPanel() {
  const { t } = useTranslation();
  const series = useMemo(() => seriesOf(t), [t]);
  return (
    <Panel id="littles-law" title={t('littles.title')} lede={t('littles.lede')}>
      <Equation />
      <TimeChart chartId="littles-law" title={t('littles.title')} series={series} height={170} yUnit={t('chart.connectionsAxis')} />
    </Panel>
  );
}
