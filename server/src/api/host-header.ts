import { bareHost } from './loopback';

/**
 * The host name of a `Host` header (`localhost:3000` -> `localhost`, `[::1]:3000` -> `::1`), or
 * null when it is not a plain `host[:port]` (userinfo, a path, a bad port): such a header is
 * refused rather than guessed at.
 */
export function hostNameOf(header: string | undefined): string | null {
  if (header === undefined || header.length === 0 || header.length > 300 || /[\s/\\@?#]/.test(header)) return null;
  let url: URL;
  try {
    url = new URL(`http://${header}/`);
  } catch {
    return null;
  }
  return url.hostname.length > 0 ? bareHost(url.hostname) : null;
}

/** `host:port` as a URL of `scheme` spells it (default port dropped), to compare a Host header with an Origin. */
export function hostAndPort(scheme: string, header: string): string | null {
  try {
    return new URL(`${scheme}//${header}/`).host;
  } catch {
    return null;
  }
}
