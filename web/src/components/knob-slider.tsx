import { memo, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { Ack } from '@poolscope/shared/protocol';
import { parseKnobInput, sliderMax, type Knob } from '../lib/knobs';
import { formatWithUnit } from '../lib/format';
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
      if (next === valueRef.current) { setDraft(null); return; }
      inFlight.current = true;
      const ack = await onCommit(next);
      inFlight.current = false;
      if (!ack.ok) {
        setError(ackMessage(ack.error));
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

  const helpId = `${id}-help`;
  const errorId = `${id}-error`;
  return (
    <div className={`knob${compact ? ' knob-compact' : ''}${error ? ' knob-invalid' : ''}${shown !== knob.defaultValue ? ' knob-changed' : ''}`}>
      <div className="knob-head">
        <label htmlFor={id}>{knob.title}</label>
        <span className="knob-value" aria-hidden="true">{formatWithUnit(shown, knob.unit)}</span>
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
          aria-valuetext={formatWithUnit(shown, knob.unit)}
          aria-describedby={[compact ? '' : helpId, error ? errorId : ''].filter(Boolean).join(' ') || undefined}
          aria-invalid={error ? true : undefined}
          onChange={(e) => { setError(null); setDraft(Number(e.currentTarget.value)); }}
          onPointerUp={commitDraft}
          onKeyUp={commitDraft}
          onBlur={commitDraft}
        />
        <input
          type="number"
          className="knob-number"
          aria-label={`${knob.title} (${knob.unit || 'value'})`}
          min={knob.min}
          max={knob.max}
          step={knob.step}
          value={text ?? String(shown)}
          disabled={disabled}
          onChange={(e) => setText(e.currentTarget.value)}
          onKeyDown={onNumberKey}
          onBlur={(e) => { if (text !== null) commit(parseKnobInput(knob, e.currentTarget.value)); }}
        />
      </div>
      {error ? <p id={errorId} className="knob-error" role="alert">{error}</p> : null}
      {!compact && knob.description ? (
        <p id={helpId} className="help">
          {knob.description} <span className="knob-range">Range {formatWithUnit(knob.min, knob.unit)}–{formatWithUnit(knob.max, knob.unit)}, default {formatWithUnit(knob.defaultValue, knob.unit)}.</span>
        </p>
      ) : null}
    </div>
  );
});
