import { BlockList, isIP } from 'node:net';
import { lookup } from 'node:dns/promises';

/** Loopback only by default, so the lab cannot be turned into a scanner of other hosts. */
export const DEFAULT_ALLOWED_TARGETS = '127.0.0.0/8,::1/128';

/**
 * An allowlist of CIDR ranges and single addresses. A hostname is resolved and every
 * address it resolves to must be allowed, so DNS cannot smuggle a target past it.
 */
export class TargetAllowlist {
  private readonly blockList = new BlockList();
  readonly entries: readonly string[];

  constructor(spec: string = DEFAULT_ALLOWED_TARGETS) {
    this.entries = spec
      .split(',')
      .map((entry) => entry.trim())
      .filter(Boolean);
    for (const entry of this.entries) this.addEntry(entry);
  }

  private addEntry(entry: string): void {
    const [address = '', prefixText] = entry.split('/');
    const family = isIP(address) === 6 ? 'ipv6' : 'ipv4';
    if (isIP(address) === 0) throw new Error(`allowlist entry "${entry}" is not an IP address or CIDR range`);
    if (prefixText === undefined) {
      this.blockList.addAddress(address, family);
      return;
    }
    const prefix = Number(prefixText);
    const maxPrefix = family === 'ipv6' ? 128 : 32;
    if (!Number.isInteger(prefix) || prefix < 0 || prefix > maxPrefix)
      throw new Error(`allowlist entry "${entry}" has a bad prefix length`);
    this.blockList.addSubnet(address, prefix, family);
  }

  allowsAddress(address: string): boolean {
    const version = isIP(address);
    if (version === 0) return false;
    return this.blockList.check(address, version === 6 ? 'ipv6' : 'ipv4');
  }

  /** Resolves `host` and returns the address to dial, or the reason it is refused. */
  async check(host: string): Promise<{ ok: true; address: string } | { ok: false; reason: string }> {
    let addresses: string[];
    try {
      addresses = isIP(host) ? [host] : (await lookup(host, { all: true })).map((entry) => entry.address);
    } catch (error) {
      return { ok: false, reason: `cannot resolve ${host}: ${(error as NodeJS.ErrnoException).code ?? String(error)}` };
    }
    const refused = addresses.filter((address) => !this.allowsAddress(address));
    if (addresses.length === 0 || refused.length > 0) {
      return {
        ok: false,
        reason: `${host} resolves to ${refused.join(', ') || 'nothing'}, outside the allowed targets (${this.entries.join(', ')})`,
      };
    }
    return { ok: true, address: addresses[0] as string };
  }
}
