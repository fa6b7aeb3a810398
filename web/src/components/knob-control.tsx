import { useCallback } from 'react';
import type { Ack } from '@poolscope/shared/protocol';
import type { Knob } from '../lib/knobs';
import { KnobSelect } from './knob-select';
import { KnobSlider } from './knob-slider';
import { KnobSwitch } from './knob-switch';

interface KnobControlProps {
  knob: Knob;
  value: unknown;
  onCommit: (name: string, value: unknown) => Promise<Ack<unknown>>;
  compact?: boolean;
}

/** Picks the control for a knob's kind: slider, select or switch. */
export function KnobControl({ knob, value, onCommit, compact }: KnobControlProps) {
  const commit = useCallback((v: unknown) => onCommit(knob.name, v), [knob.name, onCommit]);
  if (knob.kind === 'number') return <KnobSlider knob={knob} value={Number(value)} onCommit={commit} compact={compact ?? false} />;
  if (knob.kind === 'enum') return <KnobSelect knob={knob} value={String(value)} onCommit={commit} />;
  return <KnobSwitch knob={knob} value={value === true} onCommit={commit} compact={compact ?? false} />;
}
