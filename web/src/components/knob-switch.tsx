import { memo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useHeldValue } from './use-held-value';
import { knobDescription, knobTitle } from '../i18n/words';
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
  const { t } = useTranslation();
  const { shown, hold, release } = useHeldValue(value);
  const [error, setError] = useState<string | null>(null);
  const change = async (next: boolean) => {
    hold(next);
    const ack = await onCommit(next);
    if (!ack.ok) release();
    setError(ack.ok ? null : ackMessage(ack.error, t));
  };
  return (
    <div className={`knob knob-bool${compact ? ' knob-compact' : ''}`}>
      <Switch
        label={knobTitle(t, knob)}
        checked={shown}
        onChange={(v) => void change(v)}
        {...(compact ? {} : { description: knobDescription(t, knob) })}
        {...(tone ? { tone } : {})}
      />
      {error ? (
        <p className="knob-error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
});
