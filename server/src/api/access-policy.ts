import { networkInterfaces } from 'node:os';
import { hostAndPort, hostNameOf } from './host-header';
import { bareHost, isLoopbackHost } from './loopback';

/** Always served: the names of this machine's loopback, which a DNS-rebinding page cannot take over. */
const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '::1'];
const ANY_ADDRESS = new Set(['0.0.0.0', '::']);

/** Why a browser-facing request is turned away, in words that name the flag that would let it in. */
export interface AccessRefusal {
  code: 'HOST_NOT_ALLOWED' | 'ORIGIN_NOT_ALLOWED';
  message: string;
}

export interface AccessPolicyOptions {
  /** The address the lab listens on (`--host`). */
  bindHost: string;
  /** Extra `Host` names served (`--allowed-hosts`), any port. */
  allowedHosts?: string[];
  /** Extra browser origins that may open the stream and send controls (`--allowed-origins`). */
  allowedOrigins?: string[];
  /** This machine's addresses, served when bound beyond loopback (default: os.networkInterfaces()). */
  machineAddresses?: string[];
}

/**
 * Who may reach the lab from a browser. A `Host` the lab does not know is a DNS-rebinding page
 * (a name the attacker controls, pointed at 127.0.0.1); an `Origin` that is not the lab's own is
 * another site's page (cross-site WebSocket hijacking, CSRF). Requests without `Origin` come from
 * scripts and curl, which no web page can forge. Ports are not compared for `Host`: a name is
 * what rebinding changes, and the Vite dev proxy forwards `localhost:5173` unchanged.
 */
export class AccessPolicy {
  private readonly hosts: Set<string>;
  private readonly origins: Set<string>;

  constructor(options: AccessPolicyOptions) {
    const bound = bareHost(options.bindHost);
    const beyondLoopback = !isLoopbackHost(bound);
    this.hosts = new Set(
      [
        ...LOOPBACK_NAMES,
        ...(ANY_ADDRESS.has(bound) ? [] : [bound]),
        ...(beyondLoopback ? (options.machineAddresses ?? machineAddresses()) : []),
        ...(options.allowedHosts ?? []),
      ].map(bareHost),
    );
    this.origins = new Set((options.allowedOrigins ?? []).map(canonicalOrigin).filter((o): o is string => o !== null));
  }

  /** Is this `Host` header one the lab serves? A missing or malformed one is not. */
  hostAllowed(hostHeader: string | undefined): boolean {
    const name = hostNameOf(hostHeader);
    return name !== null && this.hosts.has(name);
  }

  refuseHost(hostHeader: string | undefined): AccessRefusal | null {
    if (this.hostAllowed(hostHeader)) return null;
    const name = hostNameOf(hostHeader) ?? printable(hostHeader);
    return {
      code: 'HOST_NOT_ALLOWED',
      message:
        `Host "${name}" is not a name this lab answers to (a guard against DNS rebinding); ` +
        `to reach it by that name, start it with --allowed-hosts ${name} (or POOLSCOPE_ALLOWED_HOSTS)`,
    };
  }

  refuseOrigin(origin: string | undefined, hostHeader: string | undefined): AccessRefusal | null {
    if (this.originAllowed(origin, hostHeader)) return null;
    return {
      code: 'ORIGIN_NOT_ALLOWED',
      message:
        `a page from ${printable(origin)} may not control or watch this lab (a guard against cross-site requests); ` +
        'to allow that site, start the lab with --allowed-origins <origin> (or POOLSCOPE_ALLOWED_ORIGINS)',
    };
  }

  /**
   * No `Origin` (not a browser), the lab's own origin (its host:port is the request's allowed
   * `Host`), or one allowed by flag. `null` (sandboxed frames, file://) is foreign.
   */
  originAllowed(origin: string | undefined, hostHeader: string | undefined): boolean {
    if (origin === undefined) return true;
    const canonical = canonicalOrigin(origin);
    if (canonical === null) return false;
    if (this.origins.has(canonical)) return true;
    if (hostHeader === undefined || !this.hostAllowed(hostHeader)) return false;
    const url = new URL(canonical);
    return hostAndPort(url.protocol, hostHeader) === url.host;
  }
}

/** `HTTP://Lab.Example:80` -> `http://lab.example`; null for `null` and anything that is not an http(s) origin. */
export function canonicalOrigin(origin: string): string | null {
  try {
    const url = new URL(origin);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    if (url.pathname !== '/' || url.search || url.hash || url.username || url.password) return null;
    return url.origin;
  } catch {
    return null;
  }
}

/** Header text fit to quote back: short, printable ASCII. */
function printable(text: string | undefined): string {
  return text === undefined ? '(none)' : text.slice(0, 100).replace(/[^\x20-\x7e]/g, '?');
}

function machineAddresses(): string[] {
  return Object.values(networkInterfaces()).flatMap((list) => (list ?? []).map((entry) => entry.address));
}
