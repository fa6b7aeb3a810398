import { useMemo, useState } from 'react';
import type { LabEventType } from '@poolscope/shared/events';
import { Panel } from '../../components/panel';
import { liveStore } from '../../lib/live-store';
import { useLive } from '../../lib/use-live';
import { formatClock } from '../../lib/format';
import { describeEvent } from './describe-event';

const SHOWN = 80;
const NOISY: ReadonlySet<LabEventType> = new Set(['connection-opened', 'connection-closed']);

/** The newest lab events first; connection churn can be hidden to let faults stand out. */
export function EventLog() {
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
      out.push({ key: liveStore.events.firstSerial + i, t: e.t, type: e.type, ...describeEvent(e) });
    }
    return out;
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [version, showChurn]);
  return (
    <Panel
      id="events"
      title="Event log"
      lede="What the pool and targets just did, newest first."
      actions={
        <label className="check">
          <input type="checkbox" checked={showChurn} onChange={(e) => setShowChurn(e.currentTarget.checked)} /> Show opens and closes
        </label>
      }
    >
      {dropped > 0 ? (
        <p className="muted" role="status">
          {dropped} {dropped === 1 ? 'event' : 'events'} not shown: the lab sends at most 500 a tick (the counters count them all).
        </p>
      ) : null}
      <ol className="event-log" aria-label="Lab events, newest first">
        {rows.length === 0 ? <li className="muted">Nothing notable yet.</li> : null}
        {rows.map((r) => (
          <li key={r.key} className={`event event-${r.tone}`}>
            <time dateTime={new Date(r.t).toISOString()}>{formatClock(r.t)}</time>
            <span className="event-type">{r.type}</span>
            <span className="event-text">{r.text}</span>
          </li>
        ))}
      </ol>
    </Panel>
  );
}
