import type { TFunction } from 'i18next';
import type { Marker } from '@poolscope/shared/snapshot';
import { en } from '../../i18n/en';
import { i18n } from '../../i18n/i18n';
import { ALL_KNOBS } from '../../i18n/knob-texts';
import { wordMarker } from '../../i18n/marker-words';

/*
 * The server labels markers in English and in code (server/src/lab/lab.ts): a scenario's title,
 * "maxOpen 10→4, holdMs 20→100" for a config change, "t1: down false→true" or "t1: restarted" for
 * a fault, "reclaimed 3 leaked connections". These are worded again here in the reader's language;
 * a label of any other shape is shown as it came. English shows the server's label unchanged: its
 * knob keys are shorter than the knobs' names, and the chart has room for 28 characters.
 */

const SCENARIO_IDS = new Map(Object.entries(en.scenarios).map(([id, s]) => [s.title, id]));
const KNOB_NAMES = new Set(ALL_KNOBS.map((k) => k.name));

/** "maxOpen 10→4, holdMs 20→100" -> "Max open connections 10→4, Hold time 20→100". */
function changes(t: TFunction, text: string): string {
  return text
    .split(', ')
    .map((part) => {
      const [name, ...rest] = part.split(' ');
      return name && KNOB_NAMES.has(name) ? [t(`knobs.${name}.title`), ...rest].join(' ') : part;
    })
    .join(t('markers.separator'));
}

/** "B: maxOpen 4 (A: 10)", one knob that differs between the arms (server/src/lab/knob-diff.ts). */
function armDiff(t: TFunction, text: string): string {
  const diff = /^B: (\S+) (.+) \(A: (.+)\)$/.exec(text);
  if (!diff) return text;
  const [, knob = '', b = '', a = ''] = diff;
  return t('markers.armDiff', { knob: KNOB_NAMES.has(knob) ? t(`knobs.${knob}.title`) : knob, a, b });
}

/** The comparison's config markers (server/src/lab/comparison.ts); null for any other label. */
function comparison(t: TFunction, label: string): string | null {
  if (label === 'compare started (A/A)') return t('markers.compareStartedSame');
  if (label === 'compare stopped') return t('markers.compareStopped');
  if (label === 'kept B') return t('markers.keptB');
  const started = /^compare started: (.+)$/.exec(label);
  if (started)
    return t('markers.compareStarted', {
      diff: (started[1] ?? '')
        .split(', ')
        .map((d) => armDiff(t, d))
        .join(t('markers.separator')),
    });
  const armB = /^B: (.+)$/.exec(label);
  return armB ? t('markers.armBChanged', { changes: changes(t, armB[1] ?? '') }) : null;
}

function word(t: TFunction, kind: Marker['kind'], label: string): string {
  if (kind === 'scenario') {
    const id = SCENARIO_IDS.get(label);
    return id ? t(`scenarios.${id}.title`) : label;
  }
  if (kind === 'config') return comparison(t, label) ?? changes(t, label);
  const reclaimed = /^reclaimed (\d+) leaked connections?$/.exec(label);
  if (reclaimed) return t('markers.reclaimed', { count: Number(reclaimed[1]) });
  const fault = /^([^:]+): (.+)$/.exec(label);
  if (!fault) return label;
  const [, target = '', what = ''] = fault;
  return what === 'restarted' ? t('markers.restarted', { target }) : `${target}: ${changes(t, what)}`;
}

/**
 * A marker's (or a cluster's, "… (+2)") label in the reader's language: from its code when it has
 * one (marker-words.ts), else from the English label's shape (recordings made before markers had codes).
 */
export function markerLabel(t: TFunction, m: Pick<Marker, 'kind' | 'label' | 'code' | 'params' | 'changes'>): string {
  if (i18n.language === 'en') return m.label;
  const more = / \(\+\d+\)$/.exec(m.label)?.[0] ?? '';
  return (wordMarker(t, m, i18n.language) ?? word(t, m.kind, m.label.slice(0, m.label.length - more.length))) + more;
}
