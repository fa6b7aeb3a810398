import { useMemo, useRef, useState } from 'react';
import { Panel } from '../../components/panel';
import { LIFETIMES_SPAN_MS } from '../../lib/connection-lifetimes';
import { liveStore } from '../../lib/live-store';
import { compareStore } from '../../lib/compare-store';
import { useChartFrame } from '../../lib/use-live';
import { groupLanes, type LaneGroup } from './lifetime-lanes';
import { LifetimeLaneList } from './lifetime-lane-list';
import { StateLegend } from './state-legend';

const ARM_TAG = { a: 'A', b: 'B' } as const;
const ARM_NAME = { a: 'arm A', b: 'arm B' } as const;

/** A's lanes, and while comparing B's after them, each group tagged with its arm. */
function armLanes(now: number): (LaneGroup & { arm?: 'a' | 'b' })[] {
  const a = groupLanes(liveStore.lifetimes.recent(now));
  if (compareStore.view === null) return a;
  return [...a.map((g) => ({ ...g, arm: 'a' as const })), ...groupLanes(compareStore.lifetimes.recent(now)).map((g) => ({ ...g, arm: 'b' as const }))];
}

/** Recent connection lifetimes as swimlanes: the connection map's last minute, not just its now. */
export function ConnectionLifetimesPanel() {
  const ref = useRef<HTMLDivElement>(null);
  const frame = useChartFrame('connection-lifetimes', ref);
  const [inspected, setInspected] = useState<string | null>(null);
  const { to, groups } = useMemo(() => {
    const now = liveStore.view?.t ?? 0;
    return { to: now, groups: armLanes(now) };
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
          <div key={`${g.arm ?? ''}${g.targetId}`}>
            <h3 className="subhead">
              {g.arm ? <><span className={`arm-tag arm-tag-${g.arm}`} aria-hidden="true">{ARM_TAG[g.arm]}</span><span className="sr-only">{ARM_NAME[g.arm]}, </span></> : null}
              {g.targetId}
            </h3>
            <LifetimeLaneList lanes={g.lanes} label={`Connection lifetimes on ${g.targetId}${g.arm ? `, ${ARM_NAME[g.arm]}` : ''}`} from={from} to={to} onInspect={setInspected} />
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
