import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Snapshot } from '@poolscope/shared/snapshot';
import { Panel } from '../../components/panel';
import type { CompareStore } from '../../lib/compare-store';
import { useCompareStore, useLiveStore } from '../../lib/store-context';
import { useChartFrame } from '../../lib/use-live';
import { formatNumber } from '../../lib/format';
import { ConnectionCells, type Cell } from './connection-cells';
import { StateLegend } from './state-legend';

/** How long a closed connection lingers on the map with its close reason. */
export const LINGER_MS = 5000;

interface Group {
  targetId: string;
  address: string;
  cells: Cell[];
  counts: Record<string, number>;
  unlisted: number;
  arm?: 'a' | 'b';
}

/** What the map reads of a snapshot: A's, or arm B's part of one with the snapshot's time. */
export type MapSource = Pick<Snapshot, 't' | 'targets' | 'connections' | 'recentlyClosed' | 'connectionCounts'>;

const ARM_TAG = { a: 'A', b: 'B' } as const;
const ARM_NAME = { a: 'compare.armA', b: 'compare.armB' } as const;

/** While comparing, A's groups then B's, each tagged with its arm (the arms' connection ids are their own). */
function armGroups(view: Snapshot, compareStore: CompareStore): Group[] {
  const b = compareStore.view?.b;
  if (!b) return groupConnections(view);
  return [
    ...groupConnections(view).map((g) => ({ ...g, arm: 'a' as const })),
    ...groupConnections({ ...b, t: view.t }).map((g) => ({ ...g, arm: 'b' as const })),
  ];
}

export function groupConnections(s: MapSource): Group[] {
  const groups = new Map<string, Group>();
  const group = (targetId: string): Group => {
    let g = groups.get(targetId);
    if (!g) {
      const address = s.targets.find((t) => t.id === targetId)?.address ?? '';
      g = { targetId, address, cells: [], counts: {}, unlisted: 0 };
      groups.set(targetId, g);
    }
    return g;
  };
  for (const t of s.targets) group(t.id);
  const sorted = [...s.connections].sort((a, b) => a.id - b.id);
  for (const c of sorted) group(c.targetId).cells.push({ kind: 'open', c });
  for (const c of s.recentlyClosed) if (s.t - c.closedAt <= LINGER_MS) group(c.targetId).cells.push({ kind: 'closed', c });
  for (const [targetId, byState] of Object.entries(s.connectionCounts.byTargetAndState)) {
    const g = group(targetId);
    g.counts = byState as Record<string, number>;
    const total = Object.values(byState).reduce((sum, n) => sum + (n ?? 0), 0);
    g.unlisted = Math.max(0, total - g.cells.filter((c) => c.kind === 'open').length);
  }
  return [...groups.values()];
}

export function ConnectionMap() {
  const { t } = useTranslation();
  const liveStore = useLiveStore();
  const compareStore = useCompareStore();
  const ref = useRef<HTMLDivElement>(null);
  const frame = useChartFrame('connection-map', ref);
  const [inspected, setInspected] = useState<string | null>(null);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const groups = useMemo(() => (liveStore.view ? armGroups(liveStore.view, compareStore) : []), [frame]);
  return (
    <Panel id="connection-map" title={t('map.title')} lede={t('map.lede')}>
      <StateLegend label={t('map.states')} swatchClassOf={(state) => `cell-${state}`}>
        <li className="legend-item">
          <span className="swatch cell-closed" aria-hidden="true" />
          {t('map.recentlyClosed')}
        </li>
      </StateLegend>
      {groups.length === 0 ? <p className="muted">{t('map.noTargets')}</p> : null}
      <div className="map-groups" ref={ref}>
        {groups.map((g) => (
          <div key={`${g.arm ?? ''}${g.targetId}`} className={`map-group${g.arm ? ` map-group-${g.arm}` : ''}`}>
            <h3 className="subhead">
              {g.arm ? (
                <>
                  <span className={`arm-tag arm-tag-${g.arm}`} aria-hidden="true">
                    {ARM_TAG[g.arm]}
                  </span>
                  <span className="sr-only">{t(ARM_NAME[g.arm])}, </span>
                </>
              ) : null}
              <span translate="no">{g.targetId}</span>{' '}
              <span className="muted" translate="no">
                {g.address}
              </span>{' '}
              <span className="muted small">
                {t('map.open', { n: formatNumber(g.cells.filter((c) => c.kind === 'open').length + g.unlisted) })}
              </span>
            </h3>
            <ConnectionCells
              cells={g.cells}
              label={`${t('map.connectionsTo', { target: g.targetId })}${g.arm ? `, ${t(ARM_NAME[g.arm])}` : ''}`}
              onInspect={setInspected}
            />
            {g.unlisted > 0 ? (
              <p className="muted small">
                {t('map.unlisted', {
                  n: formatNumber(g.unlisted),
                  counts: Object.entries(g.counts)
                    .map(([k, v]) => `${t(`connectionState.${k}`, { defaultValue: k })} ${v}`)
                    .join(', '),
                })}
              </p>
            ) : null}
          </div>
        ))}
      </div>
      <p className="inspect" aria-live="polite">
        {inspected ?? t('map.inspect')}
      </p>
    </Panel>
  );
}
