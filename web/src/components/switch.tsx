import { memo, useId } from 'react';

interface SwitchProps {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  description?: string;
  disabled?: boolean;
  tone?: 'danger';
}

/** A toggle with role="switch"; its accessible name is the visible label. */
export const Switch = memo(function Switch({ label, checked, onChange, description, disabled, tone }: SwitchProps) {
  const id = useId();
  return (
    <div className={`switch-row${tone ? ` tone-${tone}` : ''}`}>
      <button
        type="button"
        role="switch"
        id={id}
        aria-checked={checked}
        aria-describedby={description ? `${id}-help` : undefined}
        className="switch"
        disabled={disabled}
        onClick={() => onChange(!checked)}
      >
        <span className="switch-track" aria-hidden="true">
          <span className="switch-thumb" />
        </span>
        <span className="switch-label">{label}</span>
      </button>
      {description ? (
        <p id={`${id}-help`} className="help">
          {description}
        </p>
      ) : null}
    </div>
  );
});
