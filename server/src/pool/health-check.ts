import type { HealthCheckMethod } from '@poolscope/shared/pool-config';
import type { Link } from './link';

const PING_PAYLOAD = Buffer.from('ping');

/** Runs one check; resolves null when the connection passes, else why it failed. Never rejects. */
export async function checkHealth(link: Link, method: HealthCheckMethod, timeoutMs: number, maxFrameBytes: number): Promise<string | null> {
  switch (method) {
    case 'ping':
      try {
        await link.request(PING_PAYLOAD, { timeoutMs, framing: 'length-prefixed', maxFrameBytes });
        return null;
      } catch (error) {
        return error instanceof Error ? error.message : String(error);
      }
    case 'probe':
      return link.probe();
    case 'naive-probe':
      return link.naiveProbe();
    case 'none':
      return null;
  }
}
