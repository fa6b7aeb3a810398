/**
 * The optional control token: taken from `?token=` once, then kept for the tab's session and
 * taken out of the address bar, so it is not left in the history, a bookmark, a shared screen
 * or a link copied from the bar.
 * Watching never needs it; the server asks for it (UNAUTHORIZED/FORBIDDEN) only on controls.
 */
const STORAGE_KEY = 'poolscope.controlToken';

export function readControlToken(): string | undefined {
  if (typeof window === 'undefined') return undefined;
  const fromUrl = new URLSearchParams(window.location.search).get('token');
  if (fromUrl) {
    sessionStorage.setItem(STORAGE_KEY, fromUrl);
    forgetTokenInUrl();
    return fromUrl;
  }
  return sessionStorage.getItem(STORAGE_KEY) ?? undefined;
}

/** Same page, same other parameters and hash, no `token`; replaced, so Back does not bring it back. */
function forgetTokenInUrl(): void {
  const url = new URL(window.location.href);
  url.searchParams.delete('token');
  window.history.replaceState(window.history.state, '', `${url.pathname}${url.search}${url.hash}`);
}

export function saveControlToken(token: string): void {
  sessionStorage.setItem(STORAGE_KEY, token);
}

export function isAuthError(code: string | undefined): boolean {
  return code === 'UNAUTHORIZED' || code === 'FORBIDDEN';
}
