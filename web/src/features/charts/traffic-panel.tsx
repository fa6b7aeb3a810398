import { memo, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { REQUEST_OUTCOMES } from '@poolscope/shared/vocabulary';
import { Panel } from '../../components/panel';
import { Stat } from '../../components/stat';
import { TimeChart, type SeriesDef } from '../../components/lazy-time-chart';
import { OUTCOME_COLORS, PERCENTILE_COLORS } from '../../lib/palette';
import { formatMs, formatNumber, shortMs } from '../../lib/format';
import { useLive } from '../../lib/use-live';

const outcomesOf = (t: TFunction): readonly SeriesDef[] =>
  REQUEST_OUTCOMES.map((outcome) => ({
    key: outcome,
    name: t(`outcome.${outcome}`),
    get: (s) => s.rates.requests[outcome] ?? 0,
    agg: 'mean',
    kind: 'area',
    stackId: 'req',
    color: OUTCOME_COLORS[outcome],
  }));

const rttOf = (t: TFunction): readonly SeriesDef[] =>
  (['p50', 'p90', 'p99', 'max'] as const).map((p) => ({
    key: p,
    name: p === 'max' ? t('chart.max') : p,
    get: (s) => s.latency.rttMs[p],
    agg: 'max',
    kind: 'line',
    color: PERCENTILE_COLORS[p],
  }));

const Readouts = memo(function Readouts() {
  const { t } = useTranslation();
  const ok = useLive((s) => s.view?.rates.requests.ok);
  const inFlight = useLive((s) => s.view?.totals.requestsInFlight);
  const rttP99 = useLive((s) => s.view?.latency.rttMs.p99);
  return (
    <dl className="readouts">
      <Stat label={t('traffic.ok')} value={formatNumber(ok)} unit="/s" testId="stat-ok-rate" />
      <Stat label={t('traffic.inFlight')} value={formatNumber(inFlight)} />
      <Stat label={t('traffic.rttP99')} value={formatMs(rttP99)} />
    </dl>
  );
});

export function TrafficPanel() {
  const { t } = useTranslation();
  const outcomes = useMemo(() => outcomesOf(t), [t]);
  const rtt = useMemo(() => rttOf(t), [t]);
  return (
    <Panel id="throughput" title={t('traffic.title')} lede={t('traffic.lede')} actions={<Readouts />}>
      <div className="chart-pair">
        <TimeChart chartId="throughput" title={t('traffic.byOutcome')} series={outcomes} yUnit="req/s" />
        <TimeChart chartId="rtt" title={t('traffic.rtt')} series={rtt} yFormat={shortMs} />
      </div>
    </Panel>
  );
}
