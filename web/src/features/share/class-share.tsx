import { useTranslation } from 'react-i18next';
import { useEffect, useRef, useState } from 'react';
import { useLive } from '../../lib/use-live';
import { lazyPart } from '../../lib/lazy-part';
import { AfterNumbers } from '../../components/after-numbers';
import { useNumbersShown } from '../../lib/numbers-first';
import { audienceUrl } from './audience-link';

/** The QR library is a chunk of its own, fetched once the dashboard's first live numbers are painted, off the first load. */
const QrCode = lazyPart(() => import('../../components/qr-code').then((m) => m.QrCode));
const QR_SIZE_PX = 220;

/** The header's "Share with the class": a QR code and the audience link, and how many are watching. */
export function ClassShareButton() {
  const { t } = useTranslation();
  const watching = (count: number) => t('audience.watching', { count });
  const dialog = useRef<HTMLDialogElement>(null);
  const viewers = useLive((s) => (s.latest?.viewers ?? 0) + (s.latest?.relayViewers ?? 0));
  const [copied, setCopied] = useState(false);
  // The code is drawn only while the dialog is open: drawing it is ~60 ms of a slow laptop's main
  // thread, which a closed dialog would spend on every page load (and a recording's open).
  const [open, setOpen] = useState(false);
  // Its chunk is fetched once the first numbers are painted, so the dialog draws the code at once.
  const numbersShown = useNumbersShown();
  useEffect(() => {
    if (numbersShown) void QrCode.preload();
  }, [numbersShown]);
  const url = audienceUrl(window.location);
  const loopback = /^(localhost|127\.|\[::1\])/.test(window.location.hostname);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
      window.setTimeout(() => setCopied(false), 2000);
    } catch {
      window.prompt(t('audience.copy'), url);
    }
  };
  const qrPlaceholder = <div style={{ width: QR_SIZE_PX, height: QR_SIZE_PX }} aria-busy="true" />;
  return (
    <>
      <button
        type="button"
        className="btn btn-quiet"
        onClick={() => {
          setOpen(true);
          dialog.current?.showModal();
        }}
        data-testid="class-share"
      >
        {t('audience.share')}{' '}
        <span className="muted" data-testid="viewer-count">
          · {watching(viewers)}
        </span>
      </button>
      <dialog ref={dialog} className="class-share-dialog" aria-labelledby="class-share-title" onClose={() => setOpen(false)}>
        <h2 id="class-share-title">{t('audience.share')}</h2>
        <p className="muted">{t('audience.shareHint')}</p>
        <div className="class-share-qr">
          {open ? (
            <AfterNumbers placeholder={qrPlaceholder}>
              <QrCode text={url} sizePx={QR_SIZE_PX} label={t('audience.qr')} />
            </AfterNumbers>
          ) : (
            qrPlaceholder
          )}
        </div>
        <p>
          <a href={url} data-testid="audience-link">
            {url}
          </a>
        </p>
        {loopback ? <p className="muted">{t('audience.loopbackHint')}</p> : null}
        <p className="muted">{watching(viewers)}</p>
        <div className="class-share-actions">
          <button type="button" className="btn" onClick={() => void copy()}>
            {copied ? t('audience.copied') : t('audience.copy')}
          </button>
          <button type="button" className="btn btn-quiet" onClick={() => dialog.current?.close()}>
            {t('audience.close')}
          </button>
        </div>
      </dialog>
    </>
  );
}
