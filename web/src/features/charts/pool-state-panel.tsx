import { memo, useState } from 'react';
import { Panel } from '../../components/panel';
import { Stat } from '../../components/stat';
import { TimeChart, type SeriesDef } from '../../components/time-chart';
import { STATE_COLORS, WAITING_COLOR } from '../../lib/palette';
import { formatNumber } from '../../lib/format';
import { useLive } from '../../lib/use-live';
import { useCompare } from '../../lib/use-compare';
import { SplitToggle } from '../compare/split-toggle';

const ARM_A_HEADING = 'Arm A';
const ARM_B_HEADING = 'Arm B';

const SERIES: readonly SeriesDef[] = [
  { key: 'active', name: 'Active (lent out)', get: (s) => s.pool.active, agg: 'mean', kind: 'area', stackId: 'pool', color: STATE_COLORS.active },
  { key: 'validating', name: 'Validating', get: (s) => s.pool.validating, agg: 'mean', kind: 'area', stackId: 'pool', color: STATE_COLORS.validating },
  { key: 'idle', name: 'Idle (ready)', get: (s) => s.pool.idle, agg: 'mean', kind: 'area', stackId: 'pool', color: STATE_COLORS.idle },
  { key: 'connecting', name: 'Connecting', get: (s) => s.pool.connecting, agg: 'mean', kind: 'area', stackId: 'pool', color: STATE_COLORS.connecting },
  { key: 'waiting', name: 'Waiting borrowers', get: (s) => s.pool.waiting, agg: 'max', kind: 'line', color: WAITING_COLOR },
  { key: 'maxOpen', name: 'Max open', get: (s) => s.pool.maxOpen || Number.NaN, agg: 'last', kind: 'line', color: 'var(--ref-line)', dashed: true, step: true },
  { key: 'minIdle', name: 'Min idle', get: (s) => s.pool.minIdle, agg: 'last', kind: 'line', color: STATE_COLORS.idle, dashed: true, step: true },
];

const Readouts = memo(function Readouts() {
  const open = useLive((s) => s.view?.pool.open);
  const maxOpen = useLive((s) => s.view?.pool.maxOpen);
  const waiting = useLive((s) => s.view?.pool.waiting ?? 0);
  return (
    <dl className="readouts">
      <Stat label="Open / max" value={`${formatNumber(open)} / ${maxOpen === 0 ? '∞' : formatNumber(maxOpen)}`} />
      <Stat label="Waiting now" value={formatNumber(waiting)} tone={waiting > 0 ? 'warn' : undefined} />
    </dl>
  );
});

export function PoolStatePanel() {
  const [split, setSplit] = useState(false);
  const comparing = useCompare((s) => s.running);
  return (
    <Panel
      id="pool-state"
      title="Pool state"
      lede="Every open connection is idle (ready to lend), active (lent to a borrower), validating (being health-checked) or connecting. Borrowers wait when none is idle and the pool is at Max open."
      actions={<><Readouts /><SplitToggle split={split} onChange={setSplit} /></>}
    >
      {comparing && split ? (
        <div className="split-charts">
          <h3 className="subhead">{ARM_A_HEADING}</h3>
          <TimeChart chartId="pool-state" title="Pool state, arm A" series={SERIES} height={200} yUnit="connections" arms={{ overlayB: false }} />
          <h3 className="subhead">{ARM_B_HEADING}</h3>
          <TimeChart chartId="pool-state-b" title="Pool state, arm B" series={SERIES} height={200} yUnit="connections" arms={{ source: 'b' }} />
        </div>
      ) : <TimeChart chartId="pool-state" title="Pool state" series={SERIES} height={260} yUnit="connections" />}
    </Panel>
  );
}
