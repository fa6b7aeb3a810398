import { memo, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Ack } from '@poolscope/shared/protocol';
import { parseKnobInput, sliderMax, type Knob } from '../lib/knobs';
import { formatWithUnit } from '../lib/format';
import { knobDescription, knobTitle, unitLabel } from '../i18n/words';
import { ackMessage } from './ack-message';
import { useHeldValue } from './use-held-value';

type NumberKnob = Extract<Knob, { kind: 'number' }>;

interface KnobSliderProps {
  knob: NumberKnob;
  /** The server's value: what the slider shows whenever no change is in flight. */
  value: number;
  onCommit: (value: number) => Promise<Ack<unknown>>;
  compact?: boolean;
  disabled?: boolean;
}

/**
 * A schema-driven slider plus an exact number box. Dragging or arrowing only moves a local
 * draft; the draft is sent on release (pointer up, key up, Enter, blur) through an acked
 * control. If the server refuses it, its message shows inline and the slider goes back to
 * the server's value.
 */
export const KnobSlider = memo(function KnobSlider({ knob, value, onCommit, compact, disabled }: KnobSliderProps) {
  const { t } = useTranslation();
  const id = useId();
  const [draft, setDraftState] = useState<number | null>(null);
  const [text, setText] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const draftRef = useRef<number | null>(null);
  const valueRef = useRef(value);
  const inFlight = useRef(false);
  valueRef.current = value;
  const { shown: settled, hold, release } = useHeldValue(value);
  const shown = draft ?? settled;

  const setDraft = (next: number | null) => {
    draftRef.current = next;
    setDraftState(next);
  };

  /** Send the newest draft; if the user moved on while a send was in flight, send again. */
  const send = async () => {
    if (inFlight.current) return;
    while (draftRef.current !== null) {
      const next = draftRef.current;
      if (next === valueRef.current) {
        setDraft(null);
        return;
      }
      inFlight.current = true;
      const ack = await onCommit(next);
      inFlight.current = false;
      if (!ack.ok) {
        setError(ackMessage(ack.error, t));
        release();
        setDraft(null);
        return;
      }
      setError(null);
      if (draftRef.current === next) {
        if (valueRef.current !== next) hold(next); // until the next snapshot repeats it
        setDraft(null);
        return;
      }
    }
  };

  const commit = (next: number | null) => {
    setText(null);
    if (next === null) return;
    setDraft(next);
    void send();
  };

  const commitDraft = () => {
    if (draftRef.current !== null) void send();
  };

  const onNumberKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') commit(parseKnobInput(knob, event.currentTarget.value));
    if (event.key === 'Escape') setText(null);
  };

  const title = knobTitle(t, knob);
  const description = knobDescription(t, knob);
  const unit = unitLabel(t, knob.unit);
  const helpId = `${id}-help`;
  const errorId = `${id}-error`;
  return (
    <div
      className={`knob${compact ? ' knob-compact' : ''}${error ? ' knob-invalid' : ''}${shown !== knob.defaultValue ? ' knob-changed' : ''}`}
    >
      <div className="knob-head">
        <label htmlFor={id}>{title}</label>
        <span className="knob-value" aria-hidden="true">
          {formatWithUnit(shown, unit)}
        </span>
      </div>
      <div className="knob-inputs">
        <input
          id={id}
          type="range"
          min={knob.min}
          max={Math.max(sliderMax(knob, value), shown)}
          step={knob.step}
          value={shown}
          disabled={disabled}
          aria-valuetext={formatWithUnit(shown, unit)}
          aria-describedby={[compact ? '' : helpId, error ? errorId : ''].filter(Boolean).join(' ') || undefined}
          aria-invalid={error ? true : undefined}
          onChange={(e) => {
            setError(null);
            setDraft(Number(e.currentTarget.value));
          }}
          onPointerUp={commitDraft}
          onKeyUp={commitDraft}
          onBlur={commitDraft}
        />
        <input
          type="number"
          className="knob-number"
          aria-label={t('knob.numberBox', { title, unit: unit || t('knob.value') })}
          min={knob.min}
          max={knob.max}
          step={knob.step}
          value={text ?? String(shown)}
          disabled={disabled}
          onChange={(e) => setText(e.currentTarget.value)}
          onKeyDown={onNumberKey}
          onBlur={(e) => {
            if (text !== null) commit(parseKnobInput(knob, e.currentTarget.value));
          }}
        />
      </div>
      {error ? (
        <p id={errorId} className="knob-error" role="alert">
          {error}
        </p>
      ) : null}
      {!compact && description ? (
        <p id={helpId} className="help">
          {description}{' '}
          <span className="knob-range">
            {t('knob.range', {
              min: formatWithUnit(knob.min, unit),
              max: formatWithUnit(knob.max, unit),
              default: formatWithUnit(knob.defaultValue, unit),
            })}
          </span>
        </p>
      ) : null}
    </div>
  );
});
