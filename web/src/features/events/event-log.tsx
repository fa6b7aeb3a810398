import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LabEventType } from '@poolscope/shared/events';
import { Panel } from '../../components/panel';
import { useLiveStore } from '../../lib/store-context';
import { useLive } from '../../lib/use-live';
import { formatClock } from '../../lib/format';
import { describeEvent } from './describe-event';

const SHOWN = 80;
const NOISY: ReadonlySet<LabEventType> = new Set(['connection-opened', 'connection-closed']);

/** The newest lab events first; connection churn can be hidden to let faults stand out. */
export function EventLog() {
  const { t } = useTranslation();
  const liveStore = useLiveStore();
  const version = useLive((s) => s.eventsVersion);
  const dropped = useLive((s) => s.view?.eventsDropped ?? 0);
  const [showChurn, setShowChurn] = useState(false);
  const rows = useMemo(() => {
    const out = [];
    for (let i = liveStore.events.length - 1; i >= 0 && out.length < SHOWN; i -= 1) {
      const e = liveStore.events.at(i);
      if (!e || (!showChurn && NOISY.has(e.type))) continue;
      // A key that stays with its event: a plain index shifts on every push once the buffer is
      // full, which made React rebuild all 80 rows on each batch.
      out.push({ key: liveStore.events.firstSerial + i, t: e.t, type: e.type, ...describeEvent(e, t) });
    }
    return out;
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [version, showChurn, t]);
  return (
    <Panel
      id="events"
      title={t('events.title')}
      lede={t('events.lede')}
      actions={
        <label className="check">
          <input type="checkbox" checked={showChurn} onChange={(e) => setShowChurn(e.currentTarget.checked)} /> {t('events.showChurn')}
        </label>
      }
    >
      {dropped > 0 ? (
        <p className="muted" role="status">
          {t('events.dropped', { count: dropped })}
        </p>
      ) : null}
      <ol className="event-log" aria-label={t('events.list')}>
        {rows.length === 0 ? <li className="muted">{t('events.empty')}</li> : null}
        {rows.map((r) => (
          <li key={r.key} className={`event event-${r.tone}`}>
            <time dateTime={new Date(r.t).toISOString()}>{formatClock(r.t)}</time>
            <span className="event-type">{t(`events.type.${r.type}`)}</span>
            <span className="event-text">
              {r.text}
              {r.detail ? (
                <>
                  {' '}
                  <code className="event-detail" translate="no">
                    {r.detail}
                  </code>
                </>
              ) : null}
            </span>
          </li>
        ))}
      </ol>
    </Panel>
  );
}
