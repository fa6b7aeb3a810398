import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { patchConfig } from '../../lib/commands';
import { useLiveStore } from '../../lib/store-context';
import { useLive } from '../../lib/use-live';
import { ackMessage } from '../../components/ack-message';
import { decodeConfig, type LinkProblem } from './share-link';
import { knobTitle } from '../../i18n/words';

function problemText(t: TFunction, p: LinkProblem): string {
  return p.kind === 'unknown-knob'
    ? t('share.notAKnob', { key: p.key, scope: p.scope })
    : t('share.badValue', { knob: knobTitle(t, p.knob), value: p.text });
}

function clearConfigParams(): void {
  const url = new URL(window.location.href);
  for (const key of [...url.searchParams.keys()]) if (key.startsWith('pool.') || key.startsWith('load.')) url.searchParams.delete(key);
  window.history.replaceState(null, '', url);
}

/** A shared link carries a config; applying it changes the lab for everyone, so ask first. */
export function ShareBanner() {
  const { t } = useTranslation();
  const liveStore = useLiveStore();
  const [decoded] = useState(() => decodeConfig(window.location.search));
  const [state, setState] = useState<'ask' | 'done' | 'dismissed'>('ask');
  const [error, setError] = useState<string | null>(null);
  const live = useLive((s) => s.status === 'live');
  if (state === 'dismissed' || (decoded.changes.length === 0 && decoded.problems.length === 0)) return null;
  const apply = async () => {
    const ack = await patchConfig(decoded.patch);
    if (!ack.ok) {
      setError(ackMessage(ack.error, t));
      return;
    }
    liveStore.setConfig(ack.data);
    clearConfigParams();
    setState('done');
  };
  return (
    <div className="banner" role="region" aria-label={t('share.banner')}>
      {state === 'done' ? (
        <p>{t('share.applied')}</p>
      ) : (
        <>
          <p>
            <strong>{t('share.carries')}</strong>{' '}
            {decoded.changes.map((c) => `${knobTitle(t, c.knob)} = ${c.text}`).join(', ') || t('share.nothingUsable')}
          </p>
          {decoded.problems.length > 0 ? (
            <p className="text-bad small">{t('share.ignored', { problems: decoded.problems.map((p) => problemText(t, p)).join('; ') })}</p>
          ) : null}
          {error ? (
            <p className="text-bad small" role="alert">
              {error}
            </p>
          ) : null}
          <div className="btn-group">
            <button type="button" className="btn btn-primary" disabled={!live || decoded.changes.length === 0} onClick={() => void apply()}>
              {t('share.apply')}
            </button>
            <button
              type="button"
              className="btn btn-quiet"
              onClick={() => {
                clearConfigParams();
                setState('dismissed');
              }}
            >
              {t('share.dismiss')}
            </button>
          </div>
        </>
      )}
    </div>
  );
}
