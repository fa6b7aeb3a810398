import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Panel } from '../../components/panel';
import { LIFETIMES_SPAN_MS } from '../../lib/connection-lifetimes';
import { liveStore } from '../../lib/live-store';
import { useChartFrame } from '../../lib/use-live';
import { groupLanes } from './lifetime-lanes';
import { LifetimeLaneList } from './lifetime-lane-list';
import { StateLegend } from './state-legend';

/** Recent connection lifetimes as swimlanes: the connection map's last minute, not just its now. */
export function ConnectionLifetimesPanel() {
  const { t } = useTranslation();
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
      title={t('lifetimes.title')}
      lede={t('lifetimes.lede')}
    >
      <StateLegend label={t('lifetimes.laneColours')}>
        <li className="legend-item"><span className="swatch lane-unseen-swatch" aria-hidden="true" />{t('lifetimes.unseen')}</li>
        <li className="legend-item"><span className="swatch lane-close-swatch" aria-hidden="true" />{t('lifetimes.closed')}</li>
      </StateLegend>
      <div ref={ref} className="lane-groups">
        {groups.length === 0 ? <p className="muted">{t('lifetimes.none')}</p> : null}
        {groups.map((g) => (
          <div key={g.targetId}>
            <h3 className="subhead" translate="no">{g.targetId}</h3>
            <LifetimeLaneList lanes={g.lanes} label={t('lifetimes.lanesOn', { target: g.targetId })} from={from} to={to} onInspect={setInspected} />
          </div>
        ))}
        {groups.length > 0 ? (
          <p className="lane-axis muted small" aria-hidden="true"><span>{t('lifetimes.minuteAgo')}</span><span>{t('lifetimes.halfMinuteAgo')}</span><span>{t('lifetimes.now')}</span></p>
        ) : null}
      </div>
      <p className="inspect" aria-live="polite">{inspected ?? t('lifetimes.inspect')}</p>
    </Panel>
  );
}
