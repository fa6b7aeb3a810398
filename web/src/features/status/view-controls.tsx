import { useTranslation } from 'react-i18next';
import { WINDOWS_MS } from '../../lib/live-store';
import { useLiveStore } from '../../lib/store-context';
import { useLive } from '../../lib/use-live';
import { formatClock } from '../../lib/format';

/** Pause/resume the view (recording continues) and choose the chart window. */
export function ViewControls() {
  const { t } = useTranslation();
  const liveStore = useLiveStore();
  const paused = useLive((s) => s.paused);
  const windowMs = useLive((s) => s.windowMs);
  const pausedAt = useLive((s) => (s.paused ? s.view?.t : undefined));
  return (
    <div className="view-controls">
      <button
        type="button"
        className={`btn${paused ? ' btn-primary' : ''}`}
        aria-pressed={paused}
        onClick={() => liveStore.setPaused(!paused)}
      >
        {paused ? t('view.resume') : t('view.pause')}
      </button>
      {paused && pausedAt ? <span className="muted small">{t('view.pausedAt', { time: formatClock(pausedAt) })}</span> : null}
      <div className="segmented" role="radiogroup" aria-label={t('view.timeWindow')}>
        {WINDOWS_MS.map((ms) => (
          <button
            key={ms}
            type="button"
            role="radio"
            aria-checked={windowMs === ms}
            className={windowMs === ms ? 'on' : ''}
            onClick={() => liveStore.setWindow(ms)}
          >
            {t('view.minutes', { count: ms / 60_000 })}
          </button>
        ))}
      </div>
    </div>
  );
}
