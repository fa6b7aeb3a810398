import { memo, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { Panel } from '../../components/panel';
import { Stat } from '../../components/stat';
import { TimeChart, type SeriesDef } from '../../components/lazy-time-chart';
import { PERCENTILE_COLORS } from '../../lib/palette';
import { formatMs, formatNumber, shortMs } from '../../lib/format';
import { useLive } from '../../lib/use-live';
import { lazyPart } from '../../lib/lazy-part';
import { AfterNumbers } from '../../components/after-numbers';

/** Recharts' bar chart is most of the bundle: it is fetched once the first live numbers are painted, in a chunk of its own. */
const WaitHistogram = lazyPart(() => import('./wait-histogram').then((m) => m.WaitHistogram));
/** Holds the histogram's place (legend line + 200 px chart) so nothing jumps when it arrives. */
const HISTOGRAM_HEIGHT_PX = 224;

const seriesOf = (t: TFunction): readonly SeriesDef[] => [
  { key: 'p50', name: 'p50', get: (s) => s.latency.acquireWaitMs.p50, agg: 'max', kind: 'line', color: PERCENTILE_COLORS.p50 },
  { key: 'p90', name: 'p90', get: (s) => s.latency.acquireWaitMs.p90, agg: 'max', kind: 'line', color: PERCENTILE_COLORS.p90 },
  { key: 'p99', name: 'p99', get: (s) => s.latency.acquireWaitMs.p99, agg: 'max', kind: 'line', color: PERCENTILE_COLORS.p99 },
  { key: 'max', name: t('chart.max'), get: (s) => s.latency.acquireWaitMs.max, agg: 'max', kind: 'line', color: PERCENTILE_COLORS.max },
  {
    key: 'timeout',
    name: t('wait.timeout'),
    get: (s) => s.acquireTimeoutMs,
    agg: 'last',
    kind: 'line',
    color: 'var(--ref-line)',
    dashed: true,
    step: true,
  },
];

const Readouts = memo(function Readouts() {
  const { t } = useTranslation();
  const oldest = useLive((s) => s.view?.pool.oldestWaitMs ?? 0);
  const p99 = useLive((s) => s.view?.latency.acquireWaitMs.p99);
  const waitedRate = useLive((s) => s.view?.rates.acquiresWaited);
  return (
    <dl className="readouts">
      <Stat label={t('wait.oldest')} value={formatMs(oldest)} testId="stat-oldest-wait" tone={oldest > 0 ? 'warn' : undefined} />
      <Stat label={t('wait.p99')} value={formatMs(p99)} />
      <Stat label={t('wait.hadToWait')} value={formatNumber(waitedRate)} unit="/s" />
    </dl>
  );
});

export function WaitPanel() {
  const { t } = useTranslation();
  const series = useMemo(() => seriesOf(t), [t]);
  return (
    <Panel id="wait-times" title={t('wait.title')} lede={t('wait.lede')} actions={<Readouts />}>
      <div className="chart-pair chart-pair-wide">
        <TimeChart chartId="wait-times" title={t('wait.chart')} series={series} yFormat={shortMs} />
        <AfterNumbers placeholder={<figure className="chart" aria-busy="true" style={{ minHeight: HISTOGRAM_HEIGHT_PX }} />}>
          <WaitHistogram />
        </AfterNumbers>
      </div>
    </Panel>
  );
}
