import { useTranslation } from 'react-i18next';
import { ConnectionStatus } from '../features/status/connection-status';
import { ViewControls } from '../features/status/view-controls';
import { ExportButtons } from '../features/export/export-buttons';
import { ShareButton } from '../features/share/share-button';
import { ClassShareButton } from '../features/share/class-share';
import { SettingsDialogButton } from '../features/export-settings/settings-button';
import { LanguageSelect } from './language-select';
import { useTheme } from './use-theme';

import { RecordingControls } from '../features/recording/recording-controls';
import type { Recording } from '@poolscope/shared/recording';

export function AppHeader({
  onOpenRecording,
  replaying = false,
}: {
  onOpenRecording?: (recording: Recording, name: string) => void;
  /** A recording is being played back (or opened): the status says so instead of judging a link that is closed. */
  replaying?: boolean | 'opening';
}) {
  const { t } = useTranslation();
  const { theme, setTheme, projector, setProjector } = useTheme();
  return (
    <header className="app-header">
      <div className="brand">
        <svg viewBox="0 0 24 24" width="26" height="26" aria-hidden="true" className="logo">
          <circle cx="12" cy="12" r="10" fill="none" stroke="currentColor" strokeWidth="2" />
          <circle cx="8" cy="10" r="2" fill="#0072B2" />
          <circle cx="14" cy="8" r="2" fill="#009E73" />
          <circle cx="15" cy="14" r="2" fill="#E69F00" />
          <circle cx="9" cy="16" r="2" fill="#009E73" />
        </svg>
        <h1 translate="no">Poolscope</h1>
        <ConnectionStatus replaying={replaying} />
      </div>
      <ViewControls />
      <div className="header-tools">
        {onOpenRecording ? <RecordingControls onOpen={onOpenRecording} /> : null}
        <ExportButtons />
        <ClassShareButton />
        <ShareButton />
        <SettingsDialogButton />
        <button
          type="button"
          className="btn btn-quiet hide-phone"
          aria-pressed={projector}
          onClick={() => setProjector(!projector)}
          title={t('header.projectorHint')}
        >
          {t('header.projector')}
        </button>
        <button
          type="button"
          className="btn btn-quiet"
          onClick={() => setTheme(theme === 'dark' ? 'light' : 'dark')}
          aria-label={theme === 'dark' ? t('header.toLightTheme') : t('header.toDarkTheme')}
        >
          {theme === 'dark' ? t('header.light') : t('header.dark')}
        </button>
        <LanguageSelect />
      </div>
    </header>
  );
}
