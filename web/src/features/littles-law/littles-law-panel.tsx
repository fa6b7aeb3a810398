import { memo } from 'react';
import { Panel } from '../../components/panel';
import { Stat } from '../../components/stat';
import { TimeChart, type SeriesDef } from '../../components/time-chart';
import { OKABE_ITO, STATE_COLORS } from '../../lib/palette';
import { formatMs, formatNumber } from '../../lib/format';
import { useLive } from '../../lib/use-live';

/** L = λ × W: connections in use = acquires per second × mean seconds each is held. */
export function predictedActive(acquiresPerSec: number, meanHoldMs: number): number {
  return acquiresPerSec * (meanHoldMs / 1000);
}

const SERIES: readonly SeriesDef[] = [
  { key: 'predicted', name: 'λ × W (predicted)', get: (s) => predictedActive(s.rates.acquires, s.latency.holdMs.mean), agg: 'mean', kind: 'line', color: OKABE_ITO.orange, dashed: true },
  { key: 'active', name: 'Measured active', get: (s) => s.pool.active, agg: 'mean', kind: 'line', color: STATE_COLORS.active },
];

const Equation = memo(function Equation() {
  const rate = useLive((s) => s.view?.rates.acquires ?? 0);
  const holdMs = useLive((s) => s.view?.latency.holdMs.mean ?? 0);
  const active = useLive((s) => s.view?.pool.active ?? 0);
  const predicted = predictedActive(rate, holdMs);
  return (
    <div className="littles">
      <p className="equation" aria-label={`${formatNumber(rate)} acquires per second times ${formatMs(holdMs)} mean hold equals ${formatNumber(predicted)} connections in use; measured ${formatNumber(active)}`}>
        <span className="eq-term"><span className="eq-value">{formatNumber(rate)}</span><span className="eq-label">acquires/s (λ)</span></span>
        <span className="eq-op">×</span>
        <span className="eq-term"><span className="eq-value">{formatMs(holdMs)}</span><span className="eq-label">mean hold (W)</span></span>
        <span className="eq-op">=</span>
        <span className="eq-term eq-result"><span className="eq-value" data-testid="littles-predicted">{formatNumber(predicted)}</span><span className="eq-label">in use (L)</span></span>
      </p>
      <dl className="readouts">
        <Stat label="Measured active" value={formatNumber(active)} testId="littles-measured" />
      </dl>
    </div>
  );
});

export function LittlesLawPanel() {
  return (
    <Panel
      id="littles-law"
      title="Little's law"
      lede="On average, connections in use = how often they are borrowed × how long each is held. Slow the target or raise Hold time and the pool needs more connections for the same traffic."
    >
      <Equation />
      <TimeChart chartId="littles-law" title="Little's law" series={SERIES} height={170} yUnit="connections" />
    </Panel>
  );
}
