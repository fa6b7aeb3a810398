import { useMemo, useRef, useState } from 'react';
import { Panel } from '../../components/panel';
import { LIFETIMES_SPAN_MS } from '../../lib/connection-lifetimes';
import { liveStore } from '../../lib/live-store';
import { useChartFrame } from '../../lib/use-live';
import { groupLanes } from './lifetime-lanes';
import { LifetimeLaneList } from './lifetime-lane-list';
import { StateLegend } from './state-legend';

/** Recent connection lifetimes as swimlanes: the connection map's last minute, not just its now. */
export function ConnectionLifetimesPanel() {
  const ref = useRef<HTMLDivElement>(null);
  const frame = useChartFrame('connection-lifetimes', ref);
  const [inspected, setInspected] = useState<string | null>(null);
  const { to, groups } = useMemo(() => {
    const now = liveStore.view?.t ?? 0;
    return { to: now, groups: groupLanes(liveStore.lifetimes.recent(now)) };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [frame]);
  const from = to - LIFETIMES_SPAN_MS;
  return (
    <Panel
      id="connection-lifetimes"
      title="Connection lifetimes"
      lede="The last minute of each recent connection, one lane each, grouped by target: a bar from open to close, coloured by the state it was in at each tick, and why it closed. Hover, or Tab in and use the arrow keys, for the details."
    >
      <StateLegend label="Lane colours">
        <li className="legend-item"><span className="swatch lane-unseen-swatch" aria-hidden="true" />open, not yet sampled</li>
        <li className="legend-item"><span className="swatch lane-close-swatch" aria-hidden="true" />closed</li>
      </StateLegend>
      <div ref={ref} className="lane-groups">
        {groups.length === 0 ? <p className="muted">No connections in the last minute.</p> : null}
        {groups.map((g) => (
          <div key={g.targetId}>
            <h3 className="subhead">{g.targetId}</h3>
            <LifetimeLaneList lanes={g.lanes} label={`Connection lifetimes on ${g.targetId}`} from={from} to={to} onInspect={setInspected} />
          </div>
        ))}
        {groups.length > 0 ? (
          <p className="lane-axis muted small" aria-hidden="true"><span>1 min ago</span><span>30 s ago</span><span>now</span></p>
        ) : null}
      </div>
      <p className="inspect" aria-live="polite">{inspected ?? 'Hover or focus a lane for details.'}</p>
    </Panel>
  );
}
