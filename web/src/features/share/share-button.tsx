import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLiveStore } from '../../lib/store-context';
import { shareUrl } from './share-link';

/** Copy a link that reproduces the current config (only the knobs changed from defaults). */
export function ShareButton() {
  const { t } = useTranslation();
  const liveStore = useLiveStore();
  const [copied, setCopied] = useState<string | null>(null);
  const share = async () => {
    if (!liveStore.config) return;
    const url = shareUrl(liveStore.config, window.location);
    try {
      await navigator.clipboard.writeText(url);
      setCopied(t('share.copied'));
    } catch {
      window.prompt(t('share.prompt'), url);
      setCopied(null);
    }
    window.setTimeout(() => setCopied(null), 2500);
  };
  return (
    <button type="button" className="btn btn-quiet" onClick={() => void share()} aria-live="polite" title={t('share.hint')}>
      {copied ?? t('share.button')}
    </button>
  );
}
