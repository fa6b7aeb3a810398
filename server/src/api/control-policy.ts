import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { isLoopbackHost } from './loopback';

/**
 * Who may change the lab. Watching is always open; controls need the token whenever one is
 * in force (always when bound beyond loopback).
 */
export class ControlPolicy {
  private readonly tokenDigest: Buffer | null;

  constructor(readonly token: string | null) {
    this.tokenDigest = token ? digest(token) : null;
  }

  static forBinding(host: string, token: string | undefined): ControlPolicy {
    if (token) return new ControlPolicy(token);
    return new ControlPolicy(isLoopbackHost(host) ? null : randomBytes(18).toString('base64url'));
  }

  get required(): boolean {
    return this.tokenDigest !== null;
  }

  /** 'ok', or why not: 'missing' (401) or 'wrong' (403). Compared in constant time over digests of equal length. */
  check(provided: unknown): 'ok' | 'missing' | 'wrong' {
    if (!this.tokenDigest) return 'ok';
    if (typeof provided !== 'string' || provided.length === 0) return 'missing';
    return timingSafeEqual(digest(provided), this.tokenDigest) ? 'ok' : 'wrong';
  }
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}

/** `Authorization: Bearer <token>` -> token. */
export function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  return match?.[1];
}
