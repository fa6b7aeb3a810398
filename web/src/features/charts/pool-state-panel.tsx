import { memo, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { Panel } from '../../components/panel';
import { Stat } from '../../components/stat';
import { TimeChart, type SeriesDef } from '../../components/lazy-time-chart';
import { STATE_COLORS, WAITING_COLOR } from '../../lib/palette';
import { formatNumber } from '../../lib/format';
import { useLive } from '../../lib/use-live';
import { useCompare } from '../../lib/use-compare';
import { SplitToggle } from '../../components/compare/split-toggle';

const seriesOf = (t: TFunction): readonly SeriesDef[] => [
  {
    key: 'active',
    name: t('pool.active'),
    get: (s) => s.pool.active,
    agg: 'mean',
    kind: 'area',
    stackId: 'pool',
    color: STATE_COLORS.active,
  },
  {
    key: 'validating',
    name: t('pool.validating'),
    get: (s) => s.pool.validating,
    agg: 'mean',
    kind: 'area',
    stackId: 'pool',
    color: STATE_COLORS.validating,
  },
  { key: 'idle', name: t('pool.idle'), get: (s) => s.pool.idle, agg: 'mean', kind: 'area', stackId: 'pool', color: STATE_COLORS.idle },
  {
    key: 'connecting',
    name: t('pool.connecting'),
    get: (s) => s.pool.connecting,
    agg: 'mean',
    kind: 'area',
    stackId: 'pool',
    color: STATE_COLORS.connecting,
  },
  { key: 'waiting', name: t('pool.waiting'), get: (s) => s.pool.waiting, agg: 'max', kind: 'line', color: WAITING_COLOR },
  {
    key: 'maxOpen',
    name: t('pool.maxOpen'),
    get: (s) => s.pool.maxOpen || Number.NaN,
    agg: 'last',
    kind: 'line',
    color: 'var(--ref-line)',
    dashed: true,
    step: true,
  },
  {
    key: 'minIdle',
    name: t('pool.minIdle'),
    get: (s) => s.pool.minIdle,
    agg: 'last',
    kind: 'line',
    color: STATE_COLORS.idle,
    dashed: true,
    step: true,
  },
];

const Readouts = memo(function Readouts() {
  const { t } = useTranslation();
  const open = useLive((s) => s.view?.pool.open);
  const maxOpen = useLive((s) => s.view?.pool.maxOpen);
  const socketBudget = useLive((s) => s.view?.pool.socketBudget ?? 0);
  const waiting = useLive((s) => s.view?.pool.waiting ?? 0);
  return (
    <dl className="readouts">
      <Stat label={t('pool.openOfMax')} value={`${formatNumber(open)} / ${maxOpen === 0 ? '∞' : formatNumber(maxOpen)}`} />
      {/* From the fd limit: "unlimited" (max open 0) means up to this, and a dial past it fails. */}
      {socketBudget > 0 && (
        <Stat label={t('pool.socketBudget')} testId="socket-budget" value={formatNumber(socketBudget)} hint={t('pool.socketBudgetHint')} />
      )}
      <Stat label={t('pool.waitingNow')} value={formatNumber(waiting)} tone={waiting > 0 ? 'warn' : undefined} />
    </dl>
  );
});

export function PoolStatePanel() {
  const { t } = useTranslation();
  const series = useMemo(() => seriesOf(t), [t]);
  const [split, setSplit] = useState(false);
  const comparing = useCompare((s) => s.running);
  return (
    <Panel
      id="pool-state"
      title={t('pool.title')}
      lede={t('pool.lede')}
      actions={
        <>
          <Readouts />
          <SplitToggle split={split} onChange={setSplit} />
        </>
      }
    >
      {comparing && split ? (
        <div className="split-charts">
          <h3 className="subhead">{t('compare.headingA')}</h3>
          <TimeChart
            chartId="pool-state"
            title={t('compare.chartOfArm', { title: t('pool.title'), arm: t('compare.armA') })}
            series={series}
            height={200}
            yUnit={t('chart.connectionsAxis')}
            arms={{ overlayB: false }}
          />
          <h3 className="subhead">{t('compare.headingB')}</h3>
          <TimeChart
            chartId="pool-state-b"
            title={t('compare.chartOfArm', { title: t('pool.title'), arm: t('compare.armB') })}
            series={series}
            height={200}
            yUnit={t('chart.connectionsAxis')}
            arms={{ source: 'b' }}
          />
        </div>
      ) : (
        <TimeChart chartId="pool-state" title={t('pool.title')} series={series} height={260} yUnit={t('chart.connectionsAxis')} />
      )}
    </Panel>
  );
}
