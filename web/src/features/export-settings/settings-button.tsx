import { Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { lazyPart } from '../../lib/lazy-part';

/** The dialog (both tabs, the mapping notes and its styles) is fetched when it first opens, not on page load. */
const SettingsDialog = lazyPart(() => import('./settings-dialog').then((m) => m.SettingsDialog));

/** The header button and the modal it opens. */
export function SettingsDialogButton() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="btn btn-quiet" aria-haspopup="dialog" title={t('settings.openTitle')} onClick={() => setOpen(true)}>
        {t('settings.open')}
      </button>
      {open ? (
        <Suspense fallback={null}>
          <SettingsDialog onClose={() => setOpen(false)} />
        </Suspense>
      ) : null}
    </>
  );
}
