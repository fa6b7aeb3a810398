import type { LabEvent } from '@poolscope/shared/events';
import { formatMs } from '../../lib/format';

export type EventTone = 'info' | 'good' | 'warn' | 'bad';

/** One readable line per lab event, and how alarming it is. */
export function describeEvent(e: LabEvent): { text: string; tone: EventTone } {
  switch (e.type) {
    case 'connection-opened': return { text: `#${e.connectionId} opened to ${e.targetId} (dial ${formatMs(e.dialMs)})`, tone: 'good' };
    case 'connection-closed': return { text: `#${e.connectionId} on ${e.targetId} closed: ${e.reason}, after ${formatMs(e.ageMs)} and ${e.uses} uses`, tone: e.reason === 'error' || e.reason === 'health-check' || e.reason === 'remote-closed' || e.reason === 'bad-reply' || e.reason === 'unexpected-bytes' ? 'warn' : 'info' };
    case 'dial-failed': return { text: `Dial to ${e.targetId} failed: ${e.code} ${e.message}; retry in ${formatMs(e.backoffMs)}`, tone: 'bad' };
    case 'health-check-failed': return { text: `#${e.connectionId} on ${e.targetId} failed its ${e.method} check: ${e.reason}`, tone: 'warn' };
    case 'stale-borrow': return { text: `Stale borrow: #${e.connectionId} on ${e.targetId} was handed out dead (${e.error})`, tone: 'bad' };
    case 'acquire-timed-out': return { text: `Acquire timed out after ${formatMs(e.waitedMs)}: ${e.message}`, tone: 'bad' };
    case 'leak-suspected': return { text: `Leak suspected: #${e.connectionId} on ${e.targetId} held ${formatMs(e.heldMs)}`, tone: 'warn' };
    case 'leak-released': return { text: `Suspected leak #${e.connectionId} came back after ${formatMs(e.heldMs)}`, tone: 'good' };
    case 'reconfigured': return { text: `${e.scope === 'target' ? `Target ${e.targetId ?? ''}` : e.scope === 'pool' ? 'Pool' : 'Load'} changed: ${Object.entries(e.changed).map(([k, v]) => `${k} = ${JSON.stringify(v)}`).join(', ')}`, tone: 'info' };
    case 'scenario-applied': return { text: `Scenario started: ${e.title}`, tone: 'info' };
    case 'target-added': return { text: `Target ${e.targetId} added (${e.address})`, tone: 'good' };
    case 'target-removed': return { text: `Target ${e.targetId} removed (${e.address})`, tone: 'info' };
    case 'target-restarted': return { text: `Target ${e.targetId} restarted (${e.address})`, tone: 'warn' };
    default: return { text: JSON.stringify(e), tone: 'info' };
  }
}
