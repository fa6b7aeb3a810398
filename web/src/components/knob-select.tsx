import { memo, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Ack } from '@poolscope/shared/protocol';
import type { Knob } from '../lib/knobs';
import { ackMessage } from './ack-message';
import { useHeldValue } from './use-held-value';
import { knobDescription, knobTitle } from '../i18n/words';

interface KnobSelectProps {
  knob: Extract<Knob, { kind: 'enum' }>;
  value: string;
  onCommit: (value: string) => Promise<Ack<unknown>>;
}

/** An enum knob as a native select, applied on change through the acked control. */
export const KnobSelect = memo(function KnobSelect({ knob, value, onCommit }: KnobSelectProps) {
  const { t } = useTranslation();
  const id = useId();
  const { shown, hold, release } = useHeldValue(value);
  const [error, setError] = useState<string | null>(null);
  const change = async (next: string) => {
    hold(next);
    const ack = await onCommit(next);
    if (!ack.ok) release();
    setError(ack.ok ? null : ackMessage(ack.error, t));
  };
  return (
    <div className={`knob${error ? ' knob-invalid' : ''}${value !== knob.defaultValue ? ' knob-changed' : ''}`}>
      <div className="knob-head">
        <label htmlFor={id}>{knobTitle(t, knob)}</label>
      </div>
      <select id={id} value={shown} aria-describedby={`${id}-help`} onChange={(e) => void change(e.currentTarget.value)}>
        {knob.options.map((option) => (
          <option key={option} value={option} translate="no">
            {option}
          </option>
        ))}
      </select>
      {error ? (
        <p className="knob-error" role="alert">
          {error}
        </p>
      ) : null}
      <p id={`${id}-help`} className="help">
        {knobDescription(t, knob)}
      </p>
    </div>
  );
});
