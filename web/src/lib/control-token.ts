/**
 * The optional control token: taken from `?token=` once, then kept for the tab's session.
 * Watching never needs it; the server asks for it (UNAUTHORIZED/FORBIDDEN) only on controls.
 */
const STORAGE_KEY = 'poolscope.controlToken';

export function readControlToken(): string | undefined {
  if (typeof window === 'undefined') return undefined;
  const fromUrl = new URLSearchParams(window.location.search).get('token');
  if (fromUrl) {
    sessionStorage.setItem(STORAGE_KEY, fromUrl);
    return fromUrl;
  }
  return sessionStorage.getItem(STORAGE_KEY) ?? undefined;
}

export function saveControlToken(token: string): void {
  sessionStorage.setItem(STORAGE_KEY, token);
}

export function isAuthError(code: string | undefined): boolean {
  return code === 'UNAUTHORIZED' || code === 'FORBIDDEN';
}
