import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Panel } from '../../components/panel';
import { LIFETIMES_SPAN_MS } from '../../lib/connection-lifetimes';
import type { LiveStore } from '../../lib/live-store';
import type { CompareStore } from '../../lib/compare-store';
import { useCompareStore, useLiveStore } from '../../lib/store-context';
import { useChartFrame } from '../../lib/use-live';
import { groupLanes, type LaneGroup } from './lifetime-lanes';
import { LifetimeLaneList } from './lifetime-lane-list';
import { StateLegend } from './state-legend';

const ARM_TAG = { a: 'A', b: 'B' } as const;
const ARM_NAME = { a: 'compare.armA', b: 'compare.armB' } as const;

/** A's lanes, and while comparing B's after them, each group tagged with its arm. */
function armLanes(now: number, liveStore: LiveStore, compareStore: CompareStore): (LaneGroup & { arm?: 'a' | 'b' })[] {
  const a = groupLanes(liveStore.lifetimes.recent(now));
  if (compareStore.view === null) return a;
  return [
    ...a.map((g) => ({ ...g, arm: 'a' as const })),
    ...groupLanes(compareStore.lifetimes.recent(now)).map((g) => ({ ...g, arm: 'b' as const })),
  ];
}

/** Recent connection lifetimes as swimlanes: the connection map's last minute, not just its now. */
export function ConnectionLifetimesPanel() {
  const { t } = useTranslation();
  const liveStore = useLiveStore();
  const compareStore = useCompareStore();
  const ref = useRef<HTMLDivElement>(null);
  const frame = useChartFrame('connection-lifetimes', ref);
  const [inspected, setInspected] = useState<string | null>(null);
  const { to, groups } = useMemo(() => {
    const now = liveStore.view?.t ?? 0;
    return { to: now, groups: armLanes(now, liveStore, compareStore) };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [frame]);
  const from = to - LIFETIMES_SPAN_MS;
  return (
    <Panel id="connection-lifetimes" title={t('lifetimes.title')} lede={t('lifetimes.lede')}>
      <StateLegend label={t('lifetimes.laneColours')}>
        <li className="legend-item">
          <span className="swatch lane-unseen-swatch" aria-hidden="true" />
          {t('lifetimes.unseen')}
        </li>
        <li className="legend-item">
          <span className="swatch lane-close-swatch" aria-hidden="true" />
          {t('lifetimes.closed')}
        </li>
      </StateLegend>
      <div ref={ref} className="lane-groups">
        {groups.length === 0 ? <p className="muted">{t('lifetimes.none')}</p> : null}
        {groups.map((g) => (
          <div key={`${g.arm ?? ''}${g.targetId}`}>
            <h3 className="subhead">
              {g.arm ? (
                <>
                  <span className={`arm-tag arm-tag-${g.arm}`} aria-hidden="true">
                    {ARM_TAG[g.arm]}
                  </span>
                  <span className="sr-only">{t(ARM_NAME[g.arm])}, </span>
                </>
              ) : null}
              <span translate="no">{g.targetId}</span>
            </h3>
            <LifetimeLaneList
              lanes={g.lanes}
              label={`${t('lifetimes.lanesOn', { target: g.targetId })}${g.arm ? `, ${t(ARM_NAME[g.arm])}` : ''}`}
              from={from}
              to={to}
              onInspect={setInspected}
            />
          </div>
        ))}
        {groups.length > 0 ? (
          <p className="lane-axis muted small" aria-hidden="true">
            <span>{t('lifetimes.minuteAgo')}</span>
            <span>{t('lifetimes.halfMinuteAgo')}</span>
            <span>{t('lifetimes.now')}</span>
          </p>
        ) : null}
      </div>
      <p className="inspect" aria-live="polite">
        {inspected ?? t('lifetimes.inspect')}
      </p>
    </Panel>
  );
}
