import { isIP } from 'node:net';

/**
 * Is this bind address or host name loopback? Decided on the parsed address, never by prefix:
 * `127.example.com` is a name anyone can point anywhere. `localhost` is the one name trusted,
 * as browsers and RFC 6761 resolve it to loopback only.
 */
export function isLoopbackHost(host: string): boolean {
  const bare = bareHost(host);
  if (bare === 'localhost') return true;
  if (isIP(bare) === 4) return bare.split('.')[0] === '127';
  if (isIP(bare) === 6) return isLoopbackIpv6(canonicalIpv6(bare));
  return false;
}

/** `[::1]` -> `::1`, `LocalHost` -> `localhost`: the form hosts are compared in. */
export function bareHost(host: string): string {
  const lower = host.trim().toLowerCase();
  const unbracketed = lower.startsWith('[') && lower.endsWith(']') ? lower.slice(1, -1) : lower;
  return isIP(unbracketed) === 6 ? canonicalIpv6(unbracketed) : unbracketed;
}

/** One spelling per IPv6 address (`0:0::1` -> `::1`, `::ffff:127.0.0.1` -> `::ffff:7f00:1`), as the URL parser writes it. */
function canonicalIpv6(address: string): string {
  try {
    return new URL(`http://[${address}]/`).hostname.slice(1, -1);
  } catch {
    return address;
  }
}

/** `::1`, or an IPv4-mapped 127.0.0.0/8 address (`::ffff:7fXX:XXXX` once canonical). */
function isLoopbackIpv6(canonical: string): boolean {
  return canonical === '::1' || /^::ffff:7f[0-9a-f]{2}:[0-9a-f]{1,4}$/.test(canonical);
}
