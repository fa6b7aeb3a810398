import { useEffect, useId, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMs } from '../../lib/format';
import { PLAYBACK_SPEEDS, type RecordingPlayer } from './recording-player';

const clock = (ms: number) => {
  const s = Math.max(0, Math.round(ms / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
};

/** Says plainly that this is a recording, and drives it: play, pause, speed, scrub, next marker. */
export function ReplayBar({
  player,
  name,
  recordedAt,
  onClose,
}: {
  player: RecordingPlayer;
  name: string;
  recordedAt: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const state = useSyncExternalStore(player.subscribe, player.state);
  const scrubberId = useId();
  const span = state.endMs - state.startMs;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const tag = (event.target as HTMLElement | null)?.tagName ?? '';
      if (event.key !== ' ' || ['INPUT', 'SELECT', 'TEXTAREA', 'BUTTON'].includes(tag)) return;
      event.preventDefault();
      if (player.state().playing) player.pause();
      else player.play();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [player]);
  return (
    <div className="replay-bar banner banner-warn" role="region" aria-label={t('recording.playback')} data-testid="replay-bar">
      <p>
        <strong>{t('recording.playing')}</strong>,{' '}
        {t('recording.notLive', { name, when: new Date(recordedAt).toLocaleString(), span: formatMs(span) })}
      </p>
      <div className="replay-controls">
        <button type="button" className="btn btn-primary" onClick={() => (state.playing ? player.pause() : player.play())}>
          {state.playing ? t('recording.pause') : t('recording.play')}
        </button>
        <div className="segmented" role="group" aria-label={t('recording.speed')}>
          {PLAYBACK_SPEEDS.map((speed) => (
            <button
              key={speed}
              type="button"
              className={state.speed === speed ? 'on' : ''}
              aria-pressed={state.speed === speed}
              onClick={() => player.setSpeed(speed)}
            >
              {speed}×
            </button>
          ))}
        </div>
        <label htmlFor={scrubberId} className="sr-only">
          {t('recording.position')}
        </label>
        <input
          id={scrubberId}
          type="range"
          className="replay-scrubber"
          min={0}
          max={span}
          step={100}
          value={state.positionMs - state.startMs}
          aria-valuetext={t('recording.positionText', { at: clock(state.positionMs - state.startMs), span: clock(span) })}
          onChange={(e) => player.seek(state.startMs + Number(e.currentTarget.value))}
        />
        <span className="replay-time" data-testid="replay-time">
          {clock(state.positionMs - state.startMs)} / {clock(span)}
        </span>
        <button type="button" className="btn" onClick={() => player.nextMarker()}>
          {t('recording.nextMarker')}
        </button>
        <button type="button" className="btn btn-quiet" onClick={onClose}>
          {t('recording.backToLive')}
        </button>
      </div>
    </div>
  );
}
