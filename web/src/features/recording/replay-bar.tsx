import { useEffect, useId, useSyncExternalStore } from 'react';
import { formatMs } from '../../lib/format';
import { PLAYBACK_SPEEDS, type RecordingPlayer } from './recording-player';

const clock = (ms: number) => {
  const s = Math.max(0, Math.round(ms / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
};

/** Says plainly that this is a recording, and drives it: play, pause, speed, scrub, next marker. */
export function ReplayBar({ player, name, recordedAt, onClose }: { player: RecordingPlayer; name: string; recordedAt: string; onClose: () => void }) {
  const state = useSyncExternalStore(player.subscribe, player.state);
  const scrubberId = useId();
  const span = state.endMs - state.startMs;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const tag = (event.target as HTMLElement | null)?.tagName ?? '';
      if (event.key !== ' ' || ['INPUT', 'SELECT', 'TEXTAREA', 'BUTTON'].includes(tag)) return;
      event.preventDefault();
      if (player.state().playing) player.pause(); else player.play();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [player]);
  return (
    <div className="replay-bar banner banner-warn" role="region" aria-label="Recording playback" data-testid="replay-bar">
      <p><strong>Playing a recording</strong>, not a live lab: {name}, recorded {new Date(recordedAt).toLocaleString()} ({formatMs(span)}).</p>
      <div className="replay-controls">
        <button type="button" className="btn btn-primary" onClick={() => (state.playing ? player.pause() : player.play())}>{state.playing ? '❚❚ Pause' : '▶ Play'}</button>
        <div className="segmented" role="group" aria-label="Playback speed">
          {PLAYBACK_SPEEDS.map((speed) => (
            <button key={speed} type="button" className={state.speed === speed ? 'on' : ''} aria-pressed={state.speed === speed} onClick={() => player.setSpeed(speed)}>{speed}×</button>
          ))}
        </div>
        <label htmlFor={scrubberId} className="sr-only">Position in the recording</label>
        <input id={scrubberId} type="range" className="replay-scrubber" min={0} max={span} step={100} value={state.positionMs - state.startMs}
          aria-valuetext={`${clock(state.positionMs - state.startMs)} of ${clock(span)}`} onChange={(e) => player.seek(state.startMs + Number(e.currentTarget.value))} />
        <span className="replay-time" data-testid="replay-time">{clock(state.positionMs - state.startMs)} / {clock(span)}</span>
        <button type="button" className="btn" onClick={() => player.nextMarker()}>Next marker ⏭</button>
        <button type="button" className="btn btn-quiet" onClick={onClose}>Back to the live lab</button>
      </div>
    </div>
  );
}
