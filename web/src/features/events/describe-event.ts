import type { TFunction } from 'i18next';
import type { LabEvent } from '@poolscope/shared/events';
import { formatMs } from '../../lib/format';
import { i18n } from '../../i18n/i18n';
import { wordChanges } from '../../i18n/marker-words';

export type EventTone = 'info' | 'good' | 'warn' | 'bad';

/**
 * One readable line per lab event, and how alarming it is. `detail` is text the server wrote
 * (an error message, a check's failure): it is shown as it came, set apart as code.
 */
export interface EventLine {
  text: string;
  tone: EventTone;
  detail?: string;
}

const TROUBLE = new Set(['error', 'health-check', 'remote-closed', 'bad-reply']);

/**
 * In English "maxOpen = 4, holdMs = 100": knob keys are the API's own names, values as JSON. In
 * another language the knobs' titles and values worded as the chart markers word them.
 */
function changes(t: TFunction, changed: Record<string, unknown>): string {
  if (i18n.language === 'en')
    return Object.entries(changed)
      .map(([k, v]) => `${k} = ${JSON.stringify(v)}`)
      .join(', ');
  const scalar = (v: unknown): v is string | number | boolean => ['string', 'number', 'boolean'].includes(typeof v);
  return wordChanges(
    t,
    Object.entries(changed).flatMap(([knob, to]) => (scalar(to) ? [{ knob, to }] : [])),
  );
}

export function describeEvent(e: LabEvent, t: TFunction): EventLine {
  switch (e.type) {
    case 'connection-opened':
      return { text: t('events.opened', { id: e.connectionId, target: e.targetId, dial: formatMs(e.dialMs) }), tone: 'good' };
    case 'connection-closed':
      return {
        text: t('events.closed', {
          id: e.connectionId,
          target: e.targetId,
          reason: t(`closeReason.${e.reason}`),
          age: formatMs(e.ageMs),
          uses: e.uses,
        }),
        tone: TROUBLE.has(e.reason) ? 'warn' : 'info',
      };
    case 'dial-failed':
      return {
        text: t('events.dialFailed', { target: e.targetId, code: e.code, message: e.message, backoff: formatMs(e.backoffMs) }),
        tone: 'bad',
      };
    case 'health-check-failed':
      return {
        text: t('events.checkFailed', { id: e.connectionId, target: e.targetId, method: e.method }),
        tone: 'warn',
        detail: e.reason,
      };
    case 'stale-borrow':
      return { text: t('events.staleBorrow', { id: e.connectionId, target: e.targetId }), tone: 'bad', detail: e.error };
    case 'acquire-timed-out':
      return { text: t('events.acquireTimedOut', { waited: formatMs(e.waitedMs) }), tone: 'bad', detail: e.message };
    case 'leak-suspected':
      return { text: t('events.leakSuspected', { id: e.connectionId, target: e.targetId, held: formatMs(e.heldMs) }), tone: 'warn' };
    case 'leak-released':
      return { text: t('events.leakReleased', { id: e.connectionId, held: formatMs(e.heldMs) }), tone: 'good' };
    case 'reconfigured': {
      const key = e.scope === 'target' ? 'events.changedTarget' : e.scope === 'pool' ? 'events.changedPool' : 'events.changedLoad';
      return { text: t(key, { target: e.targetId ?? '', changes: changes(t, e.changed) }), tone: 'info' };
    }
    case 'scenario-applied':
      return {
        text: t('events.scenarioStarted', { title: t(`scenarios.${e.scenarioId}.title`, { defaultValue: e.title }) }),
        tone: 'info',
      };
    case 'target-added':
      return { text: t('events.targetAdded', { target: e.targetId, address: e.address }), tone: 'good' };
    case 'target-removed':
      return { text: t('events.targetRemoved', { target: e.targetId, address: e.address }), tone: 'info' };
    case 'target-restarted':
      return { text: t('events.targetRestarted', { target: e.targetId, address: e.address }), tone: 'warn' };
    default:
      return { text: JSON.stringify(e), tone: 'info' };
  }
}
