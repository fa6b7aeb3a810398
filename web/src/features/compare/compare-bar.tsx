import { useTranslation } from 'react-i18next';
import { Suspense, useEffect, useRef, useState } from 'react';
import type { Ack } from '@poolscope/shared/protocol';
import type { CompareState } from '@poolscope/shared/compare';
import { keepB, startCompare, stopCompare } from '../../lib/commands';
import { useLiveStore } from '../../lib/store-context';
import { useCompare } from '../../lib/use-compare';
import { formatClock } from '../../lib/format';
import { ackMessage } from '../../components/ack-message';
import { lazyPart } from '../../lib/lazy-part';
import { useReadOnly } from '../../lib/read-only';

/** Shown only while comparing: i18next's Trans (with its HTML parser) is fetched with the first comparison. */
const DiffItem = lazyPart(() => import('./diff-item').then((m) => m.DiffItem));

/** Start, stop or keep a comparison, and say what differs between the arms. */
export function CompareBar() {
  const { t } = useTranslation();
  const liveStore = useLiveStore();
  const running = useCompare((s) => s.running);
  const startedAt = useCompare((s) => s.compare?.startedAt ?? null);
  const seed = useCompare((s) => s.compare?.seed ?? null);
  const diff = useCompare((s) => s.diff);
  const shared = useCompare((s) => s.compare?.sharedTargetIds ?? null);
  // A recording being played: its comparison is shown, but Keep B or Stop would act on the live lab.
  const readOnly = useReadOnly();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const actions = useRef<HTMLDivElement>(null);
  // The button pressed is replaced when the comparison starts or stops: focus follows to its
  // successor rather than falling back to the top of the page.
  const refocus = useRef(false);
  useEffect(() => {
    if (!refocus.current) return;
    refocus.current = false;
    actions.current?.querySelector<HTMLButtonElement>('button:last-child')?.focus();
  }, [running]);

  const run = async (command: () => Promise<Ack<CompareState>>) => {
    // Asked before the button is disabled (which drops its focus).
    const hadFocus = actions.current?.contains(document.activeElement) === true;
    setBusy(true);
    const ack = await command();
    setBusy(false);
    refocus.current = ack.ok && hadFocus;
    if (ack.ok) {
      liveStore.setConfig(ack.data.a);
      setMessage(null);
    } else setMessage(ackMessage(ack.error, t));
  };

  return (
    <div className={`compare-bar${running ? ' compare-running' : ''}`} role="region" aria-label={t('compare.region')} data-view="compare">
      {running ? (
        <div className="compare-status">
          <p>
            <span className="badge badge-good">{t('compare.running')}</span> <strong>A</strong>{' '}
            <span className="arm-key arm-key-a" aria-hidden="true" /> {t('compare.versus')} <strong>B</strong>{' '}
            <span className="arm-key arm-key-b" aria-hidden="true" />{' '}
            <span className="muted small">
              {startedAt !== null && seed !== null ? t('compare.since', { time: formatClock(startedAt), seed }) : null}
            </span>
          </p>
          {diff && diff.length > 0 ? (
            <ul className="compare-diff" aria-label={t('compare.diffLabel')} data-testid="compare-diff">
              <Suspense fallback={null}>
                {diff.map((d) => (
                  <li key={`${d.scope}.${d.knob}`}>
                    <DiffItem diff={d} />
                  </li>
                ))}
              </Suspense>
            </ul>
          ) : (
            <p className="small" data-testid="compare-diff">
              {t('compare.same')}
            </p>
          )}
          {shared && shared.length > 0 ? (
            <p className="small text-warn" data-testid="compare-shared">
              {t('compare.shared', { ids: shared.join(', ') })}
            </p>
          ) : null}
        </div>
      ) : (
        <p className="small compare-idle">{t('compare.idle')}</p>
      )}
      <div className="btn-group compare-actions" ref={actions} hidden={readOnly}>
        {readOnly ? null : running ? (
          <>
            <button type="button" className="btn" title={t('compare.keepBHint')} onClick={() => void run(keepB)} disabled={busy}>
              {t('compare.keepB')}
            </button>
            <button type="button" className="btn btn-danger" onClick={() => void run(stopCompare)} disabled={busy}>
              {t('compare.stop')}
            </button>
          </>
        ) : (
          <button type="button" className="btn btn-primary" onClick={() => void run(() => startCompare())} disabled={busy}>
            {t('compare.start')}
          </button>
        )}
      </div>
      {message ? (
        <p className="text-bad small" role="alert">
          {message}
        </p>
      ) : null}
    </div>
  );
}
