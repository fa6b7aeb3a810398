import { useRef, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Recording } from '@poolscope/shared/recording';
import { download } from '../../lib/download';
import { useRecorder } from './use-recorder';

/**
 * The reader (with its schema checker), the player and its bar: chunks of their own, fetched when
 * someone reaches for a file, so they load while the file dialog is open instead of after the pick.
 */
const loadPlayback = () => Promise.all([import('@poolscope/shared/recording'), import('./recording-player'), import('./replay-bar')]);

const stamp = () => new Date().toISOString().replace(/[:.]/g, '-').slice(0, 19);

/**
 * Record what the lab streams to a file, and open a recording to play it back here. A file that
 * cannot be read is explained and the dashboard goes on showing what it showed.
 */
export function RecordingControls({ onOpen }: { onOpen: (recording: Recording, name: string) => void }) {
  const { t } = useTranslation();
  const recorder = useRecorder();
  const input = useRef<HTMLInputElement>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const seconds = Math.floor(recorder.samples / 10);

  const stop = async () => {
    const recording = recorder.stop();
    if (!recording) return;
    // Loaded with the builder at the first Record, so this import is already there.
    const { serializeRecording } = await import('@poolscope/shared/recording');
    download(`poolscope-recording-${stamp()}.json`, 'application/json', serializeRecording(recording));
  };
  const open = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.currentTarget.files?.[0];
    event.currentTarget.value = '';
    if (!file) return;
    // Fetched already when the button opened the dialog; read in parallel with the file otherwise.
    // Read on the page: the dashboard is idle while a picked file is read, and a worker's start and
    // the string's copy back cost more than they free here (measured; read-text-off-main.ts).
    const [[{ parseRecording }], text] = await Promise.all([loadPlayback(), file.text()]);
    const parsed = parseRecording(text, file.size);
    if (!parsed.ok) return setProblem(t('recording.cannotOpen', { name: file.name, message: parsed.problem.message }));
    setProblem(null);
    onOpen(parsed.recording, file.name);
  };

  return (
    <div className="btn-group" role="group" aria-label={t('recording.group')}>
      {recorder.recording ? (
        <button type="button" className="btn btn-danger" onClick={() => void stop()} aria-live="polite">
          {t(recorder.full ? 'recording.stopFull' : 'recording.stop', {
            time: `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`,
          })}
        </button>
      ) : (
        <button type="button" className="btn btn-quiet" onClick={recorder.start} title={t('recording.recordHint')}>
          {t('recording.record')}
        </button>
      )}
      <button
        type="button"
        className="btn btn-quiet"
        onClick={() => {
          void loadPlayback().catch(() => undefined); // a failed fetch is tried again when a file is picked
          input.current?.click();
        }}
      >
        {t('recording.open')}
      </button>
      <input
        ref={input}
        type="file"
        accept="application/json,.json"
        className="sr-only"
        tabIndex={-1}
        aria-label={t('recording.file')}
        onChange={(e) => void open(e)}
      />
      {problem ? (
        <p className="text-bad small recording-problem" role="alert">
          {problem}{' '}
          <button type="button" className="btn btn-quiet" onClick={() => setProblem(null)}>
            {t('recording.dismiss')}
          </button>
        </p>
      ) : null}
    </div>
  );
}
