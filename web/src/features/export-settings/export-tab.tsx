import { useEffect, useState } from 'react';
import { LIBRARY_TITLES, POOL_LIBRARY_IDS, type ExportResult, type PoolLibraryId } from '@poolscope/shared/export-protocol';
import { ackMessage } from '../../components/ack-message';
import { useTranslation } from 'react-i18next';
import { fetchLibraryExport } from '../../lib/commands';
import { KnobNoteList } from './knob-note-list';

const SCALES = [1, 10, 60, 360] as const;

/** Pick a library and read the current pool config in its format, with the notes beside it. */
export function ExportTab() {
  const { t } = useTranslation();
  const [library, setLibrary] = useState<PoolLibraryId>('hikaricp');
  const [scale, setScale] = useState<number>(1);
  const [result, setResult] = useState<ExportResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [copyState, setCopyState] = useState<'idle' | 'copied' | 'failed'>('idle');

  useEffect(() => {
    let current = true;
    setResult(null);
    setError(null);
    void fetchLibraryExport(library, scale).then((ack) => {
      if (!current) return;
      if (ack.ok) setResult(ack.data);
      else setError(ackMessage(ack.error, t));
    });
    return () => {
      current = false;
    };
  }, [library, scale, t]);

  const copy = async () => {
    if (!result) return;
    try {
      await navigator.clipboard.writeText(result.text);
      setCopyState('copied');
    } catch {
      setCopyState('failed');
    }
  };

  return (
    <div className="settings-tab">
      <div className="settings-fields">
        <label>
          {t('settings.library')}{' '}
          <select
            value={library}
            onChange={(e) => {
              setLibrary(e.target.value as PoolLibraryId);
              setCopyState('idle');
            }}
          >
            {POOL_LIBRARY_IDS.map((id) => (
              <option key={id} value={id} translate="no">
                {LIBRARY_TITLES[id]}
              </option>
            ))}
          </select>
        </label>
        <label title={t('settings.scaleHelp')}>
          {t('settings.scale')}{' '}
          <select
            value={scale}
            onChange={(e) => {
              setScale(Number(e.target.value));
              setCopyState('idle');
            }}
          >
            {SCALES.map((factor) => (
              <option key={factor} value={factor}>
                {factor === 1 ? t('settings.scaleAsLab') : t('settings.scaleBy', { factor })}
              </option>
            ))}
          </select>
        </label>
      </div>
      {error ? (
        <p className="text-bad small" role="alert">
          {error}
        </p>
      ) : null}
      {!result && !error ? <p className="small">{t('settings.loading')}</p> : null}
      {result ? (
        <div className="settings-columns">
          <div className="settings-text">
            <textarea readOnly translate="no" aria-label={t('settings.text')} value={result.text} rows={14} spellCheck={false} />
            <button type="button" className="btn btn-primary" onClick={() => void copy()} aria-live="polite">
              {copyState === 'copied' ? t('settings.copied') : t('settings.copy')}
            </button>
            {copyState === 'failed' ? (
              <p className="text-bad small" role="alert">
                {t('settings.copyFailed')}
              </p>
            ) : null}
          </div>
          <KnobNoteList notes={result.notes} label={t('settings.notes')} />
        </div>
      ) : null}
    </div>
  );
}
