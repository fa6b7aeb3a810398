import { useState } from 'react';
import { IMPORTABLE_LIBRARY_IDS, LIBRARY_TITLES, type ImportableLibraryId, type ImportResult } from '@poolscope/shared/export-protocol';
import { ackMessage } from '../../components/ack-message';
import { useTranslation } from 'react-i18next';
import { importLibrarySettings, patchConfig } from '../../lib/commands';
import { useLiveStore } from '../../lib/store-context';
import { KnobNoteList } from './knob-note-list';

/** Paste a library's settings, preview the lab patch they map to, then apply it like any config change. */
export function ImportTab() {
  const { t } = useTranslation();
  const liveStore = useLiveStore();
  const [library, setLibrary] = useState<ImportableLibraryId>('hikaricp');
  const [text, setText] = useState('');
  const [preview, setPreview] = useState<ImportResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [applied, setApplied] = useState(false);

  const reset = () => {
    setPreview(null);
    setError(null);
    setApplied(false);
  };
  const runPreview = async () => {
    reset();
    const ack = await importLibrarySettings(library, text);
    if (ack.ok) setPreview(ack.data);
    else setError(ackMessage(ack.error, t));
  };
  const apply = async () => {
    if (!preview) return;
    const ack = await patchConfig({ pool: preview.patch });
    if (!ack.ok) {
      setError(ackMessage(ack.error, t));
      return;
    }
    liveStore.setConfig(ack.data);
    setApplied(true);
  };
  const changes = preview ? Object.entries(preview.patch) : [];

  return (
    <div className="settings-tab">
      <div className="settings-fields">
        <label>
          {t('settings.library')}{' '}
          <select
            value={library}
            onChange={(e) => {
              setLibrary(e.target.value as ImportableLibraryId);
              reset();
            }}
          >
            {IMPORTABLE_LIBRARY_IDS.map((id) => (
              <option key={id} value={id} translate="no">
                {LIBRARY_TITLES[id]}
              </option>
            ))}
          </select>
        </label>
      </div>
      <textarea
        translate="no"
        aria-label={t('settings.paste')}
        value={text}
        rows={10}
        spellCheck={false}
        onChange={(e) => {
          setText(e.target.value);
          reset();
        }}
      />
      <div className="btn-group">
        <button type="button" className="btn" disabled={text.trim() === ''} onClick={() => void runPreview()}>
          {t('settings.preview')}
        </button>
        <button type="button" className="btn btn-primary" disabled={changes.length === 0 || applied} onClick={() => void apply()}>
          {t('settings.apply')}
        </button>
      </div>
      {error ? (
        <p className="text-bad small" role="alert">
          {error}
        </p>
      ) : null}
      {applied ? (
        <p className="small" role="status">
          {t('settings.applied')}
        </p>
      ) : null}
      {preview ? (
        <div className="settings-columns">
          <div>
            <h3 className="small">{t('settings.patch')}</h3>
            {changes.length === 0 ? (
              <p className="small">{t('settings.nothing')}</p>
            ) : (
              <ul className="import-patch" aria-label={t('settings.patch')}>
                {changes.map(([knob, value]) => (
                  <li key={knob}>
                    <code>{knob}</code>: {String(value)}
                  </li>
                ))}
              </ul>
            )}
          </div>
          <KnobNoteList notes={preview.notes} label={t('settings.readNotes')} />
        </div>
      ) : null}
    </div>
  );
}
