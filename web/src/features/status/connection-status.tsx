import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLive } from '../../lib/use-live';
import { useLiveStore } from '../../lib/store-context';

const STALE_MS = 2000;

/**
 * Live, stalled (connected but no snapshot for 2 s), reconnecting or offline; while a recording
 * plays, that it is one (the socket is closed then, and a paused recording is not a stalled lab).
 */
export function ConnectionStatus({ replaying = false }: { replaying?: boolean | 'opening' }) {
  const { t } = useTranslation();
  const liveStore = useLiveStore();
  const status = useLive((s) => s.status);
  const seq = useLive((s) => s.latest?.seq ?? null);
  const [stale, setStale] = useState(false);
  useEffect(() => {
    let lastSeq = liveStore.latest?.seq;
    let lastChange = Date.now();
    const timer = window.setInterval(() => {
      const current = liveStore.latest?.seq;
      if (current !== lastSeq) {
        lastSeq = current;
        lastChange = Date.now();
      }
      setStale(Date.now() - lastChange > STALE_MS);
    }, 500);
    return () => window.clearInterval(timer);
  }, [liveStore]);
  const [label, tone] = replaying
    ? [t(replaying === 'opening' ? 'status.openingRecording' : 'status.replaying'), 'warn']
    : status === 'live' && seq === null
      ? [t('status.waitingForData'), 'warn']
      : status === 'live' && stale
        ? [t('status.stalled'), 'warn']
        : status === 'live'
          ? [t('status.live'), 'good']
          : status === 'connecting'
            ? [t('status.connecting'), 'warn']
            : [t('status.offline'), 'bad'];
  return (
    <span className={`status status-${tone}`} role="status" data-testid="connection-status">
      <span className="status-dot" aria-hidden="true" />
      {label}
    </span>
  );
}
