import { useId } from 'react';
import type { Arm } from '@poolscope/shared/compare';

const LEGEND = 'Knobs of arm';
const OPTIONS: readonly { arm: Arm; label: string }[] = [{ arm: 'a', label: 'Edit A' }, { arm: 'b', label: 'Edit B' }];
const HINT = 'The same sliders change the arm picked here; knobs where A and B differ are marked.';

interface ArmSwitchProps {
  arm: Arm;
  onChange: (arm: Arm) => void;
}

/** Which arm the controls change while comparing: native radios, so arrow keys move between them. */
export function ArmSwitch({ arm, onChange }: ArmSwitchProps) {
  const name = useId();
  return (
    <fieldset className="arm-switch">
      <legend className="sr-only">{LEGEND}</legend>
      <div className="segmented" role="presentation">
        {OPTIONS.map((o) => (
          <label key={o.arm} className={`segment${arm === o.arm ? ' segment-on' : ''} segment-arm-${o.arm}`}>
            <input type="radio" name={name} value={o.arm} checked={arm === o.arm} onChange={() => onChange(o.arm)} />
            {o.label}
          </label>
        ))}
      </div>
      <p className="help">{HINT}</p>
    </fieldset>
  );
}
