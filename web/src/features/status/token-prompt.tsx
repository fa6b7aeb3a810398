import { useState, type FormEvent } from 'react';
import { liveStore } from '../../lib/live-store';
import { saveControlToken } from '../../lib/control-token';
import { setSocketToken } from '../../lib/socket';
import { useLive } from '../../lib/use-live';

/** Shown only after the server refused a control: watching is open, controlling may need the token. */
export function TokenPrompt() {
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
    <form className="banner banner-warn token-prompt" onSubmit={submit} aria-label="Control token needed">
      <p>The lab refused a control: it needs its control token (printed by the server at start). You can keep watching without it.</p>
      <label>Control token <input type="password" value={token} onChange={(e) => setToken(e.currentTarget.value)} autoComplete="off" required /></label>
      <button type="submit" className="btn btn-primary">Use token</button>
    </form>
  );
}
