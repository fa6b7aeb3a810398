import { useState } from 'react';
import { patchConfig } from '../../lib/commands';
import { liveStore } from '../../lib/live-store';
import { useLive } from '../../lib/use-live';
import { ackMessage } from '../../components/ack-message';
import { decodeConfig } from './share-link';

function clearConfigParams(): void {
  const url = new URL(window.location.href);
  for (const key of [...url.searchParams.keys()]) if (key.startsWith('pool.') || key.startsWith('load.')) url.searchParams.delete(key);
  window.history.replaceState(null, '', url);
}

/** A shared link carries a config; applying it changes the lab for everyone, so ask first. */
export function ShareBanner() {
  const [decoded] = useState(() => decodeConfig(window.location.search));
  const [state, setState] = useState<'ask' | 'done' | 'dismissed'>('ask');
  const [error, setError] = useState<string | null>(null);
  const live = useLive((s) => s.status === 'live');
  if (state === 'dismissed' || (decoded.changes.length === 0 && decoded.problems.length === 0)) return null;
  const apply = async () => {
    const ack = await patchConfig(decoded.patch);
    if (!ack.ok) { setError(ackMessage(ack.error)); return; }
    liveStore.setConfig(ack.data);
    clearConfigParams();
    setState('done');
  };
  return (
    <div className="banner" role="region" aria-label="Shared configuration">
      {state === 'done' ? <p>Applied the shared configuration.</p> : (
        <>
          <p><strong>This link carries a lab configuration:</strong> {decoded.changes.join(', ') || 'nothing usable'}.</p>
          {decoded.problems.length > 0 ? <p className="text-bad small">Ignored: {decoded.problems.join('; ')}</p> : null}
          {error ? <p className="text-bad small" role="alert">{error}</p> : null}
          <div className="btn-group">
            <button type="button" className="btn btn-primary" disabled={!live || decoded.changes.length === 0} onClick={() => void apply()}>Apply to the lab</button>
            <button type="button" className="btn btn-quiet" onClick={() => { clearConfigParams(); setState('dismissed'); }}>Dismiss</button>
          </div>
        </>
      )}
    </div>
  );
}
