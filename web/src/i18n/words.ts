import type { TFunction } from 'i18next';
import type { ScenarioSummary } from '@poolscope/shared/protocol';
import type { Knob } from '../lib/knobs';

/*
 * Words for what arrives as data: knob names from the shared schemas and scenario texts from the
 * server are translated by key, and fall back to the text that came with them when a key is unknown
 * (a knob or scenario added after this build).
 */

export const knobTitle = (t: TFunction, knob: Pick<Knob, 'name' | 'title'>): string =>
  t(`knobs.${knob.name}.title`, { defaultValue: knob.title });

export const knobDescription = (t: TFunction, knob: Pick<Knob, 'name' | 'description'>): string =>
  t(`knobs.${knob.name}.description`, { defaultValue: knob.description });

export const scenarioTitle = (t: TFunction, s: Pick<ScenarioSummary, 'id' | 'title'>): string =>
  t(`scenarios.${s.id}.title`, { defaultValue: s.title });

export const scenarioWatch = (t: TFunction, s: Pick<ScenarioSummary, 'id' | 'watch'>): string =>
  t(`scenarios.${s.id}.watch`, { defaultValue: s.watch });

/** Units that are words get translated; symbols (ms, bytes, %, req/s) stay as they are. */
const WORD_UNITS = new Set(['connections', 'waiters', 'workers']);
export const unitLabel = (t: TFunction, unit: string): string => (WORD_UNITS.has(unit) ? t(`units.${unit}`) : unit);
