import { useRef, useState } from 'react';
import { QrCode } from '../../components/qr-code';
import { useLive } from '../../lib/use-live';
import { audienceUrl } from './audience-link';

const BUTTON = 'Share with the class';
const TITLE = 'Share with the class';
const HINT = 'Students scan this or open the link: a read-only view that follows your lesson step, scenario and comparison.';
const LOOPBACK_HINT = 'This address only works on this computer: start the lab with --host 0.0.0.0 and open it by its network address.';
const COPY = 'Copy link';
const COPIED = 'Copied';
const CLOSE = 'Close';
const QR_LABEL = 'QR code of the audience link';
const watching = (count: number) => (count === 1 ? '1 watching' : `${count} watching`);

/** The header's "Share with the class": a QR code and the audience link, and how many are watching. */
export function ClassShareButton() {
  const dialog = useRef<HTMLDialogElement>(null);
  const viewers = useLive((s) => (s.latest?.viewers ?? 0) + (s.latest?.relayViewers ?? 0));
  const [copied, setCopied] = useState(false);
  const url = audienceUrl(window.location);
  const loopback = /^(localhost|127\.|\[::1\])/.test(window.location.hostname);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
      window.setTimeout(() => setCopied(false), 2000);
    } catch {
      window.prompt(COPY, url);
    }
  };
  return (
    <>
      <button type="button" className="btn btn-quiet" onClick={() => dialog.current?.showModal()} data-testid="class-share">
        {BUTTON} <span className="muted" data-testid="viewer-count">· {watching(viewers)}</span>
      </button>
      <dialog ref={dialog} className="class-share-dialog" aria-labelledby="class-share-title">
        <h2 id="class-share-title">{TITLE}</h2>
        <p className="muted">{HINT}</p>
        <div className="class-share-qr"><QrCode text={url} label={QR_LABEL} /></div>
        <p><a href={url} data-testid="audience-link">{url}</a></p>
        {loopback ? <p className="muted">{LOOPBACK_HINT}</p> : null}
        <p className="muted">{watching(viewers)}</p>
        <div className="class-share-actions">
          <button type="button" className="btn" onClick={() => void copy()}>{copied ? COPIED : COPY}</button>
          <button type="button" className="btn btn-quiet" onClick={() => dialog.current?.close()}>{CLOSE}</button>
        </div>
      </dialog>
    </>
  );
}
