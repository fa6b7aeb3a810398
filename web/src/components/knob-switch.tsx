import { memo, useState } from 'react';
import { useHeldValue } from './use-held-value';
import type { Ack } from '@poolscope/shared/protocol';
import type { Knob } from '../lib/knobs';
import { Switch } from './switch';
import { ackMessage } from './ack-message';

interface KnobSwitchProps {
  knob: Extract<Knob, { kind: 'boolean' }>;
  value: boolean;
  onCommit: (value: boolean) => Promise<Ack<unknown>>;
  compact?: boolean;
  tone?: 'danger';
}

export const KnobSwitch = memo(function KnobSwitch({ knob, value, onCommit, compact, tone }: KnobSwitchProps) {
  const { shown, hold, release } = useHeldValue(value);
  const [error, setError] = useState<string | null>(null);
  const change = async (next: boolean) => {
    hold(next);
    const ack = await onCommit(next);
    if (!ack.ok) release();
    setError(ack.ok ? null : ackMessage(ack.error));
  };
  return (
    <div className={`knob knob-bool${compact ? ' knob-compact' : ''}`}>
      <Switch label={knob.title} checked={shown} onChange={(v) => void change(v)} {...(compact ? {} : { description: knob.description })} {...(tone ? { tone } : {})} />
      {error ? <p className="knob-error" role="alert">{error}</p> : null}
    </div>
  );
});
