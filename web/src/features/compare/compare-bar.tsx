import { useTranslation } from 'react-i18next';
import { useEffect, useRef, useState } from 'react';
import type { Ack } from '@poolscope/shared/protocol';
import type { CompareState } from '@poolscope/shared/compare';
import { keepB, startCompare, stopCompare } from '../../lib/commands';
import { liveStore } from '../../lib/live-store';
import { useCompare } from '../../lib/use-compare';
import { formatClock } from '../../lib/format';
import { ackMessage } from '../../components/ack-message';

const REGION = 'Compare';
const IDLE_TEXT = 'Run a second pool (B) beside this one (A) under the same seeded load: B starts as a copy of A, then change B\'s knobs with "Edit B" in Controls.';
const START = 'Start comparison';
const STOP = 'Stop comparison';
const KEEP_B = 'Keep B';
const KEEP_B_HINT = 'A takes B\'s config and the comparison stops';
const RUNNING = 'Comparing';
const SINCE = (t: number, seed: number) => `since ${formatClock(t)}, one load schedule (seed ${seed})`;
const SAME = 'B = A so far: choose "Edit B" in Controls and change a knob.';
const DIFF_LABEL = 'Knobs that differ';
const SHARED = (ids: string[]) =>
  `Shared by both arms: ${ids.join(', ')} (external, so both pools dial the same server and its numbers are not independent).`;

/** Start, stop or keep a comparison, and say what differs between the arms. */
export function CompareBar() {
  const { t } = useTranslation();
  const running = useCompare((s) => s.running);
  const startedAt = useCompare((s) => s.compare?.startedAt ?? null);
  const seed = useCompare((s) => s.compare?.seed ?? null);
  const diff = useCompare((s) => s.diff);
  const shared = useCompare((s) => s.compare?.sharedTargetIds ?? null);
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
    if (ack.ok) { liveStore.setConfig(ack.data.a); setMessage(null); } else setMessage(ackMessage(ack.error, t));
  };

  return (
    <div className={`compare-bar${running ? ' compare-running' : ''}`} role="region" aria-label={REGION} data-view="compare">
      {running ? (
        <div className="compare-status">
          <p>
            <span className="badge badge-good">{RUNNING}</span>{' '}
            <strong>A</strong> <span className="arm-key arm-key-a" aria-hidden="true" /> vs <strong>B</strong> <span className="arm-key arm-key-b" aria-hidden="true" />{' '}
            <span className="muted small">{startedAt !== null && seed !== null ? SINCE(startedAt, seed) : null}</span>
          </p>
          {diff && diff.length > 0 ? (
            <ul className="compare-diff" aria-label={DIFF_LABEL} data-testid="compare-diff">
              {diff.map((d) => <li key={`${d.scope}.${d.knob}`}>{d.label}</li>)}
            </ul>
          ) : <p className="small" data-testid="compare-diff">{SAME}</p>}
          {shared && shared.length > 0 ? <p className="small text-warn" data-testid="compare-shared">{SHARED(shared)}</p> : null}
        </div>
      ) : <p className="small compare-idle">{IDLE_TEXT}</p>}
      <div className="btn-group compare-actions" ref={actions}>
        {running ? (
          <>
            <button type="button" className="btn" title={KEEP_B_HINT} onClick={() => void run(keepB)} disabled={busy}>{KEEP_B}</button>
            <button type="button" className="btn btn-danger" onClick={() => void run(stopCompare)} disabled={busy}>{STOP}</button>
          </>
        ) : <button type="button" className="btn btn-primary" onClick={() => void run(() => startCompare())} disabled={busy}>{START}</button>}
      </div>
      {message ? <p className="text-bad small" role="alert">{message}</p> : null}
    </div>
  );
}
