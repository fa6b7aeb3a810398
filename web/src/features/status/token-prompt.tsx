import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLiveStore } from '../../lib/store-context';
import { saveControlToken } from '../../lib/control-token';
import { setSocketToken } from '../../lib/socket';
import { useLive } from '../../lib/use-live';

/** Shown only after the server refused a control: watching is open, controlling may need the token. */
export function TokenPrompt() {
  const { t } = useTranslation();
  const liveStore = useLiveStore();
  const needsToken = useLive((s) => s.needsToken);
  const [token, setToken] = useState('');
  if (!needsToken) return null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    saveControlToken(token.trim());
    setSocketToken(token.trim());
    liveStore.setNeedsToken(false);
  };
  return (
    <form className="banner banner-warn token-prompt" onSubmit={submit} aria-label={t('token.form')}>
      <p>{t('token.text')}</p>
      <label>
        {t('token.label')}{' '}
        <input type="password" value={token} onChange={(e) => setToken(e.currentTarget.value)} autoComplete="off" required />
      </label>
      <button type="submit" className="btn btn-primary">
        {t('token.submit')}
      </button>
    </form>
  );
}
