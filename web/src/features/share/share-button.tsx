import { useState } from 'react';
import { liveStore } from '../../lib/live-store';
import { shareUrl } from './share-link';

/** Copy a link that reproduces the current config (only the knobs changed from defaults). */
export function ShareButton() {
  const [copied, setCopied] = useState<string | null>(null);
  const share = async () => {
    if (!liveStore.config) return;
    const url = shareUrl(liveStore.config, window.location);
    try {
      await navigator.clipboard.writeText(url);
      setCopied('Link copied');
    } catch {
      window.prompt('Copy this link', url);
      setCopied(null);
    }
    window.setTimeout(() => setCopied(null), 2500);
  };
  return (
    <button type="button" className="btn btn-quiet" onClick={() => void share()} aria-live="polite" title="Copy a link that carries the current config (only the knobs changed from their defaults)">
      {copied ?? 'Share link'}
    </button>
  );
}
