import { useCallback, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ExportTab } from './export-tab';
import { ImportTab } from './import-tab';
import { useFocusTrap } from './use-focus-trap';
import './settings-dialog.css';

type Tab = 'export' | 'import';

/** The modal behind the header's "Use these settings in…" (settings-button.tsx), a chunk fetched when it first opens. */
export function SettingsDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const tabsId = useId();
  const [tab, setTab] = useState<Tab>('export');
  const close = useCallback(() => onClose(), [onClose]);
  useFocusTrap(ref, close);
  const tabButton = (id: Tab, label: string) => (
    <button
      type="button"
      role="tab"
      id={`${tabsId}-${id}`}
      aria-controls={`${tabsId}-panel`}
      aria-selected={tab === id}
      className={`btn ${tab === id ? 'btn-primary' : 'btn-quiet'}`}
      onClick={() => setTab(id)}
    >
      {label}
    </button>
  );
  return (
    <div
      className="settings-backdrop"
      onMouseDown={(e) => {
        if (e.target === e.currentTarget) close();
      }}
    >
      <div ref={ref} className="settings-dialog panel" role="dialog" aria-modal="true" aria-labelledby={titleId}>
        <div className="panel-head">
          <h2 id={titleId}>{t('settings.title')}</h2>
          <button type="button" className="btn btn-quiet" onClick={close}>
            {t('settings.close')}
          </button>
        </div>
        <div className="btn-group" role="tablist">
          {tabButton('export', t('settings.exportTab'))}
          {tabButton('import', t('settings.importTab'))}
        </div>
        <div role="tabpanel" id={`${tabsId}-panel`} aria-labelledby={`${tabsId}-${tab}`}>
          {tab === 'export' ? <ExportTab /> : <ImportTab />}
        </div>
      </div>
    </div>
  );
}
